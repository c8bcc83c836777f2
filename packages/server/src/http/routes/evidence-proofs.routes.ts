import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LedgerService } from '../../ledger/ledger.service.js';
import type { EvidenceService } from '../../services/evidence.service.js';
import { custodyProofs } from '../../services/custody-proofs.js';
import { callContext, purposeOf } from '../call-context.js';
import { custodyProofsSchema, evidenceParams, purposeHeaderSchema, withProblems } from '@hanoi247/contract';

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
