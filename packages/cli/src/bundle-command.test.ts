import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { exportBundle } from '@hanoi247/server';
import { MemoryBundleWorld } from '@hanoi247/testkit';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CliError } from './cli-error.js';
import { bundleCommand, type BundleExportOrder } from './commands/bundle.command.js';
import { verifyBundleFile } from './commands/verify.command.js';

let dir: string;
let opened = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'h247-bundle-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(world: MemoryBundleWorld, args: string[], orders: BundleExportOrder[] = []): Promise<string> {
  const program = new Command('hanoi247').exitOverride();
  let closed = 0;
  program.addCommand(
    bundleCommand(async () => {
      opened += 1;
      return {
        export: (order) => {
          orders.push(order);
          return exportBundle(world.ports(), order);
        },
        close: async () => void (closed += 1),
      };
    }),
  );
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'hanoi247', 'bundle', 'export', ...args]);
    expect(closed).toBe(1);
    return write.mock.calls.map((c) => String(c[0])).join('');
  } finally {
    write.mockRestore();
  }
}

describe('hanoi247 bundle export', () => {
  it('exports a request for a destination through the injected exporter, and the result verifies', async () => {
    const world = await MemoryBundleWorld.create();
    const request = world.addRequest();
    world.addItem({ content: Buffer.from('records'), requestId: request.id });
    world.signCheckpoint();
    const output = join(dir, 'case.zip');
    const orders: BundleExportOrder[] = [];
    const printed = await run(world, ['--request', request.id, '-o', output, '--for', 'sg'], orders);
    expect(orders).toEqual([
      { requestId: request.id, evidenceIds: [], outputPath: output, destinationCountry: 'SG', disclosePersonal: false },
    ]);
    expect(printed).toMatch(
      new RegExp(
        String.raw`^wrote .*case\.zip: 1 item\(s\), \d+ bytes\n {2}bundle [0-9a-f-]{36}, SHA-256 [0-9a-f]{64}\n` +
          String.raw` {2}check it with: hanoi247 verify `,
      ),
    );
    expect(await verifyBundleFile(output, {}, new Writable({ write: (_c, _e, cb) => cb() }))).toBe(0);
  });

  it('refuses an order without items, a bad country and an existing output, before opening the node', async () => {
    const world = await MemoryBundleWorld.create();
    const before = opened;
    const existing = join(dir, 'exists.zip');
    writeFileSync(existing, 'x');
    await expect(run(world, ['-o', join(dir, 'a.zip')])).rejects.toThrow(CliError);
    await expect(run(world, ['--evidence', 'x', '-o', join(dir, 'a.zip'), '--for', 'Singapore'])).rejects.toThrow(
      /--for takes an ISO 3166-1 alpha-2/,
    );
    await expect(run(world, ['--evidence', 'x', '-o', existing])).rejects.toThrow(/exists already/);
    expect(opened).toBe(before);
  });
});
