import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { UserService } from '../../services/user.service.js';
import { callContext, purposeOf } from '../call-context.js';
import {
  purposeHeaderSchema,
  usersSchema,
  userViewSchema,
  withProblems,
  createUserBody,
  userParams,
} from '@hanoi247/contract';

export const userRoutes =
  (users: UserService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/users',
      {
        config: { permission: 'users:read' },
        schema: {
          tags: ['users'],
          summary: 'List user accounts (audited)',
          headers: purposeHeaderSchema,
          response: withProblems({ 200: usersSchema }),
        },
      },
      async (request) => ({ users: await users.listUsers(callContext(request), purposeOf(request)) }),
    );

    app.post(
      '/api/v1/users',
      {
        config: { permission: 'users:manage' },
        schema: {
          tags: ['users'],
          summary: 'Create a user; they enrol TOTP at first sign-in',
          body: createUserBody,
          response: withProblems({ 201: userViewSchema }),
        },
      },
      async (request, reply) => reply.status(201).send(await users.createUser(callContext(request), request.body)),
    );

    app.post(
      '/api/v1/users/:userId/disable',
      {
        config: { permission: 'users:manage' },
        schema: {
          tags: ['users'],
          summary: 'Disable a user and revoke their sessions and tokens',
          params: userParams,
          response: withProblems({ 200: userViewSchema }),
        },
      },
      async (request) => users.disableUser(callContext(request), request.params.userId),
    );

    app.post(
      '/api/v1/users/:userId/reset-totp',
      {
        config: { permission: 'users:manage' },
        schema: {
          tags: ['users'],
          summary: 'Clear a user\u2019s second factor for re-enrolment',
          params: userParams,
          response: withProblems({ 200: userViewSchema }),
        },
      },
      async (request) => users.resetTotp(callContext(request), request.params.userId),
    );
  };
