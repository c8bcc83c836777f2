import { buildApp, type App } from '@hanoi247/server';
import { webRoot } from '@hanoi247/web';
import { Command } from 'commander';
import { serverConfigFrom, withServerOptions, type NodeOptions } from '../node-options.js';

function printBootstrap(out: NodeJS.WritableStream, url: string, token: string, expiresAt: string): void {
  out.write(
    [
      '',
      '  This node has no administrator yet. Create the first one with this one-time token',
      `  (valid until ${expiresAt}; a restart issues a new one):`,
      '',
      `    ${token}`,
      '',
      `  Open ${url}/ and choose "First start", or:`,
      `    curl -X POST ${url}/api/v1/bootstrap -H 'content-type: application/json' \\`,
      `      -d '{"token":"<token>","username":"admin","displayName":"Administrator","password":"<12+ characters>"}'`,
      '',
    ].join('\n') + '\n',
  );
}

/** Ends in-flight requests, then storage, on SIGINT/SIGTERM; a second signal forces exit. */
function closeOnSignals(app: App): void {
  let closing = false;
  const close = (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => close('SIGINT'));
  process.once('SIGTERM', () => close('SIGTERM'));
}

export function serveCommand(version: string): Command {
  return withServerOptions(new Command('serve'))
    .description('run this node: API, web app and background jobs')
    .action(async (options: NodeOptions) => {
      const config = serverConfigFrom(options, process.env);
      const withWeb = config.web.root === null ? { ...config, web: { ...config.web, root: webRoot } } : config;
      let pendingToken: { token: string; expiresAt: string } | null = null;
      const app = await buildApp(withWeb, {
        version,
        onBootstrapToken: (token, expiresAt) => {
          pendingToken = { token, expiresAt };
        },
      });
      closeOnSignals(app);
      const address = await app.listen({ host: config.http.host, port: config.http.port });
      const url = config.http.publicUrl ?? address;
      const token = pendingToken as { token: string; expiresAt: string } | null;
      // The "listening on" line comes last: scripts and tests wait for it as the ready signal.
      if (token !== null) printBootstrap(process.stdout, url, token.token, token.expiresAt);
      process.stdout.write(
        `  storage: ${app.node.database.description}\n  web app: ${url}/   API docs: ${url}/api/v1/docs\n` +
          `hanoi247 ${version}: node "${config.node.name}" (${config.node.country}) listening on ${address}\n`,
      );
    });
}
