import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EvidenceService } from '../../services/evidence.service.js';
import { callContext, purposeOf } from '../call-context.js';
import {
  purposeHeaderSchema,
  withProblems,
  requestParams,
  custodySchema,
  evidenceListSchema,
  evidenceParams,
  evidenceViewSchema,
} from '@hanoi247/contract';
import { attachmentDisposition } from '../content-disposition.js';

export const evidenceRoutes =
  (evidence: EvidenceService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/requests/:requestId/evidence',
      {
        config: { permission: 'evidence:read' },
        schema: {
          tags: ['evidence'],
          summary: 'The evidence items of a request, oldest first (audited)',
          params: requestParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: evidenceListSchema }),
        },
      },
      async (request) => ({
        items: await evidence.listForRequest(callContext(request), request.params.requestId, purposeOf(request)),
      }),
    );

    app.get(
      '/api/v1/evidence/:evidenceId',
      {
        config: { permission: 'evidence:read' },
        schema: {
          tags: ['evidence'],
          summary: 'One evidence item: hash, size, metadata, onward-transfer status (audited)',
          params: evidenceParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: evidenceViewSchema }),
        },
      },
      async (request) => evidence.get(callContext(request), request.params.evidenceId, purposeOf(request)),
    );

    app.get(
      '/api/v1/evidence/:evidenceId/custody',
      {
        config: { permission: 'evidence:read' },
        schema: {
          tags: ['evidence'],
          summary: 'The chain of custody of an item, oldest first, each event a ledger leaf (audited)',
          params: evidenceParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: custodySchema }),
        },
      },
      async (request) => evidence.custody(callContext(request), request.params.evidenceId, purposeOf(request)),
    );

    app.get(
      '/api/v1/evidence/:evidenceId/content',
      {
        // HEAD would run the handler and record an access that delivered nothing.
        exposeHeadRoute: false,
        config: { permission: 'evidence:read' },
        schema: {
          tags: ['evidence'],
          summary: 'Download the content: recorded as an "accessed" custody event and audited',
          description:
            'Always an attachment of type application/octet-stream, never rendered inline. ' +
            'Repr-Digest carries the SHA-256; a sealed item is verified before the first ' +
            'byte is sent, and any item whose bytes fail their hash on the way is cut off.',
          params: evidenceParams,
          headers: purposeHeaderSchema,
        },
      },
      async (request, reply) => {
        const { item, content } = await evidence.download(
          callContext(request),
          request.params.evidenceId,
          purposeOf(request),
        );
        return reply
          .type('application/octet-stream')
          .header('content-disposition', attachmentDisposition(item.filename))
          .header('content-length', item.size)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'no-store')
          .header('repr-digest', `sha-256=:${Buffer.from(item.sha256, 'hex').toString('base64')}:`)
          .send(content);
      },
    );
  };
