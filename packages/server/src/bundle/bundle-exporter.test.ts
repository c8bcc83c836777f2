import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCheckpoint, ledgerOrigin, signNote, type DomainError } from '@hanoi247/core';
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
  const received = world.addItem({
    content: Buffer.from('logs provided by Singapore\n'),
    requestId: request.id,
    originCountry: 'SG',
  });
  await world.addReceipt(request.id);
  world.signCheckpoint();
  return { world, request, own, received };
}

describe('exportBundle', () => {
  it('writes a request’s items, custody proofs, checkpoint, receipts and descriptors into one zip', async () => {
    const { world, request, own, received } = await worldWithRequest();
    const input: BundleExportInput = {
      requestId: request.id,
      destinationCountry: null,
      disclosePersonal: false,
      outputPath: output('case.zip'),
    };
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

  it(
    'refuses to pass evidence another State provided to a third State without ' + 'its authorisation (Art. 36)',
    async () => {
      const { world, request, received } = await worldWithRequest();
      const error = await refusal(
        exportBundle(world.ports(), {
          requestId: request.id,
          destinationCountry: 'FR',
          disclosePersonal: false,
          outputPath: output('fr.zip'),
        }),
      );
      expect(error.code).toBe('evidence/onward-transfer-not-authorised');
      expect(error.issues).toEqual([
        { path: `/evidence/${received}`, message: 'provided by SG; SG has not authorised its transfer to FR' },
      ]);
      expect(existsSync(output('fr.zip'))).toBe(false);

      world.authorisations.add(`${received}/FR`);
      const allowed = await exportBundle(world.ports(), {
        requestId: request.id,
        destinationCountry: 'FR',
        disclosePersonal: false,
        outputPath: output('fr.zip'),
      });
      expect(allowed.authorisations).toEqual([{ evidenceId: received, reference: `consent ${received}/FR` }]);
      expect(allowed.manifest.destination).toBe('FR');
    },
  );

  it('needs no authorisation to send evidence back to the State that provided it', async () => {
    const { world, request } = await worldWithRequest();
    const result = await exportBundle(world.ports(), {
      requestId: request.id,
      destinationCountry: 'SG',
      disclosePersonal: false,
      outputPath: output('sg.zip'),
    });
    expect(result.authorisations).toEqual([]);
  });

  it(
    'refuses custody events not yet under a signed checkpoint, erased items, ' + 'unknown items and an empty selection',
    async () => {
      const { world, request } = await worldWithRequest();
      const late = world.addItem({ content: Buffer.from('late'), requestId: request.id });
      expect(
        (
          await refusal(
            exportBundle(world.ports(), {
              evidenceIds: [late],
              destinationCountry: null,
              disclosePersonal: false,
              outputPath: output('late.zip'),
            }),
          )
        ).code,
      ).toBe('bundle/custody-not-checkpointed');
      world.signCheckpoint();
      world.items.get(late)!.record = { ...world.items.get(late)!.record, erasedAt: '2026-03-01T00:00:00.000Z' };
      expect(
        (
          await refusal(
            exportBundle(world.ports(), {
              evidenceIds: [late],
              destinationCountry: null,
              disclosePersonal: false,
              outputPath: output('late.zip'),
            }),
          )
        ).code,
      ).toBe('bundle/item-erased');
      expect(
        (
          await refusal(
            exportBundle(world.ports(), {
              evidenceIds: ['0190a000-0000-7000-8000-000000000000'],
              destinationCountry: null,
              disclosePersonal: false,
              outputPath: output('x.zip'),
            }),
          )
        ).code,
      ).toBe('evidence/not-found');
      expect(
        (
          await refusal(
            exportBundle(world.ports(), {
              evidenceIds: [],
              destinationCountry: null,
              disclosePersonal: false,
              outputPath: output('x.zip'),
            }),
          )
        ).code,
      ).toBe('bundle/nothing-to-export');
      expect(existsSync(output('late.zip'))).toBe(false);
    },
  );

  it('stops, and leaves no zip behind, when the stored content no longer matches its hash', async () => {
    const { world, request, received } = await worldWithRequest();
    world.corrupted.set(received, Buffer.from('logs provided by Singapur\n'));
    const error = await refusal(
      exportBundle(world.ports(), {
        requestId: request.id,
        destinationCountry: null,
        disclosePersonal: false,
        outputPath: output('bad.zip'),
      }),
    );
    expect(error.code).toBe('evidence/integrity-failed');
    expect(existsSync(output('bad.zip'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('bad.zip'))).toEqual([]);
  });
});

describe('exportBundle of evidence received from another State', () => {
  const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  async function worldWithReceived() {
    const world = await MemoryBundleWorld.create();
    const own = world.addItem({ content: Buffer.from('call detail records\n') });
    const received = world.addReceivedItem({ content: Buffer.from('logs provided by Singapore\n') });
    world.signCheckpoint();
    const [key, notes] = [...world.partnerNotes][0]!;
    return { world, own, received, key, genuine: notes[0]! };
  }

  it('carries the sending State’s custody leaves, its checkpoint and its descriptor (format version 2)', async () => {
    const { world, own, received, genuine } = await worldWithReceived();
    const result = await exportBundle(world.ports(), {
      evidenceIds: [own, received],
      destinationCountry: null,
      disclosePersonal: false,
      outputPath: output('received.zip'),
    });
    expect(result.manifest.v).toBe(2);
    expect(result.manifest.items.map((i) => i.foreignCustody?.country ?? null)).toEqual([null, 'SG']);
    expect(result.manifest.items[1]!.foreignCustody).toMatchObject({
      checkpoint: 4,
      path: `custody/${received}.SG.json`,
    });
    expect(result.manifest.partnerCheckpoints).toEqual([
      { country: 'SG', size: 4, path: 'checkpoints/SG/4.note', sha256: sha(genuine.note) },
    ]);
    expect(result.manifest.descriptors.map((d) => d.country)).toEqual(['VN', 'SG']);
    // The node's own evidence alone still makes a version 1 bundle, readable by version 1 verifiers.
    const ownOnly = await exportBundle(world.ports(), {
      evidenceIds: [own],
      destinationCountry: null,
      disclosePersonal: false,
      outputPath: output('own.zip'),
    });
    expect(ownOnly.manifest.v).toBe(1);
    expect(ownOnly.manifest.partnerCheckpoints).toBeUndefined();
    expect(ownOnly.manifest.descriptors.map((d) => d.country)).toEqual(['VN']);
  });

  it(
    'after a split view, takes the sender’s note whose root proves the leaves, ' + 'and refuses when none does',
    async () => {
      const { world, received, key, genuine } = await worldWithReceived();
      const origin = ledgerOrigin('SG', world.sg.keyId);
      const forged = signNote(
        formatCheckpoint({
          origin,
          size: 4,
          rootHash: createHash('sha256').update('another history').digest(),
          extensions: [],
        }),
        origin,
        world.sg.privateKey,
        world.sg.publicKey,
      );
      world.partnerNotes.set(key, [
        { note: forged, rootHash: createHash('sha256').update('another history').digest('hex') },
        genuine,
      ]);
      const result = await exportBundle(world.ports(), {
        evidenceIds: [received],
        destinationCountry: null,
        disclosePersonal: false,
        outputPath: output('split.zip'),
      });
      expect(result.manifest.partnerCheckpoints?.[0]?.sha256).toBe(sha(genuine.note));
      world.partnerNotes.set(key, [
        { note: forged, rootHash: createHash('sha256').update('another history').digest('hex') },
      ]);
      const error = await refusal(
        exportBundle(world.ports(), {
          evidenceIds: [received],
          destinationCountry: null,
          disclosePersonal: false,
          outputPath: output('unproved.zip'),
        }),
      );
      expect(error).toMatchObject({
        code: 'bug/invariant-violated',
        message: expect.stringMatching(/no checkpoint of SG of size 4 that proves the custody it sent/) as string,
      });
      expect(existsSync(output('unproved.zip'))).toBe(false);
    },
  );

  it('refuses, writing nothing, when the sending State’s descriptor is not held', async () => {
    const { world, received } = await worldWithReceived();
    const ports = world.ports();
    const error = await refusal(
      exportBundle(
        { ...ports, descriptors: { ...ports.descriptors, partner: async () => null } },
        {
          evidenceIds: [received],
          destinationCountry: null,
          disclosePersonal: false,
          outputPath: output('nodesc.zip'),
        },
      ),
    );
    expect(error).toMatchObject({
      code: 'federation/unknown-peer',
      message: expect.stringMatching(/the descriptor of SG, which sent evidence in this bundle, is not held/) as string,
    });
    expect(existsSync(output('nodesc.zip'))).toBe(false);
  });
});
