import { createHash, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import {
  auditLeafData,
  custodyEventHash,
  custodyLeafData,
  personalCommitment,
  type CustodyEvent,
  type CustodyEventType,
  type CustodyPersonal,
} from '../evidence/custody-event.js';
import { rawPublicKey } from '../federation/keys.js';
import { signDescriptor, type NodeDescriptor } from '../federation/node-descriptor.js';
import { signReceipt } from '../federation/receipt.js';
import { keyFingerprint, keyIdOf } from '../identity/key-fingerprint.js';
import { formatCheckpoint } from '../ledger/checkpoint.js';
import { leafHash } from '../ledger/hasher.js';
import { consistencyProof, inclusionProof, rootOf } from '../ledger/merkle-tree.js';
import { ledgerOrigin } from '../ledger/log-identity.js';
import { signNote } from '../ledger/signed-note.js';
import { assembleBundle, type BundleInput, type BundleItemInput } from './assemble-bundle.js';
import type { BundleManifest } from './bundle-manifest.js';
import { memoryBundleSource, type BundleSource } from './bundle-source.js';
import { signBundleManifest } from './manifest-signature.js';

/** A node's key generations as the federation keeps them: the last one current. */
export interface TestNodeKeys {
  readonly country: string;
  readonly generations: readonly {
    readonly keyId: string;
    readonly privateKey: KeyObject;
    readonly publicKey: string;
    readonly retiredAt: string | null;
  }[];
}

export function testNodeKeys(country: string, generations = 1): TestNodeKeys {
  return {
    country,
    generations: Array.from({ length: generations }, (_, i) => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const raw = rawPublicKey(publicKey);
      return {
        keyId: keyIdOf(Buffer.from(raw, 'base64url')),
        privateKey,
        publicKey: raw,
        retiredAt: i < generations - 1 ? '2026-01-01T00:00:00.000Z' : null,
      };
    }),
  };
}

export const current = (keys: TestNodeKeys) => keys.generations.at(-1)!;

export async function testDescriptorJson(keys: TestNodeKeys, name: string): Promise<string> {
  const descriptor: NodeDescriptor = {
    v: 1,
    country: keys.country,
    name,
    endpoints: { base: `https://${keys.country.toLowerCase()}.example.org`, acceptsInbound: true },
    keys: keys.generations.map((g) => {
      const encryption = rawPublicKey(generateKeyPairSync('x25519').publicKey);
      return {
        keyId: g.keyId,
        createdAt: '2025-06-01T00:00:00.000Z',
        retiredAt: g.retiredAt,
        signing: { publicKey: g.publicKey, fingerprint: keyFingerprint(Buffer.from(g.publicKey, 'base64url')) },
        encryption: { publicKey: encryption, fingerprint: keyFingerprint(Buffer.from(encryption, 'base64url')) },
      };
    }),
    roster: [],
    languages: ['en'],
    authorities: [],
    reservations: [],
    issuedAt: '2026-03-01T00:00:00.000Z',
  };
  return JSON.stringify(await signDescriptor(descriptor, current(keys).privateKey));
}

export interface BundleFixtureOptions {
  /** Records this SHA-256 in the second event of the first item instead of the item's. */
  readonly wrongEventHash?: string;
  /** Discloses this personal part for the first event instead of the one committed to. */
  readonly wrongOpening?: CustodyPersonal;
  /** Dates the third event of the first item before the second. */
  readonly backwardsTime?: boolean;
  readonly includePartnerDescriptor?: boolean;
  /** Signs the receipt with a key the partner's descriptor does not list. */
  readonly forgedReceipt?: boolean;
  /** Signs the checkpoints as the log of this origin instead of the node's own. */
  readonly origin?: string;
}

export interface BundleFixture {
  readonly entries: Map<string, Buffer>;
  readonly manifest: BundleManifest;
  readonly vn: TestNodeKeys;
  readonly sg: TestNodeKeys;
  readonly fingerprint: string;
  readonly contents: readonly Buffer[];
  readonly receiptId: string;
  source(): BundleSource;
}

const steps: CustodyEventType[] = ['collected', 'hashed', 'sealed'];

/**
 * A real bundle from Viet Nam's node: two items with three custody events each, interleaved
 * with audit leaves in one Merkle log; an older checkpoint signed by a retired key and the
 * newest by the current one, with the consistency proof between them; Singapore's receipt.
 */
export async function buildBundleFixture(options: BundleFixtureOptions = {}): Promise<BundleFixture> {
  const vn = testNodeKeys('VN', 2);
  const sg = testNodeKeys('SG');
  const contents = [Buffer.from('subscriber records for account 0912 345 678\n'), randomBytes(20_000)];
  const itemIds = contents.map(() => randomUUID());
  const leaves: string[] = [auditLeafData({ id: randomUUID(), digest: 'a'.repeat(64) })];
  const placed = new Map<string, { index: number; leaf: string }[]>(itemIds.map((id) => [id, []]));
  const firstSalt = randomBytes(32).toString('hex');
  const firstPersonal: CustodyPersonal = { actorName: 'Nguyễn Văn A', notes: 'sealed in bag 17' };
  for (const [step, type] of steps.entries()) {
    for (const [i, evidenceId] of itemIds.entries()) {
      const chain = placed.get(evidenceId)!;
      const sha = createHash('sha256').update(contents[i]!).digest('hex');
      const minute = step === 2 && i === 0 && options.backwardsTime === true ? 0 : step * 10 + i;
      const event: CustodyEvent = {
        v: 1,
        id: randomUUID(),
        evidenceId,
        evidenceSha256: i === 0 && step === 1 && options.wrongEventHash !== undefined ? options.wrongEventHash : sha,
        requestId: null,
        type,
        occurredAt: `2026-03-02T09:${String(minute + 5).padStart(2, '0')}:00.000+07:00`,
        system: { country: 'VN', node: 'Viet Nam 24/7' },
        actor: { type: 'user', id: randomUUID(), role: 'evidence_custodian' },
        hashes: { sha256: sha },
        previous: chain.length === 0 ? null : custodyEventHash(chain.at(-1)!.leaf),
        details: { step },
        personalCommitment: i === 0 && step === 0 ? personalCommitment(firstSalt, firstPersonal) : null,
      };
      const leaf = custodyLeafData(event);
      chain.push({ index: leaves.length, leaf });
      leaves.push(leaf);
      leaves.push(auditLeafData({ id: randomUUID(), digest: createHash('sha256').update(leaf).digest('hex') }));
    }
  }
  const hashes = leaves.map((l) => leafHash(Buffer.from(l, 'utf8')));
  const origin = options.origin ?? ledgerOrigin('VN', vn.generations[0]!.keyId);
  const olderSize = 5;
  const checkpointNote = (size: number, key: TestNodeKeys['generations'][number]) =>
    signNote(
      formatCheckpoint({ origin, size, rootHash: rootOf(hashes.slice(0, size)), extensions: [] }),
      origin,
      key.privateKey,
      key.publicKey,
    );

  const firstEventId = JSON.parse(placed.get(itemIds[0]!)![0]!.leaf) as { event: { id: string } };
  const items: BundleItemInput[] = itemIds.map((id, i) => ({
    id,
    filename: i === 0 ? 'subscriber-records.txt' : 'disk image.bin',
    size: contents[i]!.length,
    sha256: createHash('sha256').update(contents[i]!).digest('hex'),
    mediaType: i === 0 ? 'text/plain' : 'application/octet-stream',
    metadata: {
      source: 'provider-production',
      dataCategory: 'subscriber',
      acquisition: { method: 'production order', acquiredAt: '2026-03-02T09:00:00+07:00' },
      personalData: true,
      originCountry: 'VN',
    },
    // The first event of each item is proven against the older checkpoint when it is inside it.
    custody: placed.get(id)!.map(({ index, leaf }) => {
      const size = index < olderSize ? olderSize : hashes.length;
      return { leafIndex: index, leaf, checkpoint: size, proof: inclusionProof(index, hashes.slice(0, size)) };
    }),
    openings:
      i === 0
        ? [{ eventId: firstEventId.event.id, salt: firstSalt, personal: options.wrongOpening ?? firstPersonal }]
        : [],
  }));
  const receiptId = randomUUID();
  const receiptKey =
    options.forgedReceipt === true
      ? { privateKey: generateKeyPairSync('ed25519').privateKey, keyId: current(sg).keyId }
      : current(sg);
  const envelopeDigest = 'b'.repeat(64);
  const input: BundleInput = {
    id: randomUUID(),
    createdAt: '2026-03-03T02:00:00.000Z',
    exporter: { country: 'VN', node: 'Viet Nam 24/7' },
    destination: 'SG',
    request: {
      id: randomUUID(),
      reference: 'VN-2026-00042',
      type: 'PRESERVATION_42',
      requestingState: 'SG',
      requestedState: 'VN',
    },
    items,
    checkpoints: [
      { size: olderSize, note: checkpointNote(olderSize, vn.generations[0]!) },
      { size: hashes.length, note: checkpointNote(hashes.length, current(vn)) },
    ],
    consistency: [{ from: olderSize, to: hashes.length, proof: consistencyProof(olderSize, hashes) }],
    receipts: [
      {
        messageId: receiptId,
        partner: 'SG',
        messageType: 'request.transition',
        envelopeDigest,
        jws: await signReceipt(
          { v: 1, messageId: receiptId, from: 'SG', to: 'VN', receivedAt: '2026-03-03T01:00:00.000Z', envelopeDigest },
          receiptKey.privateKey,
          receiptKey.keyId,
        ),
      },
    ],
    descriptors: [
      { country: 'VN', json: await testDescriptorJson(vn, 'Viet Nam 24/7') },
      ...(options.includePartnerDescriptor === false
        ? []
        : [{ country: 'SG', json: await testDescriptorJson(sg, 'Singapore 24/7') }]),
    ],
  };
  const assembled = assembleBundle(input);
  const entries = new Map<string, Buffer>([
    ['manifest.json', assembled.manifestBytes],
    [
      'manifest.jws',
      Buffer.from(await signBundleManifest(assembled.manifestBytes, current(vn).privateKey, current(vn).keyId)),
    ],
    ...assembled.records,
    ...items.map((item, i) => [`files/${item.sha256}`, contents[i]!] as [string, Buffer]),
  ]);
  return {
    entries,
    manifest: assembled.manifest,
    vn,
    sg,
    fingerprint: keyFingerprint(Buffer.from(current(vn).publicKey, 'base64url')),
    contents,
    receiptId,
    source: () => memoryBundleSource(entries),
  };
}
