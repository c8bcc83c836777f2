import {
  DomainError,
  appendToRange,
  auditLeafData,
  bytesEqual,
  compactRange,
  emptyCompactRange,
  leafHash,
  nodeKey,
  rangeRoot,
  rootNodes,
  type CompactRange,
} from '@hanoi247/core';
import type { Dialect, Tx } from '../db/database-schema.js';
import { ledgerAuditRepository } from '../repositories/ledger-audit.repository.js';
import { ledgerPendingRepository } from '../repositories/ledger-pending.repository.js';
import { ledgerRepository, type CheckpointRow, type LedgerLeafRow } from '../repositories/ledger.repository.js';
import type { ServiceRuntime } from '../services/service-runtime.js';
import type { CheckpointSigner } from './checkpoint-signer.js';

export interface SequencerDeps extends ServiceRuntime {
  readonly dialect: Dialect;
  /** Most leaves taken from the queue, then from the audit log, per run. */
  readonly batchSize: number;
  readonly signer: CheckpointSigner;
}

export interface SequenceResult {
  readonly previousSize: number;
  readonly treeSize: number;
  /** base64, as in the checkpoint. */
  readonly rootHash: string;
  readonly leaves: readonly { readonly index: number; readonly kind: string; readonly refId: string }[];
  /** Queued leaves already in the log (a re-queued event): consumed, not logged twice. */
  readonly duplicates: number;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const fromHex = (text: string) => Buffer.from(text, 'hex');

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The border of the tree at the fenced size, checked against that checkpoint before anything is added to it. */
async function loadBorder(tx: Tx, latest: CheckpointRow | undefined): Promise<CompactRange> {
  if (latest === undefined) return emptyCompactRange;
  const ids = rootNodes(latest.treeSize);
  const stored = await ledgerRepository.hashes(tx, ids);
  const range = compactRange(
    latest.treeSize,
    ids.map((id) => {
      const hash = stored.get(nodeKey(id));
      if (hash === undefined) {
        throw new DomainError(
          'bug/invariant-violated',
          `ledger node ${nodeKey(id)} is missing: run hanoi247 ledger verify`,
        );
      }
      return { ...id, hash: fromHex(hash) };
    }),
  );
  // Never sign a new root on top of damaged storage: the log stops instead, loudly.
  if (!bytesEqual(rangeRoot(range), fromHex(latest.rootHash))) {
    throw new DomainError(
      'bug/invariant-violated',
      `the stored tree does not match checkpoint ${latest.treeSize}: run hanoi247 ledger verify`,
    );
  }
  return range;
}

interface LeafSource {
  readonly kind: string;
  readonly refId: string;
  readonly leafData: string;
  readonly queuedAt: string;
}

/**
 * A (kind, ref) is logged once: a leaf queued twice, or already logged, is consumed without a
 * new leaf (idempotency), so the sequencer can never stall on a unique-key collision of its
 * own making. The same ref with different data is a bug, and stops the log.
 */
async function withoutDuplicates(
  tx: Tx,
  sources: readonly LeafSource[],
): Promise<{ fresh: LeafSource[]; duplicates: number }> {
  const known = new Map<string, string>();
  for (const kind of new Set(sources.map((s) => s.kind))) {
    const existing = await ledgerRepository.existingRefs(
      tx,
      kind,
      sources.filter((s) => s.kind === kind).map((s) => s.refId),
    );
    for (const [refId, data] of existing) known.set(`${kind}\u0000${refId}`, data);
  }
  const fresh: LeafSource[] = [];
  let duplicates = 0;
  for (const leaf of sources) {
    const key = `${leaf.kind}\u0000${leaf.refId}`;
    const prior = known.get(key);
    if (prior === undefined) {
      known.set(key, leaf.leafData);
      fresh.push(leaf);
    } else if (prior === leaf.leafData) {
      duplicates += 1;
    } else {
      throw new DomainError(
        'bug/invariant-violated',
        `the ${leaf.kind} leaf ${leaf.refId} to log differs from the one already logged`,
      );
    }
  }
  return { fresh, duplicates };
}

/**
 * The sequencer: in ONE transaction it reads the latest checkpoint's size N (the fence), takes
 * the oldest queued leaves and the audit entries above the watermark, gives them indices
 * N, N+1, …, stores the leaves and the perfect subtrees they complete, signs the new
 * checkpoint and deletes what it consumed. A second sequencer that read the same N collides on
 * the primary keys (leaf_index, tree_size) and fails with ledger/sequencer-conflict, having
 * written nothing. Sequencing is not audited: its audit entry would itself be a leaf to
 * sequence, for ever; the checkpoints are its record.
 */
export function createLedgerSequencer(deps: SequencerDeps) {
  const { db, clock, dialect, batchSize, signer } = deps;

  async function sequenceIn(tx: Tx, settledAuditSeq: number): Promise<SequenceResult | null> {
    const latest = await ledgerRepository.latestCheckpoint(tx);
    const size = latest?.treeSize ?? 0;
    const pending = await ledgerPendingRepository.oldest(tx, batchSize);
    const watermark = await ledgerAuditRepository.watermark(tx);
    const audits = await ledgerAuditRepository.unsequenced(tx, watermark, settledAuditSeq, batchSize - pending.length);
    if (pending.length === 0 && audits.length === 0) return null;
    const { fresh, duplicates } = await withoutDuplicates(tx, [
      ...pending.map((p) => ({ kind: p.kind, refId: p.refId, leafData: p.leafData, queuedAt: p.queuedAt })),
      ...audits.map((a) => ({ kind: 'audit', refId: a.id, leafData: auditLeafData(a), queuedAt: a.occurredAt })),
    ]);
    const now = clock.now().toISOString();
    const hashes = fresh.map((s) => leafHash(Buffer.from(s.leafData, 'utf8')));
    const rows: LedgerLeafRow[] = fresh.map((s, i) => ({
      ...s,
      index: size + i,
      leafHash: hex(hashes[i]!),
      sequencedAt: now,
    }));
    let root = latest?.rootHash ?? null;
    if (rows.length > 0) {
      const appended = appendToRange(await loadBorder(tx, latest), hashes);
      const rootHash = rangeRoot(appended.range);
      const note = await signer.sign({ origin: signer.origin(), size: size + rows.length, rootHash, extensions: [] });
      await ledgerRepository.insertLeaves(tx, rows);
      await ledgerRepository.insertNodes(
        tx,
        appended.created.map((n) => ({ level: n.level, index: n.index, hash: hex(n.hash) })),
      );
      await ledgerRepository.insertCheckpoint(tx, {
        treeSize: size + rows.length,
        rootHash: hex(rootHash),
        note,
        createdAt: now,
      });
      root = hex(rootHash);
    }
    if (
      pending.length > 0 &&
      (await ledgerPendingRepository.remove(
        tx,
        pending.map((p) => p.seq),
      )) !== pending.length
    ) {
      throw new DomainError(
        'ledger/sequencer-conflict',
        'another sequencer consumed queued leaves first; nothing was written',
      );
    }
    if (audits.length > 0) await ledgerAuditRepository.setWatermark(tx, audits.at(-1)!.seq);
    return {
      previousSize: size,
      treeSize: size + rows.length,
      rootHash: root === null ? '' : fromHex(root).toString('base64'),
      leaves: rows.map((r) => ({ index: r.index, kind: r.kind, refId: r.refId })),
      duplicates,
    };
  }

  async function runOnce(): Promise<SequenceResult | null> {
    const settled = await ledgerAuditRepository.settledSeq(db, dialect);
    try {
      return await db.transaction().execute((tx) => sequenceIn(tx, settled));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'ledger/sequencer-conflict',
          'another sequencer extended the ledger from the same size first; nothing was written',
          { cause: error },
        );
      }
      throw error;
    }
  }

  let tail: Promise<unknown> = Promise.resolve();
  return {
    /**
     * Runs one batch; null when there was nothing to log. Calls in one process queue up; across processes the primary
     * keys fence.
     */
    sequence(): Promise<SequenceResult | null> {
      const run = tail.then(runOnce, runOnce);
      tail = run.catch(() => undefined);
      return run;
    },
    batchSize,
  };
}

export type LedgerSequencer = ReturnType<typeof createLedgerSequencer>;
