import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LedgerService } from '../../ledger/ledger.service.js';
import type { EvidenceService } from '../../services/evidence.service.js';
import { custodyProofs } from '../../services/custody-proofs.js';
import { callContext, purposeOf } from '../call-context.js';
import { purposeHeaderSchema, withProblems, evidenceParams } from '@hanoi247/contract';

const custodyProofsSchema = z
  .object({
    checkpoint: z
      .object({
        treeSize: z.number().int(),
        rootHash: z.string().describe('standard base64'),
        note: z.string().describe('the signed note, as at GET /ledger/v1/checkpoint'),
      })
      .nullable()
      .describe('the latest checkpoint; null while the ledger has none'),
    proofs: z
      .array(
        z.object({
          eventId: z.string(),
          leafIndex: z
            .number()
            .int()
            .nullable()
            .describe('null while the event is not yet sequenced into the latest checkpoint'),
          leafData: z.string().nullable().describe('the canonical leaf: leaf hash = SHA-256(0x00 ‖ UTF-8 leafData)'),
          proof: z.array(z.string()).readonly().describe('RFC 9162 inclusion proof, standard base64, leaf to root'),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'CustodyProofs' });

export const evidenceProofRoutes =
  (deps: { evidence: EvidenceService; ledger: LedgerService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/evidence/:evidenceId/custody/proofs',
      {
        config: { permission: 'evidence:read' },
        schema: {
          tags: ['evidence'],
          summary:
            'Inclusion proofs of each custody event of an item in the latest checkpoint (audited as a custody read)',
          params: evidenceParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: custodyProofsSchema }),
        },
      },
      async (request) => custodyProofs(deps, callContext(request), request.params.evidenceId, purposeOf(request)),
    );
  };
