import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../support/canonical-json.js';

/** Every step an item goes through, each one a ledger leaf. */
export const custodyEventTypes = [
  'collected',
  'hashed',
  'sealed',
  'packaged',
  'transmitted',
  'received',
  'hash-verified',
  'accessed',
  'analysed',
  'disclosed',
  'onward-transferred',
  'returned',
  'destroyed',
] as const;
export type CustodyEventType = (typeof custodyEventTypes)[number];

export function isCustodyEventType(value: string): value is CustodyEventType {
  return (custodyEventTypes as readonly string[]).includes(value);
}

/**
 * The public part of a custody event: what a foreign court may see. Names, free-text notes
 * and anything else personal live in `personal`, of which the leaf holds only a salted
 * commitment, so erasing them at the retention date never breaks a proof.
 */
export interface CustodyEvent {
  readonly v: 1;
  readonly id: string;
  readonly evidenceId: string;
  readonly evidenceSha256: string;
  readonly requestId: string | null;
  readonly type: CustodyEventType;
  readonly occurredAt: string;
  /** The acting node: country and node name. */
  readonly system: { readonly country: string; readonly node: string };
  readonly actor: {
    readonly type: 'user' | 'operator' | 'system' | 'partner';
    readonly id: string | null;
    readonly role: string | null;
  };
  /** Hashes observed at this step (sha256 of the content at least), lower-case hex. */
  readonly hashes: { readonly [algorithm: string]: string };
  /** The event hash of the item's previous custody event: the chain a court follows. Null for the first. */
  readonly previous: string | null;
  /** Structured, non-personal details (sizes, counts, destination State, message ids). */
  readonly details: { readonly [key: string]: JsonValue };
  /** SHA-256 hex of salt ‖ canonical(personal): the commitment to the personal part. */
  readonly personalCommitment: string | null;
}

/** What a leaf commits to without containing it: the actor's name, free notes. */
export interface CustodyPersonal {
  readonly actorName: string;
  readonly notes?: string;
  readonly [key: string]: JsonValue | undefined;
}

/** The leaf kinds this ledger holds. */
export type LedgerLeafKind = 'custody' | 'audit';

/** The ledger leaf of a custody event: its canonical JSON, UTF-8. */
export function custodyLeafData(event: CustodyEvent): string {
  return canonicalJson({ kind: 'custody', event: event as unknown as JsonValue });
}

/** SHA-256 of the leaf data, hex: what the next event of the item links to. */
export function custodyEventHash(leafData: string): string {
  return createHash('sha256').update(leafData, 'utf8').digest('hex');
}

/** salt is 32 random bytes, hex, chosen by the caller (core takes no randomness of its own). */
export function personalCommitment(salt: string, personal: CustodyPersonal): string {
  if (!/^[0-9a-f]{64}$/.test(salt)) throw new RangeError('a commitment salt is 32 bytes of lower-case hex');
  return createHash('sha256')
    .update(Buffer.from(salt, 'hex'))
    .update(canonicalJson(personal as unknown as JsonValue), 'utf8')
    .digest('hex');
}

/** Parses a custody leaf back; null if the text is not one. Verifiers use this on untrusted input. */
export function parseCustodyLeaf(leafData: string): CustodyEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(leafData);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { kind?: unknown }).kind !== 'custody') return null;
  const event = (parsed as { event?: unknown }).event;
  if (typeof event !== 'object' || event === null) return null;
  const e = event as Partial<CustodyEvent>;
  if (
    e.v !== 1 ||
    typeof e.id !== 'string' ||
    typeof e.evidenceId !== 'string' ||
    typeof e.evidenceSha256 !== 'string' ||
    typeof e.type !== 'string' ||
    !isCustodyEventType(e.type)
  ) {
    return null;
  }
  if (typeof e.occurredAt !== 'string' || (e.previous !== null && typeof e.previous !== 'string')) return null;
  // Only the exact canonical form counts: a re-serialised leaf would hash differently.
  if (custodyLeafData(e as CustodyEvent) !== leafData) return null;
  return e as CustodyEvent;
}

/** The audit log's leaf: the entry's id and the digest of its canonical form. */
export function auditLeafData(entry: { readonly id: string; readonly digest: string }): string {
  return canonicalJson({ kind: 'audit', id: entry.id, digest: entry.digest });
}
