import { mkdtemp, rm } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { BundleExportService } from '../../services/bundle-export.service.js';
import type { EvidenceContentService } from '../../services/evidence-content.service.js';
import type { EvidenceOfferService } from '../../services/evidence-offer.service.js';
import type { OnwardTransferService } from '../../services/onward-transfer.service.js';
import type { PartnerCheckpointService } from '../../services/partner-checkpoint.service.js';
import type { EvidenceCustodyService } from '../../services/evidence-custody.service.js';
import { callContext } from '../call-context.js';
import {
  authoriseOnwardTransferBody,
  custodyEventBody,
  destructionBody,
  evidenceOfferSchema,
  evidenceParams,
  exportBundleBody,
  ledgerAlertsSchema,
  noContentSchema,
  offerEvidenceBody,
  onwardTransferAuthorisationSchema,
  onwardTransferAuthorisationsSchema,
  recordedCustodyEventSchema,
  requestParams,
  transferredEvidenceParams,
  transferredEvidenceQuery,
  withProblems,
} from '@hanoi247/contract';
import { attachmentDisposition } from '../content-disposition.js';

export interface EvidenceExchangeRouteDeps {
  readonly offers: EvidenceOfferService;
  readonly content: EvidenceContentService;
  readonly onwardTransfer: OnwardTransferService;
  readonly partnerCheckpoints: PartnerCheckpointService;
  readonly bundles: BundleExportService;
  readonly custody: EvidenceCustodyService;
}

export const evidenceExchangeRoutes =
  (deps: EvidenceExchangeRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/requests/:requestId/evidence-offers',
      {
        config: { permission: 'evidence:export' },
        schema: {
          tags: ['evidence'],
          summary: 'Send evidence to the partner State of the request, with its custody proofs (Art. 36 checked)',
          params: requestParams,
          body: offerEvidenceBody,
          response: withProblems({ 202: evidenceOfferSchema }),
        },
      },
      async (request, reply) =>
        reply
          .code(202)
          .send(await deps.offers.offer(callContext(request), request.params.requestId, request.body.evidenceIds)),
    );

    app.get(
      '/federation/v1/evidence/:transferId/:sha256',
      {
        exposeHeadRoute: false,
        config: { public: true },
        schema: {
          tags: ['federation'],
          summary:
            'Offered evidence content for the partner it was offered to (signed fetch; sealed with AES-256-GCM STREAM)',
          params: transferredEvidenceParams,
          querystring: transferredEvidenceQuery,
        },
      },
      async (request, reply) => {
        const stream = await deps.content.open(
          request.headers.authorization,
          request.params.transferId,
          request.params.sha256,
          request.query.fromChunk,
        );
        return reply.type('application/octet-stream').header('cache-control', 'no-store').send(stream);
      },
    );

    app.get(
      '/api/v1/evidence/:evidenceId/onward-transfer-authorisations',
      {
        config: { permission: 'evidence:read' },
        schema: {
          tags: ['evidence'],
          summary: 'The origin State\u2019s recorded authorisations to send this item on (Art. 36)',
          params: evidenceParams,
          response: withProblems({ 200: onwardTransferAuthorisationsSchema }),
        },
      },
      async (request) => ({
        authorisations: await deps.onwardTransfer.list(callContext(request), request.params.evidenceId),
      }),
    );

    app.post(
      '/api/v1/evidence/:evidenceId/onward-transfer-authorisations',
      {
        config: { permission: 'evidence:authorise-transfer' },
        schema: {
          tags: ['evidence'],
          summary:
            'Record the origin State\u2019s authorisation to send a received item to ' +
            'a third State or organisation (Art. 36)',
          params: evidenceParams,
          body: authoriseOnwardTransferBody,
          response: withProblems({ 201: onwardTransferAuthorisationSchema }),
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await deps.onwardTransfer.authorise(callContext(request), request.params.evidenceId, request.body)),
    );

    app.post(
      '/api/v1/evidence/:evidenceId/custody-events',
      {
        config: { permission: 'evidence:read' },
        schema: {
          tags: ['evidence'],
          summary: 'Record a custody step taken by hand: analysed, disclosed (in proceedings), returned',
          description:
            'Notes are personal data: the ledger leaf holds only their salted commitment, erased with the item.',
          params: evidenceParams,
          body: custodyEventBody,
          response: withProblems({ 201: recordedCustodyEventSchema }),
        },
      },
      async (request, reply) =>
        reply.code(201).send(await deps.custody.record(callContext(request), request.params.evidenceId, request.body)),
    );

    app.post(
      '/api/v1/evidence/:evidenceId/destruction',
      {
        config: { permission: 'evidence:export' },
        schema: {
          tags: ['evidence'],
          summary:
            'Destroy an item: "destroyed" custody event, content removed, personal openings ' +
            'erased; every proof still holds',
          params: evidenceParams,
          body: destructionBody,
          response: withProblems({ 204: noContentSchema }),
        },
      },
      async (request, reply) => {
        await deps.custody.destroy(callContext(request), request.params.evidenceId, request.body);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/v1/federation/ledger-alerts',
      {
        config: { permission: 'node:read' },
        schema: {
          tags: ['federation'],
          summary: 'Split views and inconsistent histories partners signed: both signed checkpoints kept as evidence',
          response: withProblems({
            200: ledgerAlertsSchema,
          }),
        },
      },
      async () => ({ alerts: await deps.partnerCheckpoints.alerts() }),
    );

    app.post(
      '/api/v1/bundles',
      {
        config: { permission: 'evidence:export' },
        schema: {
          tags: ['evidence'],
          summary: 'Export evidence as a bundle a court verifies offline with `hanoi247 verify` (zip attachment)',
          body: exportBundleBody,
        },
      },
      async (request, reply) => {
        const dir = await mkdtemp(join(tmpdir(), 'h247-bundle-'));
        const outputPath = join(dir, 'bundle.zip');
        const body = request.body;
        try {
          const result = await deps.bundles.export(callContext(request), {
            ...(body.requestId === undefined ? {} : { requestId: body.requestId }),
            ...(body.evidenceIds === undefined ? {} : { evidenceIds: body.evidenceIds }),
            destinationCountry: body.destination,
            disclosePersonal: body.disclosePersonal,
            outputPath,
          });
          const stream = createReadStream(outputPath);
          stream.on('close', () => void rm(dir, { recursive: true, force: true }));
          return await reply
            .type('application/zip')
            .header(
              'content-disposition',
              attachmentDisposition(`evidence-bundle-${result.written.sha256.slice(0, 12)}.zip`),
            )
            .header('content-length', result.written.size)
            .header('repr-digest', `sha-256=:${Buffer.from(result.written.sha256, 'hex').toString('base64')}:`)
            .send(stream);
        } catch (error) {
          await rm(dir, { recursive: true, force: true });
          throw error;
        }
      },
    );
  };
