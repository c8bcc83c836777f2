import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import {
  auditLeafData,
  custodyEventHash,
  custodyLeafData,
  type CustodyEvent,
  type CustodyEventType,
} from '../evidence/custody-event.js';
import type { EvidenceMetadataInput } from '../evidence/evidence-metadata.js';
import type { JsonValue } from '../support/canonical-json.js';
import { rawPublicKey } from '../federation/keys.js';
import { keyFingerprint } from '../identity/key-fingerprint.js';
import { formatCheckpoint } from '../ledger/checkpoint.js';
import { leafHash } from '../ledger/hasher.js';
import { inclusionProof, rootOf } from '../ledger/merkle-tree.js';
import { ledgerOrigin } from '../ledger/log-identity.js';
import { signNote } from '../ledger/signed-note.js';
import { assembleBundle, type BundleItemInput } from './assemble-bundle.js';
import type { BundleManifest } from './bundle-manifest.js';
import { memoryBundleSource, type BundleSource } from './bundle-source.js';
import { current, testDescriptorJson, testNodeKeys, type TestNodeKeys } from './bundle.fixtures.js';
import { signBundleManifest } from './manifest-signature.js';

export interface ForeignBundleOptions {
  /** Signs Singapore's checkpoint with a key Singapore's descriptor does not list. */
  readonly senderKeyUnlisted?: boolean;
  /** Viet Nam's first event links to Singapore's "packaged" event instead of its transmission. */
  readonly brokenLink?: boolean;
  /** Leaves Singapore's descriptor out of the bundle. */
  readonly withoutSenderDescriptor?: boolean;
  /** Singapore's transmission names this State instead of Viet Nam. */
  readonly transmittedTo?: string;
}

export interface ForeignBundleFixture {
  readonly entries: Map<string, Buffer>;
  readonly manifest: BundleManifest;
  /** The item Viet Nam received from Singapore, and one of Viet Nam's own. */
  readonly receivedId: string;
  readonly ownId: string;
  readonly sg: TestNodeKeys;
  readonly sgFingerprint: string;
  source(): BundleSource;
}

/** A node's Merkle log: custody leaves interleaved with audit leaves, as a real ledger holds them. */
class TestLog {
  readonly leaves: string[] = [auditLeafData({ id: randomUUID(), digest: 'a'.repeat(64) })];

  append(leaf: string): number {
    const index = this.leaves.length;
    this.leaves.push(
      leaf,
      auditLeafData({ id: randomUUID(), digest: createHash('sha256').update(leaf).digest('hex') }),
    );
    return index;
  }

  get hashes(): Uint8Array[] {
    return this.leaves.map((l) => leafHash(Buffer.from(l, 'utf8')));
  }
}

interface Step {
  readonly type: CustodyEventType;
  readonly at: string;
  readonly details?: { readonly [key: string]: JsonValue };
}

/** Appends an item's chain to a log; `previous` is where it starts (null at its origin). */
function chain(
  log: TestLog,
  country: string,
  node: string,
  evidenceId: string,
  sha256: string,
  previous: string | null,
  steps: readonly Step[],
) {
  const placed: { leafIndex: number; leaf: string }[] = [];
  let link = previous;
  for (const step of steps) {
    const event: CustodyEvent = {
      v: 1,
      id: randomUUID(),
      evidenceId,
      evidenceSha256: sha256,
      requestId: null,
      type: step.type,
      occurredAt: step.at,
      system: { country, node },
      actor: { type: 'user', id: randomUUID(), role: 'evidence_custodian' },
      hashes: { sha256 },
      previous: link,
      details: step.details ?? {},
      personalCommitment: null,
    };
    const leaf = custodyLeafData(event);
    placed.push({ leafIndex: log.append(leaf), leaf });
    link = custodyEventHash(leaf);
  }
  return placed;
}

const signedCheckpoint = (
  log: TestLog,
  origin: string,
  key: { privateKey: Parameters<typeof signNote>[2]; publicKey: string },
) =>
  signNote(
    formatCheckpoint({ origin, size: log.leaves.length, rootHash: rootOf(log.hashes), extensions: [] }),
    origin,
    key.privateKey,
    key.publicKey,
  );

/**
 * A bundle Viet Nam exports of an item Singapore sent it: Singapore's five custody events in
 * Singapore's log, under a checkpoint signed by Singapore's retired first key (any generation
 * counts), ending with the transmission to Viet Nam; Viet Nam's events continue that chain in
 * Viet Nam's log. One item of Viet Nam's own rides along and keeps starting from nothing.
 */
export async function buildForeignBundleFixture(options: ForeignBundleOptions = {}): Promise<ForeignBundleFixture> {
  const vn = testNodeKeys('VN');
  const sg = testNodeKeys('SG', 2);
  const content = Buffer.from('subscriber records provided by Singapore\n');
  const own = randomBytes(5_000);
  const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const [receivedId, ownId, sgItemId, transferId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  const sgLog = new TestLog();
  const sent = chain(sgLog, 'SG', 'Singapore 24/7', sgItemId, sha(content), null, [
    { type: 'collected', at: '2026-03-01T09:00:00.000+08:00' },
    { type: 'hashed', at: '2026-03-01T09:01:00.000+08:00' },
    { type: 'sealed', at: '2026-03-01T09:02:00.000+08:00' },
    { type: 'packaged', at: '2026-03-02T10:00:00.000+08:00' },
    {
      type: 'transmitted',
      at: '2026-03-02T10:01:00.000+08:00',
      details: { to: options.transmittedTo ?? 'VN', transferId },
    },
  ]);
  const sgOrigin = ledgerOrigin('SG', sg.generations[0]!.keyId);
  const unlisted = generateKeyPairSync('ed25519');
  const sgKey =
    options.senderKeyUnlisted === true
      ? { privateKey: unlisted.privateKey, publicKey: rawPublicKey(unlisted.publicKey) }
      : sg.generations[0]!;
  const sgNote = signedCheckpoint(sgLog, sgOrigin, sgKey);
  const sgSize = sgLog.leaves.length;

  const vnLog = new TestLog();
  const ownChain = chain(vnLog, 'VN', 'Viet Nam 24/7', ownId, sha(own), null, [
    { type: 'collected', at: '2026-03-02T08:00:00.000+07:00' },
    { type: 'sealed', at: '2026-03-02T08:05:00.000+07:00' },
  ]);
  const follows = custodyEventHash(sent.at(options.brokenLink === true ? -2 : -1)!.leaf);
  const receivedChain = chain(vnLog, 'VN', 'Viet Nam 24/7', receivedId, sha(content), follows, [
    {
      type: 'received',
      at: '2026-03-02T09:30:00.000+07:00',
      details: { from: 'SG', transferId, senderEvidenceId: sgItemId },
    },
    { type: 'hash-verified', at: '2026-03-02T09:30:01.000+07:00' },
    { type: 'sealed', at: '2026-03-02T09:31:00.000+07:00' },
  ]);
  const vnSize = vnLog.leaves.length;
  const vnNote = signedCheckpoint(vnLog, ledgerOrigin('VN', vn.generations[0]!.keyId), current(vn));
  const proved = (log: TestLog, size: number) => (e: { leafIndex: number; leaf: string }) => ({
    ...e,
    proof: inclusionProof(e.leafIndex, log.hashes.slice(0, size)),
  });

  const metadata: EvidenceMetadataInput = {
    source: 'partner-transfer',
    dataCategory: 'subscriber',
    acquisition: { method: 'evidence.offered', acquiredAt: '2026-03-02T09:30:00+07:00' },
    personalData: true,
    originCountry: 'SG',
  };
  const items: BundleItemInput[] = [
    {
      id: ownId,
      filename: 'own.bin',
      size: own.length,
      sha256: sha(own),
      mediaType: 'application/octet-stream',
      metadata: { ...metadata, originCountry: 'VN' },
      custody: ownChain.map(proved(vnLog, vnSize)).map((e) => ({ ...e, checkpoint: vnSize })),
      openings: [],
    },
    {
      id: receivedId,
      filename: 'subscriber-records.csv',
      size: content.length,
      sha256: sha(content),
      mediaType: 'text/csv',
      metadata,
      custody: receivedChain.map(proved(vnLog, vnSize)).map((e) => ({ ...e, checkpoint: vnSize })),
      openings: [],
      foreignCustody: { country: 'SG', checkpoint: sgSize, events: sent.map(proved(sgLog, sgSize)) },
    },
  ];
  const assembled = assembleBundle({
    id: randomUUID(),
    createdAt: '2026-03-03T02:00:00.000Z',
    exporter: { country: 'VN', node: 'Viet Nam 24/7' },
    destination: null,
    request: null,
    items,
    checkpoints: [{ size: vnSize, note: vnNote }],
    partnerCheckpoints: [{ country: 'SG', size: sgSize, note: sgNote }],
    consistency: [],
    receipts: [],
    descriptors: [
      { country: 'VN', json: await testDescriptorJson(vn, 'Viet Nam 24/7') },
      ...(options.withoutSenderDescriptor === true
        ? []
        : [{ country: 'SG', json: await testDescriptorJson(sg, 'Singapore 24/7') }]),
    ],
  });
  const entries = new Map<string, Buffer>([
    ['manifest.json', assembled.manifestBytes],
    [
      'manifest.jws',
      Buffer.from(await signBundleManifest(assembled.manifestBytes, current(vn).privateKey, current(vn).keyId)),
    ],
    ...assembled.records,
    [`files/${sha(content)}`, content],
    [`files/${sha(own)}`, own],
  ]);
  return {
    entries,
    manifest: assembled.manifest,
    receivedId,
    ownId,
    sg,
    sgFingerprint: keyFingerprint(Buffer.from(current(sg).publicKey, 'base64url')),
    source: () => memoryBundleSource(entries),
  };
}
