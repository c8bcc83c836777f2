import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { LedgerService } from '../../ledger/ledger.service.js';
import { callContext, purposeOf } from '../call-context.js';
import {
  checkpointNoteSchema,
  consistencyProofQuery,
  problemSchema,
  inclusionProofQuery,
  ledgerLeavesQuery,
  ledgerLeavesSchema,
  publicProblems,
  purposeHeaderSchema,
  withProblems,
  ledgerInclusionSchema,
  ledgerConsistencySchema,
} from '@hanoi247/contract';

/**
 * The ledger's public face, like a Certificate Transparency log's: the signed checkpoint and
 * proofs reveal only hashes. Leaf contents carry event metadata, so they are for auditors.
 * Wire format: docs/protocols/ledger.md.
 */
export const ledgerRoutes =
  (ledger: LedgerService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/ledger/v1/checkpoint',
      {
        config: { public: true },
        schema: {
          tags: ['ledger'],
          summary: 'The latest signed checkpoint (C2SP tlog-checkpoint in a signed note), as text',
          response: {
            200: {
              description: 'the signed note',
              content: {
                'text/plain': {
                  schema: checkpointNoteSchema,
                },
              },
            },
            404: problemSchema,
          },
        },
      },
      async (_request, reply) => reply.type('text/plain; charset=utf-8').send((await ledger.latestCheckpoint()).note),
    );

    app.get(
      '/ledger/v1/proof/inclusion',
      {
        config: { public: true },
        schema: {
          tags: ['ledger'],
          summary:
            'Inclusion proof of leaf `index` in the tree of `size` leaves (size at most the latest checkpoint\u2019s)',
          querystring: inclusionProofQuery,
          response: { 200: ledgerInclusionSchema, ...publicProblems },
        },
      },
      async (request) => ledger.inclusionProof(request.query.index, request.query.size),
    );

    app.get(
      '/ledger/v1/proof/consistency',
      {
        config: { public: true },
        schema: {
          tags: ['ledger'],
          summary:
            'Consistency proof that the tree of `from` leaves is a prefix of the tree ' +
            'of `to` leaves (1 \u2264 from \u2264 to)',
          querystring: consistencyProofQuery,
          response: { 200: ledgerConsistencySchema, ...publicProblems },
        },
      },
      async (request) => ledger.consistencyProof(request.query.from, request.query.to),
    );

    app.get(
      '/ledger/v1/leaves',
      {
        config: { permission: 'audit:read' },
        schema: {
          tags: ['ledger'],
          summary:
            'Leaves in index order from `start` (at most `count`, default 100, up to 1000); reading them is audited',
          querystring: ledgerLeavesQuery,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: ledgerLeavesSchema }),
        },
      },
      async (request) => ({
        leaves: await ledger.leaves(
          callContext(request),
          request.query.start,
          request.query.count ?? 100,
          purposeOf(request),
        ),
      }),
    );
  };
