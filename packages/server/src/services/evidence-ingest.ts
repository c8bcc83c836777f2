import {
  DomainError,
  onwardTransferStatusFor,
  type CustodyEventType,
  type JsonValue,
  type Principal,
} from '@hanoi247/core';
import type { Executor, Tx } from '../db/database-schema.js';
import type { ContentSource, ContentStore, StagedContent } from '../evidence/content-store.js';
import { recordCustodyEvent, type CustodyStep, type OwnSystem } from '../evidence/custody-recorder.js';
import { gcmSealer, newItemKey, wrapItemKey, wrappedKeyId } from '../evidence/sealing.js';
import type { StorageKey, StorageKeyProvider } from '../evidence/storage-key.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { evidenceRepository, type EvidenceRecord } from '../repositories/evidence.repository.js';
import { orderRepository } from '../repositories/order.repository.js';
import { requestRepository } from '../repositories/request.repository.js';
import { checkEvidenceInput, visibleRequest, type CheckedEvidenceInput, type EvidenceInput } from './evidence-view.js';
import { officerCanSee } from './order-view.js';
import { storageKeyOnFirstNeed } from './storage-key-on-first-need.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

export interface EvidenceSettings {
  readonly encryptAtRest: boolean;
  readonly maxUploadBytes: number;
}

export interface EvidenceIngestDeps extends ServiceRuntime {
  readonly store: ContentStore;
  readonly keys: StorageKeyProvider;
  /** This node as custody events name it; null when the process does not act as a node. */
  readonly system: OwnSystem | null;
  readonly settings: EvidenceSettings;
}

export interface IngestOptions {
  readonly onProgress?: (bytes: number) => void;
  /** How the bytes arrived, for the audit entry. */
  readonly via: 'direct' | 'upload' | 'transfer';
  /**
   * The first custody event, when the item was not collected here: a partner's transfer starts
   * with 'received', naming the partner as actor. Default: 'collected' by the caller.
   */
  readonly arrival?: {
    readonly type: CustodyEventType;
    readonly actor?: CustodyStep['actor'];
    readonly actorName?: string;
    readonly details?: { readonly [key: string]: JsonValue };
    /** The sender's last custody event hash: our chain for the item continues theirs. */
    readonly follows?: string;
  };
  /**
   * The caller has already checked the principal against the item's owning order (a provider
   * delivering production on its own order): only the owner's existence is checked here.
   */
  readonly ownerChecked?: boolean;
  /** More writes that must commit with the item (closing the upload it came from). */
  readonly alsoInTransaction?: (tx: Tx, record: EvidenceRecord) => Promise<void>;
}

/**
 * The one ingest path, shared by `evidence add` and a completed upload: stream to staging
 * (hashing, sealing), check the declared hash, then one transaction that moves the content to
 * its address and records the item, its custody events and the audit entry.
 */
export function createEvidenceIngest(deps: EvidenceIngestDeps) {
  const { db, clock, ids, store, keys, settings } = deps;

  const system = (): OwnSystem => {
    if (deps.system === null) {
      throw new DomainError(
        'config/invalid',
        'this node\u2019s country is not configured (node.country, HANOI247_COUNTRY ' +
          'or --country): custody events name it',
      );
    }
    return deps.system;
  };

  function sealingKey(): Promise<StorageKey> {
    return storageKeyOnFirstNeed(db, keys);
  }

  async function refuseMismatch(
    context: CallContext,
    input: CheckedEvidenceInput,
    staged: StagedContent,
  ): Promise<never> {
    await staged.discard();
    await auditRepository.append(
      db,
      auditEntryFor(deps, context, {
        action: 'evidence.add-refused',
        objectType: input.requestId === null ? 'order' : 'request',
        objectId: input.requestId ?? input.orderId ?? '',
        outcome: 'failure',
        details: {
          reason: 'hash-mismatch',
          declaredSha256: input.declaredSha256,
          computedSha256: staged.sha256,
          size: staged.size,
        },
      }),
    );
    throw new DomainError(
      'evidence/hash-mismatch',
      `the content's SHA-256 is ${staged.sha256}, not the declared ${input.declaredSha256 ?? ''}; nothing was kept`,
    );
  }

  /** Best effort after a failed commit: the address is freed unless another item now holds it. */
  async function removeIfUnreferenced(sha256: string): Promise<void> {
    await db
      .transaction()
      .execute(async (tx) => {
        await evidenceRepository.lockContent(tx, sha256);
        if ((await evidenceRepository.liveWithContent(tx, sha256)) === undefined) await store.remove(sha256);
      })
      .catch(() => undefined);
  }

  /**
   * The item's owner must exist and be visible: its request, or the domestic order whose
   * production it is when there is no request. A null principal is the node itself (a
   * federation transfer) and `ownerChecked` a caller that checked the order: no visibility applies.
   */
  async function requireOwner(
    executor: Executor,
    principal: Principal | null,
    input: CheckedEvidenceInput,
    ownerChecked: boolean,
  ): Promise<void> {
    const unchecked = principal === null || ownerChecked;
    if (input.requestId !== null) {
      const request = await requestRepository.findById(executor, input.requestId);
      if (!unchecked) visibleRequest(principal, request);
      else if (request === undefined) throw new DomainError('request/not-found', 'no such request');
    }
    if (input.orderId === null) return;
    const order = await orderRepository.findById(executor, input.orderId);
    const seen =
      order !== undefined &&
      (unchecked || principal.via === 'cli' || input.requestId !== null || officerCanSee(principal, order, undefined));
    if (!seen) throw new DomainError('order/not-found', 'no such order');
  }

  async function record(
    tx: Tx,
    context: CallContext,
    principal: Principal | null,
    input: CheckedEvidenceInput,
    staged: StagedContent,
    wrappedKey: string | null,
    options: IngestOptions,
    moved: { created: boolean },
  ): Promise<EvidenceRecord> {
    await requireOwner(tx, principal, input, options.ownerChecked === true);
    await evidenceRepository.lockContent(tx, staged.sha256);
    // Identical content is stored once; the new item shares the object, and its key if sealed.
    const existing = await evidenceRepository.liveWithContent(tx, staged.sha256);
    const shared = existing !== undefined && (await store.has(staged.sha256));
    if (!shared) {
      moved.created = true;
      await staged.commit();
    }
    const own = system();
    const recorded: EvidenceRecord = {
      id: ids(),
      requestId: input.requestId,
      orderId: input.orderId,
      sha256: staged.sha256,
      size: staged.size,
      mediaType: input.mediaType,
      filename: input.filename,
      metadata: input.metadata,
      originCountry: input.metadata.originCountry,
      onwardTransfer: onwardTransferStatusFor(input.metadata.originCountry, own.country),
      personalData: input.metadata.personalData,
      retentionUntil: input.metadata.retentionUntil ?? null,
      wrappedKey: shared ? existing.wrappedKey : wrappedKey,
      createdBy: principal?.userId ?? principal?.username ?? options.arrival?.actor?.id ?? 'system',
      createdAt: clock.now().toISOString(),
      erasedAt: null,
    };
    await evidenceRepository.insert(tx, recorded);
    const step = { evidenceId: recorded.id, evidenceSha256: recorded.sha256, requestId: recorded.requestId };
    const m = input.metadata;
    const arrival = options.arrival;
    const described = {
      source: m.source,
      dataCategory: m.dataCategory,
      acquiredAt: m.acquisition.acquiredAt,
      originCountry: m.originCountry,
      mediaType: recorded.mediaType,
    };
    await recordCustodyEvent(tx, deps, own, context, {
      ...step,
      type: arrival?.type ?? 'collected',
      details: { ...described, ...(arrival?.details ?? {}) },
      ...(arrival?.actor === undefined ? {} : { actor: arrival.actor }),
      ...(arrival?.actorName === undefined ? {} : { actorName: arrival.actorName }),
      ...(arrival?.follows === undefined ? {} : { follows: arrival.follows }),
    });
    // What arrived from a partner was checked against the hash its sender signed: hash-verified.
    const hashing =
      arrival?.type === 'received'
        ? {
            type: 'hash-verified' as const,
            details: { size: recorded.size, declaredSha256: input.declaredSha256 ?? recorded.sha256 },
          }
        : { type: 'hashed' as const, details: { size: recorded.size } };
    await recordCustodyEvent(tx, deps, own, context, { ...step, ...hashing, hashes: { sha256: recorded.sha256 } });
    if (recorded.wrappedKey !== null) {
      await recordCustodyEvent(tx, deps, own, context, {
        ...step,
        type: 'sealed',
        details: {
          cipher: 'AES-256-GCM',
          keyWrap: 'AES-256-KW (RFC 3394)',
          storageKeyId: wrappedKeyId(recorded.wrappedKey),
        },
      });
    }
    await options.alsoInTransaction?.(tx, recorded);
    await auditRepository.append(
      tx,
      auditEntryFor(deps, context, {
        action: 'evidence.added',
        objectType: 'evidence',
        objectId: recorded.id,
        details: {
          requestId: input.requestId,
          ...(input.orderId === null ? {} : { orderId: input.orderId }),
          sha256: recorded.sha256,
          size: recorded.size,
          sealed: recorded.wrappedKey !== null,
          deduplicated: shared,
          via: options.via,
        },
      }),
    );
    return recorded;
  }

  /** The key that unwraps what was sealed; its absence is a loss to report, never to repair. */
  async function storageKey(): Promise<StorageKey> {
    const existing = await keys.get(false);
    if (existing === null) {
      throw new DomainError('evidence/storage-key-missing', 'keys/storage.key is missing: restore it from backup');
    }
    return existing;
  }

  return {
    system,
    sealingKey,
    storageKey,

    /** Validates the declaration (metadata, media type, file name, hash) before reading a byte. */
    async ingest(
      context: CallContext,
      principal: Principal | null,
      declared: EvidenceInput,
      content: ContentSource,
      options: IngestOptions,
    ): Promise<EvidenceRecord> {
      const input = checkEvidenceInput(declared);
      system();
      // Checked before reading a byte; checked again in the transaction that records the item.
      await requireOwner(db, principal, input, options.ownerChecked === true);
      const item = settings.encryptAtRest ? newItemKey() : null;
      const wrappedKey = item === null ? null : wrapItemKey(await sealingKey(), item);
      const staged = await store.stage(content, {
        maxBytes: settings.maxUploadBytes,
        sealer: item === null ? null : gcmSealer(item),
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      });
      if (input.declaredSha256 !== null && input.declaredSha256 !== staged.sha256) {
        return refuseMismatch(context, input, staged);
      }
      const moved = { created: false };
      try {
        return await db
          .transaction()
          .execute(async (tx) => record(tx, context, principal, input, staged, wrappedKey, options, moved));
      } catch (error) {
        if (moved.created) await removeIfUnreferenced(staged.sha256);
        throw error;
      } finally {
        await staged.discard();
      }
    },
  };
}

export type EvidenceIngest = ReturnType<typeof createEvidenceIngest>;
