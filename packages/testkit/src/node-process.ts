import { createServer } from 'node:net';
import { ApiProblem, routes, type ApiClient } from '@hanoi247/contract/client';
import { currentKey } from '@hanoi247/core';
import { totpCodeAt } from '@hanoi247/server';
import { runCli, ServeProcess } from './cli-process.js';
import { processClient, replyOf, type ProcessReply, type ProcessSession } from './process-client.js';

export type { ProcessReply, ProcessSession } from './process-client.js';

export interface NodeProcessOptions {
  readonly country: string;
  readonly name: string;
  readonly dataDir: string;
  /** A fixed port, so the URL partners pinned stays valid across restarts. */
  readonly port: number;
  /** Extra environment for `hanoi247 serve`, e.g. quick federation retries. */
  readonly env?: Record<string, string>;
}

/** A free loopback port, found by listening on port 0 and closing again. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns something other than undefined, or fails naming what it waited for. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function runOrThrow(args: readonly string[], input?: string): Promise<string> {
  const result = await runCli(args, input === undefined ? {} : { input });
  if (result.code !== 0) {
    throw new Error(`hanoi247 ${args.join(' ')} exited with ${String(result.code)}:\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/**
 * One country's node as an operator runs it: the real `hanoi247 serve` process on a fixed port
 * and data dir, configured with the CLI (`keys show`, `peers add`, `users add`) while it runs.
 */
export class NodeProcess {
  private serve: ServeProcess | null = null;
  /** CLI commands on one data dir run one at a time: two writers racing can get "database is locked". */
  private cliQueue: Promise<unknown> = Promise.resolve();
  private constructor(
    readonly options: NodeProcessOptions,
    readonly url: string,
  ) {}

  static async start(options: NodeProcessOptions): Promise<NodeProcess> {
    const node = new NodeProcess(options, `http://127.0.0.1:${options.port}`);
    await node.restart();
    return node;
  }

  private cli(args: readonly string[], input?: string): Promise<string> {
    const next = this.cliQueue.then(() => runOrThrow(args, input));
    this.cliQueue = next.catch(() => undefined);
    return next;
  }

  get country(): string {
    return this.options.country;
  }

  get running(): boolean {
    return this.serve !== null;
  }

  /** Everything the current process printed (logs at the chosen level, the ready line). */
  get output(): string {
    return this.serve?.output ?? '';
  }

  /** The same arguments every time: restarts find the same data dir and port. */
  args(): string[] {
    const { dataDir, country, name, port } = this.options;
    return [
      '--data',
      dataDir,
      '--country',
      country,
      '--node-name',
      name,
      '--port',
      String(port),
      '--log-level',
      'warn',
    ];
  }

  /** Starts the process again; `env` adds to (or overrides) the node's own environment for this run only. */
  async restart(env: Record<string, string> = {}): Promise<void> {
    if (this.serve !== null) throw new Error(`${this.country} is already running`);
    const started = await ServeProcess.start(this.args(), 30_000, { env: { ...this.options.env, ...env } });
    if (started.url !== this.url) throw new Error(`${this.country} listens on ${started.url}, expected ${this.url}`);
    this.serve = started.process;
  }

  /** Graceful stop (SIGTERM). */
  async stop(): Promise<void> {
    const serve = this.serve;
    this.serve = null;
    const code = await serve?.stop();
    if (code !== undefined && code !== null && code !== 0) throw new Error(`${this.country} exited with ${code}`);
  }

  /** kill -9: no shutdown hook, no flush; only what was committed survives. */
  async kill(): Promise<void> {
    const serve = this.serve;
    this.serve = null;
    await serve?.kill();
  }

  /** The current signing-key fingerprint, read from `hanoi247 keys show` as its operator would. */
  async fingerprint(): Promise<string> {
    const shown = await this.cli(['keys', 'show', '--data', this.options.dataDir]);
    const current = /CURRENT[^\n]*\n\s+signing\s+Ed25519\s+(SHA256:[A-Za-z0-9_-]{43})/.exec(shown)?.[1];
    if (current === undefined) throw new Error(`no current signing key in:\n${shown}`);
    return current;
  }

  /** The current signing-key fingerprint in the descriptor the node publishes (what `peers add` fetches). */
  async publishedFingerprint(): Promise<string> {
    const signed = await this.api().call('getDescriptor');
    return currentKey(signed.descriptor).signing.fingerprint;
  }

  /** `hanoi247 peers add <partner url> --fingerprint <fp>`: trust the partner, pinned by its key. */
  async pin(partner: NodeProcess, fingerprint?: string): Promise<void> {
    await this.cli([
      'peers',
      'add',
      partner.url,
      '--fingerprint',
      fingerprint ?? (await partner.fingerprint()),
      '--data',
      this.options.dataDir,
    ]);
  }

  /** `hanoi247 users add NAME --role R --password-stdin`, on the running node's data dir. */
  async addUser(username: string, roles: readonly string[], password: string): Promise<void> {
    await this.cli(
      ['users', 'add', username, '--role', ...roles, '--password-stdin', '--data', this.options.dataDir],
      `${password}\n`,
    );
  }

  /** First sign-in: password, then enrolment of the TOTP secret the node hands out. */
  async signInFirstTime(username: string, password: string): Promise<ProcessSession> {
    const first = await this.call<{ status?: string; enrolmentToken?: string; secret?: string }>(
      'POST',
      '/api/v1/auth/login',
      { body: { username, password } },
    );
    if (first.status !== 200 || first.body.status !== 'totp-enrolment-required') {
      throw new Error(`${username} at ${this.country}: ${first.status} ${JSON.stringify(first.body)}`);
    }
    const enrolled = await this.api()
      .request(routes.enrolTotp.method, routes.enrolTotp.path, {
        enrolmentToken: first.body.enrolmentToken,
        totpCode: totpCodeAt(first.body.secret ?? '', new Date()),
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiProblem)) throw error;
        throw new Error(
          `TOTP enrolment of ${username} at ${this.country}: ${error.status} ${error.code} ${error.message}`,
        );
      });
    const text = await enrolled.text();
    const cookie = enrolled.headers
      .getSetCookie()
      .find((c) => c.startsWith('__Host-h247_session='))
      ?.split(';')[0];
    if (cookie === undefined) throw new Error(`no session cookie for ${username}`);
    return { username, cookie, csrfToken: (JSON.parse(text) as { csrfToken: string }).csrfToken };
  }

  /** The contract's typed client for this node, as a session (cookie + CSRF header), with a Bearer token, or public. */
  api(as?: ProcessSession, token?: string): ApiClient {
    return processClient(this.url, { ...(as === undefined ? {} : { as }), ...(token === undefined ? {} : { token }) });
  }

  /** JSON over HTTP through the contract's client, whatever the status (tests assert refusals with it). */
  async call<T = unknown>(
    method: string,
    path: string,
    options: { as?: ProcessSession; token?: string; body?: unknown } = {},
  ): Promise<ProcessReply<T>> {
    const { body, ...caller } = options;
    return replyOf<T>(this.url, caller, method, path, body);
  }

  /** Like `call`, but anything other than the expected status throws with the problem details. */
  async expect<T = unknown>(
    status: number,
    method: string,
    path: string,
    options: { as?: ProcessSession; token?: string; body?: unknown } = {},
  ): Promise<T> {
    const reply = await this.call<T>(method, path, options);
    if (reply.status !== status) {
      throw new Error(
        `${method} ${path} at ${this.country}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`,
      );
    }
    return reply.body;
  }
}
