import type { Readable } from 'node:stream';
import { DomainError } from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';
import type { ContentSource } from '../evidence/content-store.js';
import { recordCustodyEvent } from '../evidence/custody-recorder.js';
import { openVerifiedContent, verifyContent } from '../evidence/verified-content.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { custodyEventRepository } from '../repositories/custody-event.repository.js';
import { evidenceRepository, type EvidenceRecord } from '../repositories/evidence.repository.js';
import { requestRepository } from '../repositories/request.repository.js';
import { createEvidenceIngest, type EvidenceIngestDeps } from './evidence-ingest.js';
import { visibleEvidence } from './evidence-owner.js';
import {
  presentCustodyEvent,
  presentEvidence,
  requireEvidencePermission,
  visibleRequest,
  type CustodyEventView,
  type EvidenceInput,
  type EvidenceView,
} from './evidence-view.js';
import { auditEntryFor, type CallContext } from './service-runtime.js';

export type EvidenceServiceDeps = EvidenceIngestDeps;

export function createEvidenceService(deps: EvidenceServiceDeps) {
  const { db, store, keys } = deps;
  const ingest = createEvidenceIngest(deps);

  async function itemFor(tx: Executor, context: CallContext, id: string): Promise<EvidenceRecord> {
    const principal = requireEvidencePermission(context.principal, 'evidence:read');
    return visibleEvidence(tx, principal, await evidenceRepository.findById(tx, id));
  }

  return {
    /** The ingest path itself, for the upload service. */
    ingest,

    /** Streams `content` into the store and records the item: the CLI and any in-process caller. */
    async add(
      context: CallContext,
      input: EvidenceInput,
      content: ContentSource,
      options: { onProgress?: (bytes: number) => void } = {},
    ): Promise<EvidenceView> {
      const principal = requireEvidencePermission(context.principal, 'evidence:add');
      return presentEvidence(await ingest.ingest(context, principal, input, content, { ...options, via: 'direct' }));
    },

    /** Metadata of one item (audited: it describes personal data). */
    async get(context: CallContext, id: string, purpose: string | null): Promise<EvidenceView> {
      return db.transaction().execute(async (tx) => {
        const item = await itemFor(tx, context, id);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'evidence.viewed',
            objectType: 'evidence',
            objectId: id,
            purpose,
            details: { requestId: item.requestId },
          }),
        );
        return presentEvidence(item);
      });
    },

    async listForRequest(context: CallContext, requestId: string, purpose: string | null): Promise<EvidenceView[]> {
      const principal = requireEvidencePermission(context.principal, 'evidence:read');
      return db.transaction().execute(async (tx) => {
        visibleRequest(principal, await requestRepository.findById(tx, requestId));
        const items = await evidenceRepository.listForRequest(tx, requestId, 1000);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'evidence.listed',
            objectType: 'request',
            objectId: requestId,
            purpose,
            details: { count: items.length },
          }),
        );
        return items.map(presentEvidence);
      });
    },

    /** The item's chain of custody, oldest first, with the personal part for officers. */
    async custody(
      context: CallContext,
      id: string,
      purpose: string | null,
    ): Promise<{ item: EvidenceView; events: CustodyEventView[] }> {
      return db.transaction().execute(async (tx) => {
        const item = await itemFor(tx, context, id);
        const events = await custodyEventRepository.forEvidence(tx, id);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'evidence.custody-viewed',
            objectType: 'evidence',
            objectId: id,
            purpose,
            details: { events: events.length },
          }),
        );
        return { item: presentEvidence(item), events: events.map(presentCustodyEvent) };
      });
    },

    /**
     * The content for an officer: a sealed item is verified in full first (GCM releases no
     * unauthenticated plaintext), then the access is recorded as a custody event, then the
     * plaintext streams, checked once more against its SHA-256 on the way.
     */
    async download(
      context: CallContext,
      id: string,
      purpose: string | null,
    ): Promise<{ item: EvidenceView; content: Readable }> {
      const item = await itemFor(db, context, id);
      if (item.erasedAt !== null) {
        throw new DomainError('evidence/not-found', 'this item was erased at its retention date');
      }
      if (item.wrappedKey !== null) await verifyContent(store, keys, item);
      await db.transaction().execute(async (tx) => {
        const current = await itemFor(tx, context, id);
        await recordCustodyEvent(tx, deps, ingest.system(), context, {
          evidenceId: id,
          evidenceSha256: current.sha256,
          requestId: current.requestId,
          type: 'accessed',
          details: { action: 'download' },
          ...(purpose === null ? {} : { notes: `purpose: ${purpose}` }),
        });
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'evidence.downloaded',
            objectType: 'evidence',
            objectId: id,
            purpose,
            details: { requestId: current.requestId, sha256: current.sha256, size: current.size },
          }),
        );
      });
      return { item: presentEvidence(item), content: await openVerifiedContent(store, keys, item) };
    },

    /**
     * For other use cases (bundle export, federation transfer) that record their own custody
     * event and audit entry: no access check, no audit here. The stream errors at its end if
     * the content fails its tag or SHA-256.
     */
    async openContent(item: EvidenceRecord): Promise<Readable> {
      if (item.erasedAt !== null) {
        throw new DomainError('evidence/not-found', 'this item was erased at its retention date');
      }
      return openVerifiedContent(store, keys, item);
    },

    /** The item record for such use cases (no access check, no audit). */
    findItem: (executor: Executor, id: string) => evidenceRepository.findById(executor, id),
  };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
