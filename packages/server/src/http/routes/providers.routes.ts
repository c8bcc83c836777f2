import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ProviderService } from '../../services/provider.service.js';
import { callContext } from '../call-context.js';
import {
  addMemberBody,
  createProviderBody,
  updateProviderBody,
  listProvidersQuery,
  membersSchema,
  noContentSchema,
  withProblems,
  providerMemberParams,
  providerParams,
  providersSchema,
  providerStatisticsSchema,
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
          querystring: listProvidersQuery,
          response: withProblems({ 200: providersSchema }),
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
          body: createProviderBody,
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
          body: updateProviderBody,
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
          response: withProblems({ 200: membersSchema }),
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
          body: addMemberBody,
          response: withProblems({ 200: membersSchema }),
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
          params: providerMemberParams,
          response: withProblems({ 204: noContentSchema }),
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
          response: withProblems({ 200: providerStatisticsSchema }),
        },
      },
      async (request) => providers.statistics(callContext(request), request.params.providerId),
    );
  };
