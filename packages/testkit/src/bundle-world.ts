import { createHash, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  custodyEventHash,
  custodyLeafData,
  formatCheckpoint,
  inclusionProof,
  keyFingerprint,
  keyIdOf,
  leafHash,
  ledgerOrigin,
  personalCommitment,
  rawPublicKey,
  rootOf,
  signBundleManifest,
  signDescriptor,
  signNote,
  signReceipt,
  systemClock,
  type BundleRequestSummary,
  type CustodyEventType,
  type NodeDescriptor,
  type OnwardTransferStatus,
} from '@hanoi247/core';
import type { BundleExportPorts, DeliveredMessage, ExportableItem, StoredCustodyEvent } from '@hanoi247/server';

/** A sending State's custody leaf as the receiving node keeps it (ForeignCustodySource). */
interface ForeignLeaf {
  readonly country: string;
  readonly leafData: string;
  readonly leafIndex: number;
  readonly proof: readonly string[];
  readonly checkpointSize: number;
}

interface NodeKey {
  readonly country: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly descriptorJson: string;
}

async function nodeKey(country: string, name: string): Promise<NodeKey> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  const encryption = rawPublicKey(generateKeyPairSync('x25519').publicKey);
  const keyId = keyIdOf(Buffer.from(raw, 'base64url'));
  const fingerprint = keyFingerprint(Buffer.from(raw, 'base64url'));
  const descriptor: NodeDescriptor = {
    v: 1,
    country,
    name,
    endpoints: { base: `https://${country.toLowerCase()}.example.org`, acceptsInbound: true },
    keys: [
      {
        keyId,
        createdAt: '2026-01-01T00:00:00.000Z',
        retiredAt: null,
        signing: { publicKey: raw, fingerprint },
        encryption: { publicKey: encryption, fingerprint: keyFingerprint(Buffer.from(encryption, 'base64url')) },
      },
    ],
    roster: [],
    languages: ['en'],
    authorities: [],
    reservations: [],
    issuedAt: '2026-01-01T00:00:00.000Z',
  };
  return {
    country,
    keyId,
    privateKey,
    publicKey: raw,
    fingerprint,
    descriptorJson: JSON.stringify(await signDescriptor(descriptor, privateKey)),
  };
}

export interface WorldItem {
  readonly content: Buffer;
  readonly filename?: string;
  readonly originCountry?: string;
  readonly onwardTransfer?: OnwardTransferStatus;
  readonly requestId?: string | null;
  readonly steps?: readonly CustodyEventType[];
  /** The event hash the item's first event follows (another State's transmission); null by default. */
  readonly follows?: string;
}

/**
 * An in-memory node for bundle tests: real keys, a real RFC 9162 log of custody leaves, signed
 * checkpoints, a partner's signed receipts, and the exporter's ports over all of it. Tests only:
 * the node wires the ports to its database, evidence store and ledger.
 */
export class MemoryBundleWorld {
  readonly items = new Map<string, { record: ExportableItem; content: Buffer; custody: StoredCustodyEvent[] }>();
  readonly requests = new Map<string, BundleRequestSummary>();
  readonly messages = new Map<string, DeliveredMessage[]>();
  readonly authorisations = new Set<string>();
  private readonly leaves: Uint8Array[] = [];
  private readonly leafIndex = new Map<string, number>();
  private checkpoint: { size: number; note: string } | null = null;
  /** Singapore's log, for items Singapore sent: its leaves, and the notes it signed by `SG/<size>`. */
  private readonly sgLeaves: Uint8Array[] = [];
  readonly foreignLeaves = new Map<string, ForeignLeaf[]>();
  readonly partnerNotes = new Map<string, { note: string; rootHash: string }[]>();
  /** Bytes served instead of an item's content: a store that went bad. */
  readonly corrupted = new Map<string, Buffer>();

  private constructor(
    readonly vn: NodeKey,
    readonly sg: NodeKey,
  ) {}

  static async create(): Promise<MemoryBundleWorld> {
    return new MemoryBundleWorld(await nodeKey('VN', 'Viet Nam 24/7'), await nodeKey('SG', 'Singapore 24/7'));
  }

  addRequest(): BundleRequestSummary {
    const summary = {
      id: randomUUID(),
      reference: `VN-2026-${String(this.requests.size + 1).padStart(5, '0')}`,
      type: 'MLA_STORED_DATA_44',
      requestingState: 'SG',
      requestedState: 'VN',
    };
    this.requests.set(summary.id, summary);
    return summary;
  }

  /** Stores an item and appends its custody events to the log (not yet under a checkpoint). */
  addItem(options: WorldItem): string {
    const id = randomUUID();
    const sha256 = createHash('sha256').update(options.content).digest('hex');
    const originCountry = options.originCountry ?? 'VN';
    const record: ExportableItem = {
      id,
      requestId: options.requestId ?? null,
      sha256,
      size: options.content.length,
      mediaType: 'application/octet-stream',
      filename: options.filename ?? `item-${this.items.size + 1}.bin`,
      metadata: {
        source: 'provider-production',
        dataCategory: 'traffic',
        acquisition: { method: 'production order', acquiredAt: '2026-02-01T10:00:00+07:00' },
        personalData: true,
        originCountry,
        useLimitations: [],
      },
      originCountry,
      onwardTransfer:
        options.onwardTransfer ?? (originCountry === 'VN' ? 'unrestricted' : 'origin-authorisation-required'),
      erasedAt: null,
    };
    const custody: StoredCustodyEvent[] = [];
    for (const [step, type] of (options.steps ?? ['collected', 'hashed', 'sealed']).entries()) {
      const salt = randomBytes(32).toString('hex');
      const personal = { actorName: `Officer ${step + 1}` };
      const event = {
        v: 1 as const,
        id: randomUUID(),
        evidenceId: id,
        evidenceSha256: sha256,
        requestId: record.requestId,
        type,
        occurredAt: new Date(Date.UTC(2026, 1, 1, 3, step)).toISOString(),
        system: { country: 'VN', node: 'Viet Nam 24/7' },
        actor: { type: 'user' as const, id: randomUUID(), role: 'evidence_custodian' },
        hashes: { sha256 },
        previous: custody.length === 0 ? (options.follows ?? null) : custody.at(-1)!.eventHash,
        details: {},
        personalCommitment: personalCommitment(salt, personal),
      };
      const leafData = custodyLeafData(event);
      custody.push({ event, leafData, eventHash: custodyEventHash(leafData), personal, salt });
      this.leafIndex.set(event.id, this.leaves.length);
      this.leaves.push(leafHash(Buffer.from(leafData, 'utf8')));
    }
    this.items.set(id, { record, content: options.content, custody });
    return id;
  }

  /**
   * An item Singapore sent: Singapore's chain (ending with its transmission to Viet Nam) in
   * Singapore's log under a checkpoint Singapore signed, as Viet Nam kept them on receipt, and
   * Viet Nam's chain continuing it (not yet under Viet Nam's checkpoint).
   */
  addReceivedItem(options: Omit<WorldItem, 'originCountry' | 'follows' | 'steps'>): string {
    const sha256 = createHash('sha256').update(options.content).digest('hex');
    const [sgItem, transferId] = [randomUUID(), randomUUID()];
    const placed: { leafIndex: number; leafData: string }[] = [];
    for (const [step, type] of (['collected', 'hashed', 'sealed', 'transmitted'] as const).entries()) {
      const previous = placed.at(-1);
      const leafData = custodyLeafData({
        v: 1,
        id: randomUUID(),
        evidenceId: sgItem,
        evidenceSha256: sha256,
        requestId: null,
        type,
        occurredAt: new Date(Date.UTC(2026, 0, 20, 2, step)).toISOString(),
        system: { country: 'SG', node: 'Singapore 24/7' },
        actor: { type: 'system', id: null, role: null },
        hashes: { sha256 },
        previous: previous === undefined ? null : custodyEventHash(previous.leafData),
        details: type === 'transmitted' ? { to: 'VN', transferId } : {},
        personalCommitment: null,
      });
      placed.push({ leafIndex: this.sgLeaves.length, leafData });
      this.sgLeaves.push(leafHash(Buffer.from(leafData, 'utf8')));
    }
    const size = this.sgLeaves.length;
    const origin = ledgerOrigin('SG', this.sg.keyId);
    const root = rootOf(this.sgLeaves);
    const note = signNote(
      formatCheckpoint({ origin, size, rootHash: root, extensions: [] }),
      origin,
      this.sg.privateKey,
      this.sg.publicKey,
    );
    this.partnerNotes.set(`SG/${size}`, [{ note, rootHash: Buffer.from(root).toString('hex') }]);
    const leaves = placed.map((p) => ({
      country: 'SG',
      leafData: p.leafData,
      leafIndex: p.leafIndex,
      proof: inclusionProof(p.leafIndex, this.sgLeaves).map((h) => Buffer.from(h).toString('base64')),
      checkpointSize: size,
    }));
    const id = this.addItem({
      ...options,
      originCountry: 'SG',
      follows: custodyEventHash(placed.at(-1)!.leafData),
      steps: ['received', 'hash-verified'],
    });
    this.foreignLeaves.set(id, leaves);
    return id;
  }

  /** Signs a checkpoint over the whole log as it stands, as the sequencer would. */
  signCheckpoint(): void {
    const origin = ledgerOrigin('VN', this.vn.keyId);
    const text = formatCheckpoint({ origin, size: this.leaves.length, rootHash: rootOf(this.leaves), extensions: [] });
    this.checkpoint = { size: this.leaves.length, note: signNote(text, origin, this.vn.privateKey, this.vn.publicKey) };
  }

  /** A message of the request that Singapore acknowledged with its signed receipt. */
  async addReceipt(requestId: string, messageType = 'request.sent'): Promise<string> {
    const messageId = randomUUID();
    const envelopeDigest = randomBytes(32).toString('hex');
    const receipt = await signReceipt(
      { v: 1, messageId, from: 'SG', to: 'VN', receivedAt: '2026-02-02T00:00:00.000Z', envelopeDigest },
      this.sg.privateKey,
      this.sg.keyId,
    );
    this.messages.set(requestId, [
      ...(this.messages.get(requestId) ?? []),
      { messageId, partner: 'SG', messageType, envelopeDigest, receipt },
    ]);
    return messageId;
  }

  ports(): BundleExportPorts {
    return {
      node: { country: 'VN', name: 'Viet Nam 24/7' },
      clock: systemClock,
      ids: randomUUID,
      evidence: {
        item: async (id) => this.items.get(id)?.record ?? null,
        itemIdsOfRequest: async (requestId) =>
          [...this.items.values()].filter((i) => i.record.requestId === requestId).map((i) => i.record.id),
        openContent: async (item) => Readable.from([this.corrupted.get(item.id) ?? this.items.get(item.id)!.content]),
        custody: async (id) => this.items.get(id)?.custody ?? [],
      },
      foreign: {
        leaves: async (id) => this.foreignLeaves.get(id) ?? [],
        checkpoints: async (country, size) => this.partnerNotes.get(`${country}/${size}`) ?? [],
      },
      ledger: {
        leafIndexOf: async (_kind, refId) => this.leafIndex.get(refId) ?? null,
        latestCheckpoint: async () => this.checkpoint,
        inclusionProof: async (index, size) => inclusionProof(index, this.leaves.slice(0, size)),
      },
      receipts: { deliveredMessages: async (requestId) => this.messages.get(requestId) ?? [] },
      descriptors: {
        own: async () => this.vn.descriptorJson,
        partner: async (country) => (country === 'SG' ? this.sg.descriptorJson : null),
      },
      requests: { summary: async (id) => this.requests.get(id) ?? null },
      authorisations: {
        find: async (id, country) =>
          this.authorisations.has(`${id}/${country}`) ? { reference: `consent ${id}/${country}` } : null,
      },
      signManifest: (bytes) => signBundleManifest(bytes, this.vn.privateKey, this.vn.keyId),
    };
  }
}
