import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiTokenService } from '../../services/api-token.service.js';
import { callContext } from '../call-context.js';
import {
  apiTokensSchema,
  createdTokenSchema,
  createTokenBody,
  noContentSchema,
  tokenParams,
  withProblems,
} from '@hanoi247/contract';

export const tokenRoutes =
  (tokens: ApiTokenService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/tokens',
      {
        config: { permission: 'tokens:manage-own' },
        schema: {
          tags: ['tokens'],
          summary: 'My API tokens',
          response: withProblems({ 200: apiTokensSchema }),
        },
      },
      async (request) => ({ tokens: await tokens.list(callContext(request)) }),
    );

    app.post(
      '/api/v1/tokens',
      {
        config: { permission: 'tokens:manage-own' },
        schema: {
          tags: ['tokens'],
          summary: 'Issue a scoped, expiring API token; the secret is shown only in this answer',
          body: createTokenBody,
          response: withProblems({ 201: createdTokenSchema }),
        },
      },
      async (request, reply) => reply.status(201).send(await tokens.create(callContext(request), request.body)),
    );

    app.delete(
      '/api/v1/tokens/:tokenId',
      {
        config: { permission: 'tokens:manage-own' },
        schema: {
          tags: ['tokens'],
          summary: 'Revoke one of my tokens',
          params: tokenParams,
          response: withProblems({ 204: noContentSchema }),
        },
      },
      async (request, reply) => {
        await tokens.revoke(callContext(request), request.params.tokenId);
        return reply.status(204).send(null);
      },
    );
  };
