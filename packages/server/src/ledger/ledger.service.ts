import {
  DomainError,
  bytesEqual,
  consistencyProofNodes,
  inclusionProofNodes,
  mapLookup,
  rehashProof,
  rootFromNodes,
  rootNodes,
  verifyConsistency,
  verifyInclusion,
  type NodeId,
  type NodeLookup,
} from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { ledgerRepository, type CheckpointRow } from '../repositories/ledger.repository.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from '../services/service-runtime.js';
import { requirePermission } from '../services/user.service.js';

/** Hashes travel as standard base64 (with padding), as in checkpoints. */
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const hexToB64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

export interface CheckpointView {
  readonly treeSize: number;
  readonly rootHash: string;
  /** The signed note (C2SP), exactly as served at GET /ledger/v1/checkpoint. */
  readonly note: string;
  readonly createdAt: string;
}

export interface InclusionProofView {
  readonly index: number;
  readonly treeSize: number;
  readonly leafHash: string;
  readonly proof: readonly string[];
}

export interface ConsistencyProofView {
  readonly from: number;
  readonly to: number;
  readonly proof: readonly string[];
}

export interface LeafView {
  readonly index: number;
  readonly kind: string;
  readonly refId: string;
  readonly leafData: string;
  readonly leafHash: string;
  readonly queuedAt: string;
  readonly sequencedAt: string;
}

const view = (c: CheckpointRow): CheckpointView => ({
  treeSize: c.treeSize,
  rootHash: hexToB64(c.rootHash),
  note: c.note,
  createdAt: c.createdAt,
});

async function latestOrEmpty(db: Executor): Promise<CheckpointRow> {
  const latest = await ledgerRepository.latestCheckpoint(db);
  if (latest === undefined) throw new DomainError('ledger/empty', 'the ledger has no checkpoint yet');
  return latest;
}

function within(latest: CheckpointRow, size: number, what: string): void {
  if (size > latest.treeSize) {
    throw new DomainError(
      'ledger/invalid-range',
      `${what} ${size} is beyond the latest checkpoint (${latest.treeSize} leaves)`,
    );
  }
}

/** All the nodes a proof and its self-check need, in one query. */
async function lookupFor(db: Executor, ids: readonly NodeId[]): Promise<NodeLookup> {
  const stored = await ledgerRepository.hashes(db, ids);
  return mapLookup(new Map([...stored].map(([key, hex]) => [key, Buffer.from(hex, 'hex')])));
}

/**
 * Read side of the ledger. Proofs cost two queries (latest checkpoint, then every node they
 * need) and O(log n) hashes; each is verified before it is served, against the signed root
 * when the size is the latest checkpoint's, so damaged storage yields an error, not a bad proof.
 */
export function createLedgerService(deps: ServiceRuntime) {
  const { db } = deps;

  async function inclusionAt(index: number, treeSize: number, latest: CheckpointRow): Promise<InclusionProofView> {
    within(latest, treeSize, 'tree size');
    const plan = inclusionProofNodes(index, treeSize);
    const lookup = await lookupFor(db, [...plan.ids, { level: 0, index }, ...rootNodes(treeSize)]);
    const proof = rehashProof(plan, lookup);
    const leaf = lookup({ level: 0, index });
    const root = treeSize === latest.treeSize ? Buffer.from(latest.rootHash, 'hex') : rootFromNodes(treeSize, lookup);
    if (!verifyInclusion(leaf, index, treeSize, proof, root)) {
      throw new DomainError(
        'bug/invariant-violated',
        `stored ledger nodes do not prove leaf ${index} in ${treeSize}: run hanoi247 ledger verify`,
      );
    }
    return { index, treeSize, leafHash: b64(leaf), proof: proof.map(b64) };
  }

  return {
    async latestCheckpoint(): Promise<CheckpointView> {
      return view(await latestOrEmpty(db));
    },

    /** A stored checkpoint of exactly this size (bundles carry the one their proofs use). */
    async checkpoint(treeSize: number): Promise<CheckpointView> {
      const found = await ledgerRepository.checkpointAt(db, treeSize);
      if (found === undefined) {
        throw new DomainError('ledger/invalid-range', `there is no checkpoint of size ${treeSize}`);
      }
      return view(found);
    },

    async inclusionProof(index: number, treeSize: number): Promise<InclusionProofView> {
      return inclusionAt(index, treeSize, await latestOrEmpty(db));
    },

    /** The index the sequencer gave a leaf, or null while it still waits in the queue. */
    async leafIndexOf(kind: string, refId: string): Promise<number | null> {
      return (await ledgerRepository.leafByRef(db, kind, refId))?.index ?? null;
    },

    /** For custody bundles: the leaf of an event and its proof in the latest (or a given) checkpoint. */
    async inclusionProofByRef(
      kind: string,
      refId: string,
      treeSize?: number,
    ): Promise<InclusionProofView & { readonly leafData: string }> {
      const latest = await latestOrEmpty(db);
      const size = treeSize ?? latest.treeSize;
      const leaf = await ledgerRepository.leafByRef(db, kind, refId);
      if (leaf === undefined || leaf.index >= size) {
        throw new DomainError(
          'ledger/leaf-not-found',
          `no ${kind} leaf ${refId} in a tree of ${size} leaves (it may not be sequenced yet)`,
        );
      }
      return { ...(await inclusionAt(leaf.index, size, latest)), leafData: leaf.leafData };
    },

    async consistencyProof(from: number, to: number): Promise<ConsistencyProofView> {
      const latest = await latestOrEmpty(db);
      if (from < 1 || from > to) {
        throw new DomainError('ledger/invalid-range', `from must be between 1 and to (${from}, ${to})`);
      }
      within(latest, to, 'to');
      const plan = consistencyProofNodes(from, to);
      const lookup = await lookupFor(db, [...plan.ids, ...rootNodes(from), ...rootNodes(to)]);
      const proof = rehashProof(plan, lookup);
      const newRoot = rootFromNodes(to, lookup);
      const signed = to !== latest.treeSize || bytesEqual(newRoot, Buffer.from(latest.rootHash, 'hex'));
      if (!signed || !verifyConsistency(from, to, rootFromNodes(from, lookup), newRoot, proof)) {
        throw new DomainError(
          'bug/invariant-violated',
          `stored ledger nodes do not prove ${from} consistent with ${to}: run hanoi247 ledger verify`,
        );
      }
      return { from, to, proof: proof.map(b64) };
    },

    /** Leaf contents reveal event metadata: auditors only, and the reading is itself audited. */
    async leaves(context: CallContext, start: number, count: number, purpose: string | null): Promise<LeafView[]> {
      requirePermission(context.principal, 'audit:read');
      return db.transaction().execute(async (tx) => {
        const rows = await ledgerRepository.leavesFrom(tx, start, count);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'ledger.leaves-read',
            objectType: 'ledger',
            objectId: null,
            purpose,
            details: { start, count: rows.length },
          }),
        );
        return rows.map((r) => ({ ...r, leafHash: hexToB64(r.leafHash) }));
      });
    },
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
