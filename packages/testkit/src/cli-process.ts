import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built CLI, exactly as `npx hanoi247` runs it; `npm test` builds it first. */
export const cliBin = fileURLToPath(new URL('../../cli/dist/bin.js', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // The child must not inherit a developer's node settings or database URLs by accident.
  const { DATABASE_URL: _db, HANOI247_DATA_DIR: _dir, ...rest } = process.env;
  return { ...rest, ...extra };
}

export async function runCli(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  if (!existsSync(cliBin)) throw new Error(`${cliBin} is missing: run npm run build`);
  const child = spawn(process.execPath, [cliBin, ...args], { env: cleanEnv(options.env ?? {}) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(options.input ?? '');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

/** A running `hanoi247 serve`, with everything it printed so far. */
export class ServeProcess {
  output = '';
  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
  }

  /** `env` adds variables to the child's (cleaned) environment, e.g. quick federation retries. */
  static async start(
    args: readonly string[],
    timeoutMs = 30_000,
    options: { env?: Record<string, string> } = {},
  ): Promise<{ process: ServeProcess; url: string }> {
    const child = spawn(process.execPath, [cliBin, 'serve', ...args], { env: cleanEnv(options.env ?? {}) });
    const serve = new ServeProcess(child);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start in time:\n${serve.output}`)), timeoutMs);
      const check = () => {
        const match = /listening on (http:\/\/[^\s]+)\n/.exec(serve.output);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', check);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`serve exited with ${String(code)}:\n${serve.output}`));
      });
    });
    child.removeAllListeners('exit');
    return { process: serve, url };
  }

  /** SIGKILL and wait: a crash, no shutdown hook runs (kill -9). */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.on('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM and wait: a graceful shutdown exits 0. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.child.kill('SIGTERM');
    return exited;
  }
}
