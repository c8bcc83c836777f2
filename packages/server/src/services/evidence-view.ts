import {
  DomainError,
  evidenceMetadataSchema,
  sanitiseFilename,
  type EvidenceMetadata,
  type Permission,
  type Principal,
} from '@hanoi247/core';
import type { StoredCustodyEvent } from '../repositories/custody-event.repository.js';
import type { EvidenceRecord } from '../repositories/evidence.repository.js';
import type { RequestRecord } from '../repositories/request.repository.js';
import { isSha256Hex } from '../evidence/content-store.js';
import { canSee } from './request-view.js';
import { requirePermission } from './user.service.js';

/**
 * The operator at the console (`hanoi247 evidence add`) holds the data directory and could read
 * the database anyway; refusing them would only push evidence handling outside the audit log.
 */
export function requireEvidencePermission(principal: Principal | null, permission: Permission): Principal {
  if (principal?.via === 'cli') return principal;
  return requirePermission(principal, permission);
}

/** Evidence follows its request's visibility (interception stays with the central authority). */
export function visibleRequest(principal: Principal, request: RequestRecord | undefined): RequestRecord {
  if (request === undefined || !(principal.via === 'cli' || canSee(principal, request))) {
    throw new DomainError('request/not-found', 'no such request');
  }
  return request;
}

/** Unknown and invisible items look the same. */
export function visibleItem(
  principal: Principal,
  item: EvidenceRecord | undefined,
  request: RequestRecord | undefined,
): EvidenceRecord {
  const seen = item !== undefined && request !== undefined && (principal.via === 'cli' || canSee(principal, request));
  if (!seen) throw new DomainError('evidence/not-found', 'no such evidence item');
  return item;
}

export interface EvidenceView {
  readonly id: string;
  readonly requestId: string | null;
  readonly orderId: string | null;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly filename: string;
  readonly metadata: EvidenceMetadata;
  readonly originCountry: string;
  readonly onwardTransfer: string;
  readonly personalData: boolean;
  readonly retentionUntil: string | null;
  /** Stored sealed (AES-256-GCM) rather than in clear. */
  readonly sealed: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly erasedAt: string | null;
}

export function presentEvidence(record: EvidenceRecord): EvidenceView {
  const { wrappedKey, ...rest } = record;
  return { ...rest, sealed: wrappedKey !== null };
}

export interface CustodyEventView {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly system: { readonly country: string; readonly node: string };
  readonly actor: { readonly type: string; readonly id: string | null; readonly role: string | null };
  readonly hashes: { readonly [algorithm: string]: string };
  readonly details: { readonly [key: string]: unknown };
  readonly previous: string | null;
  readonly eventHash: string;
  /** Names and notes: shown to officers, erased at the retention date (null then). */
  readonly personal: { readonly actorName: string; readonly notes?: string } | null;
}

export function presentCustodyEvent(stored: StoredCustodyEvent): CustodyEventView {
  const e = stored.event;
  return {
    id: e.id,
    type: e.type,
    occurredAt: e.occurredAt,
    system: e.system,
    actor: e.actor,
    hashes: e.hashes,
    details: e.details,
    previous: e.previous,
    eventHash: stored.eventHash,
    personal:
      stored.personal === null
        ? null
        : {
            actorName: stored.personal.actorName,
            ...(stored.personal.notes === undefined ? {} : { notes: stored.personal.notes }),
          },
  };
}

/** What a caller declares about content before sending it. */
export interface EvidenceInput {
  /** The request the item belongs to; null for production under a purely domestic order. */
  readonly requestId: string | null;
  /** The domestic order that produced it: the item's owner when there is no request. */
  readonly orderId?: string | null | undefined;
  readonly filename: string;
  readonly mediaType: string;
  readonly metadata: unknown;
  /** SHA-256 the sender computed, hex: a mismatch refuses the content. */
  readonly declaredSha256?: string | null | undefined;
}

export interface CheckedEvidenceInput {
  readonly requestId: string | null;
  readonly orderId: string | null;
  readonly filename: string;
  readonly mediaType: string;
  readonly metadata: EvidenceMetadata;
  readonly declaredSha256: string | null;
}

const mediaTypePattern = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** Validates before a byte is read, so bad metadata never costs a 4 GB transfer. */
export function checkEvidenceInput(input: EvidenceInput): CheckedEvidenceInput {
  const parsed = evidenceMetadataSchema.safeParse(input.metadata);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: `/metadata/${i.path.join('/')}`, message: i.message }));
  const mediaType = input.mediaType.trim().toLowerCase();
  if (!mediaTypePattern.test(mediaType)) {
    issues.push({ path: '/mediaType', message: 'must be a media type such as application/pdf' });
  }
  const declared =
    input.declaredSha256 === undefined || input.declaredSha256 === null ? null : input.declaredSha256.toLowerCase();
  if (declared !== null && !isSha256Hex(declared)) {
    issues.push({ path: '/sha256', message: 'must be 64 hexadecimal characters' });
  }
  const orderId = input.orderId ?? null;
  // Every item has an owner whose visibility it follows.
  if (input.requestId === null && orderId === null) issues.push({ path: '/requestId', message: 'is required' });
  if (!parsed.success || issues.length > 0) {
    throw new DomainError('evidence/invalid-metadata', 'the evidence metadata is not valid', { issues });
  }
  return {
    requestId: input.requestId,
    orderId,
    filename: sanitiseFilename(input.filename),
    mediaType,
    metadata: parsed.data,
    declaredSha256: declared,
  };
}
