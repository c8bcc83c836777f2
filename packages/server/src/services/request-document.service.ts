import type { NodeKeyring } from '../identity/node-keyring.js';
import { DomainError, type Permission } from '@hanoi247/core';
import { formalDocumentOf, signedRequestRecord, type SignedRequestRecord } from '../documents/request-record.js';
import { responseDocumentOf, responseLanguages, signedResponseRecord } from '../documents/response-record.js';
import { requestEventRepository, type RequestEvent } from '../repositories/request-event.repository.js';
import { signatoryOf, type Signatory } from '../documents/signatory.js';
import { userRepository } from '../repositories/user.repository.js';
import { renderFormalDocumentPdf } from '../documents/render-pdf.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { requestRepository } from '../repositories/request.repository.js';
import { visibleOrNotFound } from './request-view.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

/** Formal documents: the signed canonical record and its bilingual PDF, both audited as disclosures. */
export function createRequestDocumentService(deps: ServiceRuntime & { readonly keyring: () => NodeKeyring }) {
  const { db } = deps;

  async function load(context: CallContext, id: string, format: 'json' | 'pdf', purpose: string | null) {
    const principal = requirePermission(context.principal, 'requests:read');
    return db.transaction().execute(async (tx) => {
      const request = visibleOrNotFound(principal, await requestRepository.findById(tx, id));
      await auditRepository.append(
        tx,
        auditEntryFor(deps, context, {
          action: 'request.document-rendered',
          objectType: 'request',
          objectId: id,
          purpose,
          details: { reference: request.reference, format },
        }),
      );
      return request;
    });
  }

  /** Who answers for an event, by the account that recorded it; a node actor has none. */
  async function signatoryFor(event: RequestEvent, preferring: readonly Permission[]): Promise<Signatory> {
    const user = event.actorId === null ? undefined : await userRepository.findById(db, event.actorId);
    return signatoryOf(event, user, preferring);
  }

  /** The latest approval on the timeline: an outgoing request is approved once before it is sent. */
  async function approvalOf(requestId: string): Promise<Signatory | null> {
    const events = await requestEventRepository.listForRequest(db, requestId);
    const approval = events.filter((e) => e.kind === 'transition' && e.action === 'approve').at(-1);
    return approval === undefined ? null : signatoryFor(approval, ['requests:approve']);
  }

  return {
    async canonical(context: CallContext, id: string, purpose: string | null): Promise<SignedRequestRecord> {
      return signedRequestRecord(await load(context, id, 'json', purpose), deps.keyring());
    },

    async pdf(
      context: CallContext,
      id: string,
      languages: readonly string[] | undefined,
      purpose: string | null,
    ): Promise<{ reference: string; pdf: Buffer }> {
      const request = await load(context, id, 'pdf', purpose);
      const signed = signedRequestRecord(request, deps.keyring());
      const document = formalDocumentOf(request, signed, await approvalOf(request.id));
      const pdf = await renderFormalDocumentPdf(document, languages === undefined ? {} : { languages });
      return { reference: request.reference, pdf };
    },

    /** A response is one recorded decision (a timeline event with a response kind), signed on its own. */
    async responsePdf(
      context: CallContext,
      id: string,
      eventId: string,
      purpose: string | null,
    ): Promise<{ reference: string; pdf: Buffer }> {
      const request = await load(context, id, 'pdf', purpose);
      const event = (await requestEventRepository.listForRequest(db, id)).find(
        (e) => e.id === eventId && e.responseKind !== null,
      );
      if (event === undefined) throw new DomainError('request/not-found', 'no such response on this request');
      const signed = signedResponseRecord(request, event, deps.keyring());
      const decidedBy = await signatoryFor(event, ['requests:approve', 'requests:draft']);
      const document = responseDocumentOf(
        request,
        event,
        { digest: signed.digest, fingerprint: signed.signature.fingerprint },
        decidedBy,
      );
      return {
        reference: document.reference,
        pdf: await renderFormalDocumentPdf(document, { languages: responseLanguages(request) }),
      };
    },
  };
}

export type RequestDocumentService = ReturnType<typeof createRequestDocumentService>;
