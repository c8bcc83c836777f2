import {
  appendToRange,
  auditEntryDigest,
  auditLeafData,
  emptyCompactRange,
  isDomainError,
  leafHash,
  nodeKey,
  openCheckpoint,
  parseCheckpoint,
  parseCustodyLeaf,
  rangeRoot,
  type CompactRange,
  type HashedNode,
} from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';
import type { NodeKeyring } from '../identity/node-keyring.js';
import { ledgerAuditRepository } from '../repositories/ledger-audit.repository.js';
import {
  ledgerRepository,
  type CheckpointRow,
  type LedgerLeafRow,
  type NodeIndexRange,
} from '../repositories/ledger.repository.js';

export interface LedgerVerification {
  /** The first problem in index order, naming where it is ("leaf 17: …"); null when all is well. */
  readonly problem: string | null;
  readonly leaves: number;
  readonly nodes: number;
  readonly checkpoints: number;
  readonly origin: string | null;
  readonly latest: { readonly treeSize: number; readonly rootHash: string } | null;
}

export interface VerifyLedgerOptions {
  /** Leaves read per query; memory stays bounded by it whatever the size of the log. */
  readonly pageSize?: number;
}

class Problem extends Error {}
const fail = (message: string): never => {
  throw new Problem(message);
};
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const span = (n: HashedNode) =>
  `node ${n.level}/${n.index} (leaves ${n.index * 2 ** n.level}\u2013${(n.index + 1) * 2 ** n.level - 1})`;

/** Nodes that leaves [start, end) complete: level L, index i completes at leaf (i+1)·2^L − 1. */
function completedIn(start: number, end: number): NodeIndexRange[] {
  const ranges: NodeIndexRange[] = [];
  for (let width = 2, level = 1; width <= end; width *= 2, level += 1) {
    const from = Math.ceil((start + 1) / width) - 1;
    const to = Math.floor(end / width) - 1;
    if (from <= to) ranges.push({ level, from, to });
  }
  return ranges;
}

function leafDataProblem(
  row: LedgerLeafRow,
  audit: ReadonlyMap<string, { readonly canonical: string; readonly digest: string }>,
): string | null {
  if (row.kind === 'custody') {
    const event = parseCustodyLeaf(row.leafData);
    if (event === null) return 'its data is not a canonical custody event';
    return event.id === row.refId ? null : `its data is custody event ${event.id}, not ${row.refId}`;
  }
  if (row.kind !== 'audit') return `unknown kind "${row.kind}"`;
  let digest: unknown;
  try {
    digest = (JSON.parse(row.leafData) as { digest?: unknown }).digest;
  } catch {
    digest = null;
  }
  if (typeof digest !== 'string' || auditLeafData({ id: row.refId, digest }) !== row.leafData) {
    return 'its data is not the canonical audit leaf of its entry';
  }
  const entry = audit.get(row.refId);
  if (entry === undefined) return `audit entry ${row.refId} is missing`;
  return entry.digest === digest && auditEntryDigest(entry.canonical) === digest
    ? null
    : `audit entry ${row.refId} was changed after it was logged`;
}

/** The origin must name this node's first key: a checkpoint of another log is not ours, whatever it says. */
function originOf(first: CheckpointRow, keyring: NodeKeyring): string {
  const split = first.note.lastIndexOf('\n\n');
  let origin = '';
  try {
    origin = parseCheckpoint(first.note.slice(0, split + 1)).origin;
  } catch {
    fail(`checkpoint ${first.treeSize}: the note is not a checkpoint`);
  }
  const keyId = keyring.generations[0]?.keyId ?? '';
  if (!new RegExp(`^hanoi247/[A-Z]{2}/${keyId}$`).test(origin)) {
    fail(`checkpoint ${first.treeSize}: origin "${origin}" is not this node's log (hanoi247/<country>/${keyId})`);
  }
  return origin;
}

function checkNote(cp: CheckpointRow, origin: string, keys: readonly string[]): void {
  const at = `checkpoint ${cp.treeSize}`;
  let checkpoint;
  try {
    checkpoint = openCheckpoint(cp.note, origin, keys);
  } catch (error) {
    const code = isDomainError(error) ? error.code : null;
    if (code === 'federation/bad-signature') return fail(`${at}: signature does not verify`);
    if (code === 'federation/unknown-signer') return fail(`${at}: not signed by any key of this node`);
    if (code === 'ledger/invalid-checkpoint') {
      return fail(`${at}: ${error instanceof Error ? error.message : 'of another log'}`);
    }
    return fail(`${at}: the note is not a checkpoint`);
  }
  if (checkpoint.size !== cp.treeSize) fail(`${at}: the signed note says size ${checkpoint.size}`);
  if (hex(checkpoint.rootHash) !== cp.rootHash) fail(`${at}: the signed note's root differs from the stored root`);
}

/**
 * `hanoi247 ledger verify`: streams the leaves in index order and recomputes every leaf hash
 * from its data, every stored perfect subtree, the root at every checkpoint size and every
 * checkpoint signature (any key generation), and checks that the audit log up to the
 * watermark is all in the log. Stops at the first problem, in index order.
 */
export async function verifyLedger(
  db: Executor,
  keyring: NodeKeyring,
  options: VerifyLedgerOptions = {},
): Promise<LedgerVerification> {
  const pageSize = options.pageSize ?? 1000;
  const keys = keyring.generations.map((g) => g.signing.publicKey);
  let range: CompactRange = emptyCompactRange;
  let checkpoints: CheckpointRow[] = [];
  let checked = 0;
  let nodes = 0;
  let auditLeaves = 0;
  let origin: string | null = null;
  let latest: CheckpointRow | null = null;
  const report = (problem: string | null): LedgerVerification => ({
    problem,
    leaves: range.size,
    nodes,
    checkpoints: checked,
    origin,
    latest:
      latest === null
        ? null
        : { treeSize: latest.treeSize, rootHash: Buffer.from(latest.rootHash, 'hex').toString('base64') },
  });

  const nextCheckpoint = async (): Promise<CheckpointRow | undefined> => {
    if (checkpoints.length === 0) checkpoints = await ledgerRepository.checkpointsAfter(db, latest?.treeSize ?? 0, 256);
    return checkpoints[0];
  };
  const checkpointsAt = async (size: number): Promise<void> => {
    for (let cp = await nextCheckpoint(); cp !== undefined && cp.treeSize <= size; cp = await nextCheckpoint()) {
      checkpoints.shift();
      if (cp.treeSize < size || cp.treeSize === 0) {
        fail(`checkpoint ${cp.treeSize}: not a size the leaves passed through`);
      }
      if (cp.rootHash !== hex(rangeRoot(range))) fail(`checkpoint ${cp.treeSize}: root does not match the leaves`);
      origin ??= originOf(cp, keyring);
      checkNote(cp, origin, keys);
      latest = cp;
      checked += 1;
    }
  };

  try {
    for (
      let rows = await ledgerRepository.leavesFrom(db, 0, pageSize);
      rows.length > 0;
      rows = await ledgerRepository.leavesFrom(db, range.size, pageSize)
    ) {
      const start = range.size;
      const stored = new Map(
        (await ledgerRepository.nodesIn(db, completedIn(start, start + rows.length))).map((n) => [nodeKey(n), n.hash]),
      );
      const audit = await ledgerAuditRepository.entries(
        db,
        rows.filter((r) => r.kind === 'audit').map((r) => r.refId),
      );
      for (const row of rows) {
        const at = `leaf ${range.size}`;
        if (row.index !== range.size) fail(`${at}: missing (the next stored leaf is ${row.index})`);
        const hash = leafHash(Buffer.from(row.leafData, 'utf8'));
        if (hex(hash) !== row.leafHash) fail(`${at}: stored hash does not match its data`);
        const dataProblem = leafDataProblem(row, audit);
        if (dataProblem !== null) fail(`${at}: ${dataProblem}`);
        if (row.kind === 'audit') auditLeaves += 1;
        const appended = appendToRange(range, [hash]);
        for (const node of appended.created) {
          const found = stored.get(nodeKey(node));
          if (found === undefined) fail(`${span(node)}: missing`);
          if (found !== hex(node.hash)) fail(`${span(node)}: stored hash does not match the leaves`);
          nodes += 1;
        }
        range = appended.range;
        await checkpointsAt(range.size);
      }
    }
    const beyond = await nextCheckpoint();
    if (beyond !== undefined) fail(`checkpoint ${beyond.treeSize}: the log has only ${range.size} leaves`);
    if (range.size > 0 && (latest as CheckpointRow | null)?.treeSize !== range.size) {
      fail(`leaf ${(latest as CheckpointRow | null)?.treeSize ?? 0}: not covered by any checkpoint`);
    }
    const counts = await ledgerRepository.counts(db);
    if (counts.nodes !== nodes) fail(`ledger nodes: ${counts.nodes} stored, but ${range.size} leaves make ${nodes}`);
    const expectedAudit = await ledgerAuditRepository.countThrough(db, await ledgerAuditRepository.watermark(db));
    if (expectedAudit !== auditLeaves) {
      fail(`audit log: ${expectedAudit} entries up to the watermark, but ${auditLeaves} audit leaves`);
    }
    return report(null);
  } catch (error) {
    if (error instanceof Problem) return report(error.message);
    throw error;
  }
}
