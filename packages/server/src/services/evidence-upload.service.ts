import { pipeline, Transform, type Readable } from 'node:stream';
import { DomainError, secondsPerHour, type Principal } from '@hanoi247/core';
import type { ContentStore } from '../evidence/content-store.js';
import { ctrAt, newPartialSealing, unwrapItemKey } from '../evidence/sealing.js';
import { auditRepository } from '../repositories/audit.repository.js';
import {
  evidenceUploadRepository,
  type UploadRecord,
  type UploadStatus,
} from '../repositories/evidence-upload.repository.js';
import { requestRepository } from '../repositories/request.repository.js';
import type { EvidenceService } from './evidence.service.js';
import type { Tx } from '../db/database-schema.js';
import {
  checkEvidenceInput,
  presentEvidence,
  requireEvidencePermission,
  visibleRequest,
  type CheckedEvidenceInput,
  type EvidenceInput,
  type EvidenceView,
} from './evidence-view.js';
import type { ProductionInput, ProviderProduction } from './provider-production.service.js';
import { auditEntryFor, isoAfter, type CallContext, type ServiceRuntime } from './service-runtime.js';

export interface UploadSettings {
  readonly encryptAtRest: boolean;
  readonly maxUploadBytes: number;
  readonly maxOpenUploadsPerUser: number;
  readonly uploadExpiryHours: number;
}

export interface UploadServiceDeps extends ServiceRuntime {
  readonly store: ContentStore;
  readonly evidence: EvidenceService;
  readonly settings: UploadSettings;
  /** Providers' production uploads: who may deliver on an order, and the order step at the last byte. */
  readonly production?: ProviderProduction;
}

export interface UploadView {
  readonly id: string;
  readonly requestId: string | null;
  readonly orderId: string | null;
  /** refused: the content did not match its declared SHA-256 and was removed. */
  readonly status: UploadStatus;
  readonly offset: number;
  readonly length: number;
  readonly expiresAt: string;
  readonly evidenceId: string | null;
  readonly createdAt: string;
}

export interface AppendResult {
  readonly upload: UploadView;
  /** Set when this call delivered the last byte. */
  readonly evidence: EvidenceView | null;
}

const present = (u: UploadRecord): UploadView => ({
  id: u.id,
  requestId: u.requestId,
  orderId: u.orderId,
  status: u.status,
  offset: u.receivedBytes,
  length: u.declaredSize,
  expiresAt: u.expiresAt,
  evidenceId: u.evidenceId,
  createdAt: u.createdAt,
});

const ownerOf = (principal: Principal): string => principal.userId ?? principal.username;

/**
 * Resumable uploads (the tus 1.0 core protocol maps onto these calls). The last byte is
 * acknowledged only in the transaction that records the item, so a client that resumes after
 * any failure resends the last chunk instead of believing in an item that does not exist.
 */
export function createUploadService(deps: UploadServiceDeps) {
  const { db, clock, ids, store, evidence, settings } = deps;
  const expirySeconds = settings.uploadExpiryHours * secondsPerHour;
  // One writer per upload in this process; the conditional offset update guards across processes.
  const busy = new Set<string>();

  /**
   * Another user's upload looks like no upload at all. An officer's evidence upload and a
   * provider's production upload (`orderId`: the order it was opened on) never stand in for
   * each other, and a production upload is checked against its order again at every call: a
   * provider user unlinked meanwhile gets "not found" and a logged denial.
   */
  async function own(
    context: CallContext,
    id: string,
    orderId: string | null = null,
    route = 'upload',
  ): Promise<{ principal: Principal; upload: UploadRecord }> {
    const principal =
      orderId === null
        ? requireEvidencePermission(context.principal, 'evidence:add')
        : (await productionOf().authorise(context, orderId, route)).principal;
    const upload = await evidenceUploadRepository.findById(db, id);
    if (upload === undefined || upload.createdBy !== ownerOf(principal) || upload.orderId !== orderId) {
      if (orderId !== null) return productionOf().refuseUpload(context, id, route);
      throw new DomainError('evidence/upload-not-found', 'no such upload');
    }
    return { principal, upload };
  }

  function productionOf(): ProviderProduction {
    if (deps.production === undefined) {
      throw new DomainError('bug/invariant-violated', 'production uploads are not wired in this process');
    }
    return deps.production;
  }

  /** The CTR keystream of a sealed partial file from `offset`, or nothing for one in clear. */
  async function partialCodec(upload: UploadRecord, offset: number): Promise<((chunk: Buffer) => Buffer) | undefined> {
    const sealing = upload.spec.sealing ?? null;
    if (sealing === null) return undefined;
    return ctrAt(unwrapItemKey(await evidence.ingest.storageKey(), sealing.wrappedKey), sealing.iv, offset);
  }

  /** The partial file's plaintext, for the ingest that completes it. */
  async function partialContent(upload: UploadRecord): Promise<Readable> {
    const decode = await partialCodec(upload, 0);
    const raw = store.partials.open(upload.id);
    if (decode === undefined) return raw;
    const plain = new Transform({
      highWaterMark: 1024 * 1024,
      transform: (chunk: Buffer, _encoding, callback) => callback(null, decode(chunk)),
    });
    return pipeline(raw, plain, () => undefined);
  }

  function requireOpen(upload: UploadRecord): void {
    if (upload.status === 'completed') {
      throw new DomainError(
        'evidence/upload-completed',
        `this upload is complete: evidence item ${upload.evidenceId ?? ''}`,
      );
    }
    if (upload.status !== 'open') throw new DomainError('evidence/upload-gone', `this upload is ${upload.status}`);
  }

  async function finish(
    context: CallContext,
    principal: Principal,
    upload: UploadRecord,
    from: number,
  ): Promise<EvidenceView> {
    const spec = upload.spec;
    const input = {
      requestId: upload.requestId,
      orderId: upload.orderId,
      filename: spec.filename,
      mediaType: spec.mediaType,
      metadata: spec.metadata,
      declaredSha256: upload.declaredSha256,
    };
    const orderId = upload.orderId;
    try {
      const item = await evidence.ingest.ingest(context, principal, input, await partialContent(upload), {
        via: 'upload',
        // A production upload was checked against its order by own(); its step commits with the item.
        ownerChecked: orderId !== null,
        alsoInTransaction: async (tx, record) => {
          const closed =
            (await evidenceUploadRepository.advance(tx, upload.id, from, upload.declaredSize, upload.expiresAt)) &&
            (await evidenceUploadRepository.close(tx, upload.id, 'completed', record.id));
          if (!closed) {
            throw new DomainError('evidence/upload-offset-mismatch', 'the upload changed while it was being completed');
          }
          if (orderId !== null) {
            await productionOf().complete(
              tx,
              context,
              principal,
              orderId,
              record,
              upload.declaredSha256 ?? record.sha256,
            );
          }
        },
      });
      await store.partials.remove(upload.id);
      return presentEvidence(item);
    } catch (error) {
      // Wrong content stays wrong however often it is resumed: the upload ends and its bytes go.
      if (error instanceof DomainError && error.code === 'evidence/hash-mismatch') {
        await evidenceUploadRepository.close(db, upload.id, 'refused', null);
        await store.partials.remove(upload.id);
      }
      throw error;
    }
  }

  /** Opens an upload for a declaration already checked, owned by `principal`. */
  async function open(
    context: CallContext,
    principal: Principal,
    checked: CheckedEvidenceInput,
    size: number,
    checkOwner: (tx: Tx) => Promise<void>,
  ): Promise<AppendResult> {
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new DomainError('evidence/invalid-metadata', 'the upload length must be a whole number of bytes', {
        issues: [{ path: '/size', message: 'not a byte count', in: 'headers' }],
      });
    }
    if (size > settings.maxUploadBytes) {
      throw new DomainError('evidence/too-large', `evidence items are limited to ${settings.maxUploadBytes} bytes`);
    }
    const now = clock.now().toISOString();
    const upload: UploadRecord = {
      id: ids(),
      requestId: checked.requestId,
      orderId: checked.orderId,
      declaredSize: size,
      declaredSha256: checked.declaredSha256,
      receivedBytes: 0,
      spec: {
        filename: checked.filename,
        mediaType: checked.mediaType,
        metadata: checked.metadata,
        sealing: settings.encryptAtRest ? newPartialSealing(await evidence.ingest.sealingKey()) : null,
      },
      status: 'open',
      evidenceId: null,
      createdBy: ownerOf(principal),
      createdAt: now,
      expiresAt: isoAfter(clock, expirySeconds),
    };
    await store.partials.create(upload.id);
    try {
      await db.transaction().execute(async (tx) => {
        await checkOwner(tx);
        if ((await evidenceUploadRepository.countOpenBy(tx, upload.createdBy)) >= settings.maxOpenUploadsPerUser) {
          throw new DomainError(
            'evidence/upload-quota-exceeded',
            `at most ${settings.maxOpenUploadsPerUser} uploads may be open at once: finish or cancel one`,
          );
        }
        await evidenceUploadRepository.insert(tx, upload);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'evidence.upload-started',
            objectType: 'upload',
            objectId: upload.id,
            details: {
              requestId: upload.requestId,
              ...(upload.orderId === null ? {} : { orderId: upload.orderId }),
              size: upload.declaredSize,
            },
          }),
        );
      });
    } catch (error) {
      await store.partials.remove(upload.id);
      throw error;
    }
    // Empty content is complete as soon as it is declared.
    if (upload.declaredSize === 0) {
      const item = await finish(context, principal, upload, 0);
      return { upload: { ...present(upload), status: 'completed', evidenceId: item.id }, evidence: item };
    }
    return { upload: present(upload), evidence: null };
  }

  return {
    async create(context: CallContext, input: EvidenceInput & { readonly size: number }): Promise<AppendResult> {
      const principal = requireEvidencePermission(context.principal, 'evidence:add');
      const checked = checkEvidenceInput({ ...input, orderId: null });
      if (checked.requestId === null) {
        throw new DomainError('evidence/invalid-metadata', 'name the request the item belongs to', {
          issues: [{ path: '/requestId', message: 'is required', in: 'headers' }],
        });
      }
      const requestId = checked.requestId;
      return open(context, principal, checked, input.size, async (tx) => {
        visibleRequest(principal, await requestRepository.findById(tx, requestId));
      });
    },

    /**
     * A provider's resumable production on its own served order: declared like the streamed
     * production (its SHA-256 required), filed like it, and the order's step commits with the item.
     */
    async createProduction(
      context: CallContext,
      orderId: string,
      input: ProductionInput,
      size: number,
    ): Promise<AppendResult> {
      const prepared = await productionOf().prepare(context, orderId, input, size, 'production-upload');
      return open(context, prepared.principal, prepared.evidence, size, async () => undefined);
    },

    async status(context: CallContext, id: string, orderId: string | null = null): Promise<UploadView> {
      return present((await own(context, id, orderId)).upload);
    },

    /** Writes the bytes at `offset`; a broken link keeps what arrived, and the client resumes. */
    async append(
      context: CallContext,
      id: string,
      offset: number,
      content: Readable,
      contentLength: number | null = null,
      orderId: string | null = null,
    ): Promise<AppendResult> {
      const { principal, upload } = await own(context, id, orderId, 'production-upload');
      requireOpen(upload);
      if (offset !== upload.receivedBytes) {
        throw new DomainError(
          'evidence/upload-offset-mismatch',
          `the upload is at offset ${upload.receivedBytes}, not ${offset}: ask with HEAD and resume from there`,
        );
      }
      // Refused before a byte is read when the sender says up front that it will not fit.
      if (contentLength !== null && offset + contentLength > upload.declaredSize) {
        throw new DomainError(
          'evidence/too-large',
          `this body would end past the declared Upload-Length ${upload.declaredSize}`,
        );
      }
      if (busy.has(id)) {
        throw new DomainError('evidence/upload-busy', 'another transfer to this upload is still running');
      }
      busy.add(id);
      try {
        const { written, interrupted } = await store.partials.write(
          id,
          offset,
          content,
          upload.declaredSize - offset,
          await partialCodec(upload, offset),
        );
        const end = offset + written;
        if (interrupted !== null || end < upload.declaredSize) {
          const expiresAt = isoAfter(clock, expirySeconds);
          if (!(await evidenceUploadRepository.advance(db, id, offset, end, expiresAt))) {
            throw new DomainError(
              'evidence/upload-offset-mismatch',
              'the upload changed during this transfer: ask with HEAD and resume',
            );
          }
          return { upload: { ...present(upload), offset: end, expiresAt }, evidence: null };
        }
        const item = await finish(context, principal, upload, offset);
        return {
          upload: { ...present(upload), offset: end, status: 'completed', evidenceId: item.id },
          evidence: item,
        };
      } finally {
        busy.delete(id);
      }
    },

    async cancel(context: CallContext, id: string, orderId: string | null = null): Promise<void> {
      const { upload } = await own(context, id, orderId);
      requireOpen(upload);
      if (busy.has(id)) throw new DomainError('evidence/upload-busy', 'a transfer to this upload is still running');
      await db.transaction().execute(async (tx) => {
        if (!(await evidenceUploadRepository.close(tx, id, 'cancelled', null))) {
          throw new DomainError('evidence/upload-gone', 'this upload is no longer open');
        }
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'evidence.upload-cancelled',
            objectType: 'upload',
            objectId: id,
            details: { requestId: upload.requestId, received: upload.receivedBytes },
          }),
        );
      });
      await store.partials.remove(id);
    },

    /** Ends uploads idle past their expiry and removes their bytes; run by a job or by hand. */
    async expireAbandoned(): Promise<number> {
      const system: CallContext = { principal: null, requestId: null };
      const due = await evidenceUploadRepository.expiredOpen(db, clock.now().toISOString(), 100);
      let expired = 0;
      for (const upload of due) {
        if (busy.has(upload.id)) continue;
        const closed = await db.transaction().execute(async (tx) => {
          if (!(await evidenceUploadRepository.close(tx, upload.id, 'expired', null))) return false;
          await auditRepository.append(
            tx,
            auditEntryFor(deps, system, {
              action: 'evidence.upload-expired',
              objectType: 'upload',
              objectId: upload.id,
              actorType: 'system',
              actorName: 'evidence uploads',
              details: { requestId: upload.requestId, received: upload.receivedBytes, createdBy: upload.createdBy },
            }),
          );
          return true;
        });
        if (closed) {
          await store.partials.remove(upload.id);
          expired += 1;
        }
      }
      await store.sweepStaging(expirySeconds * 1000);
      return expired;
    },
  };
}

export type UploadService = ReturnType<typeof createUploadService>;
