import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The built CLI as `npx hanoi247` runs it; not from the testkit, whose index loads the whole server.
const cliBin = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly totpSecret: string;
  readonly apiToken: string;
}

/**
 * `hanoi247 demo` as a newcomer runs it (three nodes, one process), on free ports and a fresh directory,
 * with empty inboxes (--no-history): the tests and benches count and find what they create themselves.
 */
export class DemoProcess {
  private output = '';
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly dataDir: string,
  ) {
    child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
  }

  urls: Record<string, string> = {};

  static async start(timeoutMs = 45_000): Promise<DemoProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), 'h247-web-'));
    const child = spawn(
      process.execPath,
      [cliBin, 'demo', '--data', dataDir, '--base-port', '0', '--log-level', 'warn', '--no-history'],
      { env: { ...process.env, DATABASE_URL: '' } },
    );
    const demo = new DemoProcess(child, dataDir);
    demo.urls = await new Promise<Record<string, string>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the demo did not start in time:\n${demo.output}`)), timeoutMs);
      child.stdout.on('data', () => {
        const ready = /demo network ready: (.+) \(Ctrl-C/.exec(demo.output);
        if (ready?.[1] === undefined) return;
        clearTimeout(timer);
        resolve(Object.fromEntries(ready[1].split(', ').map((entry) => entry.split(' ') as [string, string])));
      });
      child.on('exit', (code) => reject(new Error(`the demo exited with ${String(code)}:\n${demo.output}`)));
    });
    child.removeAllListeners('exit');
    return demo;
  }

  url(country: string): string {
    const url = this.urls[country];
    if (url === undefined) throw new Error(`no ${country} node in the demo`);
    return url;
  }

  account(country: string, suffix: string): DemoAccount {
    const file = JSON.parse(readFileSync(join(this.dataDir, country.toLowerCase(), 'demo-accounts.json'), 'utf8')) as {
      accounts: DemoAccount[];
    };
    const found = file.accounts.find((a) => a.username === `${country.toLowerCase()}.${suffix}`);
    if (found === undefined) throw new Error(`no demo account ${country.toLowerCase()}.${suffix}`);
    return found;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.on('exit', () => resolve()));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
