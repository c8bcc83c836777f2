import { providerInputSchema, providerPatchSchema, providerTypes } from '@hanoi247/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProviderService } from '../../services/provider.service.js';
import { callContext } from '../call-context.js';
import {
  idSchema,
  withProblems,
  providerParams,
  providerTimingSummary,
  memberSchema,
  providerViewSchema,
} from '@hanoi247/contract';

/** The registry of service providers (brief §3.1), their users, and how fast they answer. */
export const providerRoutes =
  (providers: ProviderService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['providers'];

    app.get(
      '/api/v1/providers',
      {
        config: { permission: 'providers:read' },
        schema: {
          tags,
          summary: 'The provider registry',
          querystring: z.strictObject({
            type: z.enum(providerTypes).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: withProblems({ 200: z.object({ providers: z.array(providerViewSchema) }) }),
        },
      },
      async (request) => ({ providers: await providers.list(callContext(request), request.query) }),
    );

    app.post(
      '/api/v1/providers',
      {
        config: { permission: 'providers:manage' },
        schema: {
          tags,
          summary: 'Add a provider: legal entity, type, contacts, data held, how orders reach it, languages',
          body: providerInputSchema.meta({ id: 'CreateServiceProvider' }),
          response: withProblems({ 201: providerViewSchema }),
        },
      },
      async (request, reply) => reply.status(201).send(await providers.create(callContext(request), request.body)),
    );

    app.get(
      '/api/v1/providers/:providerId',
      {
        config: { permission: 'providers:read' },
        schema: {
          tags,
          summary: 'One provider',
          params: providerParams,
          response: withProblems({ 200: providerViewSchema }),
        },
      },
      async (request) => providers.get(callContext(request), request.params.providerId),
    );

    app.patch(
      '/api/v1/providers/:providerId',
      {
        config: { permission: 'providers:manage' },
        schema: {
          tags,
          summary: 'Change a provider; active: false stops new orders to it',
          params: providerParams,
          body: providerPatchSchema.meta({ id: 'UpdateServiceProvider' }),
          response: withProblems({ 200: providerViewSchema }),
        },
      },
      async (request) => providers.update(callContext(request), request.params.providerId, request.body),
    );

    app.get(
      '/api/v1/providers/:providerId/members',
      {
        config: { permission: 'providers:read' },
        schema: {
          tags,
          summary: 'The provider users who act for this provider',
          params: providerParams,
          response: withProblems({ 200: z.object({ members: z.array(memberSchema) }) }),
        },
      },
      async (request) => ({ members: await providers.members(callContext(request), request.params.providerId) }),
    );

    app.post(
      '/api/v1/providers/:providerId/members',
      {
        config: { permission: 'providers:manage' },
        schema: {
          tags,
          summary: 'Link a provider user (role provider_user only) to this provider',
          params: providerParams,
          body: z.strictObject({ userId: idSchema }),
          response: withProblems({ 200: z.object({ members: z.array(memberSchema) }) }),
        },
      },
      async (request) => ({
        members: await providers.addMember(callContext(request), request.params.providerId, request.body.userId),
      }),
    );

    app.delete(
      '/api/v1/providers/:providerId/members/:userId',
      {
        config: { permission: 'providers:manage' },
        schema: {
          tags,
          summary: 'Unlink a provider user',
          params: z.strictObject({ providerId: idSchema, userId: idSchema }),
          response: withProblems({ 204: z.null() }),
        },
      },
      async (request, reply) => {
        await providers.removeMember(callContext(request), request.params.providerId, request.params.userId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/providers/:providerId/statistics',
      {
        config: { permission: 'providers:read' },
        schema: {
          tags,
          summary: 'Time to acknowledge, preserve and produce (median, p90, hours from service) and outcomes',
          params: providerParams,
          response: withProblems({
            200: z.object({
              providerId: z.string(),
              orders: z.number().int(),
              served: z.number().int(),
              timeToAcknowledge: providerTimingSummary,
              timeToPreserve: providerTimingSummary,
              timeToProduce: providerTimingSummary,
              outcomes: z.record(z.string(), z.number()),
              objections: z.record(z.string(), z.number()),
            }),
          }),
        },
      },
      async (request) => providers.statistics(callContext(request), request.params.providerId),
    );
  };
