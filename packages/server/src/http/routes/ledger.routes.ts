import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LedgerService } from '../../ledger/ledger.service.js';
import { callContext, purposeOf } from '../call-context.js';
import {
  problemSchema,
  purposeHeaderSchema,
  withProblems,
  ledgerInclusionSchema,
  ledgerConsistencySchema,
  ledgerLeafSchema,
} from '@hanoi247/contract';

/** Decimal digits only: Number('') is 0 and Number('1e3') is 1000, neither is a tree size. */
const decimal = (what: string) =>
  z
    .string()
    .regex(/^(0|[1-9]\d{0,15})$/, `${what} must be a decimal integer`)
    .transform(Number)
    .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER));

/** Public answers: a proof or checkpoint can be refused (400, 404) but never needs a sign-in. */
const publicProblems = { 400: problemSchema, 404: problemSchema };

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
                  schema: z
                    .string()
                    .describe(
                      'origin, tree size and base64 root hash lines, a blank line, then "\u2014 <origin> <signature>"',
                    ),
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
          querystring: z.strictObject({ index: decimal('index'), size: decimal('size') }),
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
          querystring: z.strictObject({ from: decimal('from'), to: decimal('to') }),
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
          querystring: z.strictObject({
            start: decimal('start'),
            count: decimal('count').pipe(z.number().min(1).max(1000)).optional(),
          }),
          headers: purposeHeaderSchema,
          response: withProblems({ 200: z.object({ leaves: z.array(ledgerLeafSchema).readonly() }) }),
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
