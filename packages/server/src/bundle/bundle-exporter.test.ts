import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainError } from '@hanoi247/core';
import { MemoryBundleWorld } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, type BundleExportInput } from './bundle-exporter.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'h247-bundle-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const output = (name: string) => join(dir, name);
const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('the export was not refused');
};

async function worldWithRequest() {
  const world = await MemoryBundleWorld.create();
  const request = world.addRequest();
  const own = world.addItem({ content: Buffer.from('call detail records\n'), requestId: request.id });
  const received = world.addItem({ content: Buffer.from('logs provided by Singapore\n'), requestId: request.id, originCountry: 'SG' });
  await world.addReceipt(request.id);
  world.signCheckpoint();
  return { world, request, own, received };
}

describe('exportBundle', () => {
  it('writes a request’s items, custody proofs, checkpoint, receipts and descriptors into one zip', async () => {
    const { world, request, own, received } = await worldWithRequest();
    const input: BundleExportInput = { requestId: request.id, destinationCountry: null, disclosePersonal: false, outputPath: output('case.zip') };
    const result = await exportBundle(world.ports(), input);
    expect(result.manifest.items.map((i) => i.id)).toEqual([own, received]);
    expect(result.manifest.request).toEqual(request);
    expect(result.manifest.checkpoints.map((c) => c.size)).toEqual([6]);
    expect(result.manifest.receipts).toHaveLength(1);
    expect(result.manifest.descriptors.map((d) => d.country)).toEqual(['VN', 'SG']);
    expect(result.written.size).toBe(statSync(input.outputPath).size);
    expect(result.written.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('refuses to pass evidence another State provided to a third State without its authorisation (Art. 36)', async () => {
    const { world, request, received } = await worldWithRequest();
    const error = await refusal(exportBundle(world.ports(), { requestId: request.id, destinationCountry: 'FR', disclosePersonal: false, outputPath: output('fr.zip') }));
    expect(error.code).toBe('evidence/onward-transfer-not-authorised');
    expect(error.issues).toEqual([{ path: `/evidence/${received}`, message: 'provided by SG; SG has not authorised its transfer to FR' }]);
    expect(existsSync(output('fr.zip'))).toBe(false);

    world.authorisations.add(`${received}/FR`);
    const allowed = await exportBundle(world.ports(), { requestId: request.id, destinationCountry: 'FR', disclosePersonal: false, outputPath: output('fr.zip') });
    expect(allowed.authorisations).toEqual([{ evidenceId: received, reference: `consent ${received}/FR` }]);
    expect(allowed.manifest.destination).toBe('FR');
  });

  it('needs no authorisation to send evidence back to the State that provided it', async () => {
    const { world, request } = await worldWithRequest();
    const result = await exportBundle(world.ports(), { requestId: request.id, destinationCountry: 'SG', disclosePersonal: false, outputPath: output('sg.zip') });
    expect(result.authorisations).toEqual([]);
  });

  it('refuses custody events not yet under a signed checkpoint, erased items, unknown items and an empty selection', async () => {
    const { world, request } = await worldWithRequest();
    const late = world.addItem({ content: Buffer.from('late'), requestId: request.id });
    expect((await refusal(exportBundle(world.ports(), { evidenceIds: [late], destinationCountry: null, disclosePersonal: false, outputPath: output('late.zip') }))).code).toBe('bundle/custody-not-checkpointed');
    world.signCheckpoint();
    world.items.get(late)!.record = { ...world.items.get(late)!.record, erasedAt: '2026-03-01T00:00:00.000Z' };
    expect((await refusal(exportBundle(world.ports(), { evidenceIds: [late], destinationCountry: null, disclosePersonal: false, outputPath: output('late.zip') }))).code).toBe('bundle/item-erased');
    expect((await refusal(exportBundle(world.ports(), { evidenceIds: ['0190a000-0000-7000-8000-000000000000'], destinationCountry: null, disclosePersonal: false, outputPath: output('x.zip') }))).code).toBe('evidence/not-found');
    expect((await refusal(exportBundle(world.ports(), { evidenceIds: [], destinationCountry: null, disclosePersonal: false, outputPath: output('x.zip') }))).code).toBe('bundle/nothing-to-export');
    expect(existsSync(output('late.zip'))).toBe(false);
  });

  it('stops, and leaves no zip behind, when the stored content no longer matches its hash', async () => {
    const { world, request, received } = await worldWithRequest();
    world.corrupted.set(received, Buffer.from('logs provided by Singapur\n'));
    const error = await refusal(exportBundle(world.ports(), { requestId: request.id, destinationCountry: null, disclosePersonal: false, outputPath: output('bad.zip') }));
    expect(error.code).toBe('evidence/integrity-failed');
    expect(existsSync(output('bad.zip'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('bad.zip'))).toEqual([]);
  });
});
