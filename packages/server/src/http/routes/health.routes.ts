import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import type { Db } from '../../db/database-schema.js';
import { livenessSchema, readinessSchema, unavailableSchema } from '@hanoi247/contract';

export interface HealthRouteDeps {
  readonly db: Db;
  readonly metrics: Registry;
}

export const healthRoutes =
  (deps: HealthRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/healthz',
      {
        config: { public: true },
        schema: {
          tags: ['operations'],
          summary: 'Liveness: the process answers',
          response: { 200: livenessSchema },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        config: { public: true },
        schema: {
          tags: ['operations'],
          summary: 'Readiness: the database answers',
          response: {
            200: readinessSchema,
            503: unavailableSchema,
          },
        },
      },
      async (request, reply) => {
        try {
          await sql`select 1`.execute(deps.db);
          return { status: 'ready' as const };
        } catch (error) {
          request.log.error({ err: error }, 'database not reachable');
          return reply.status(503).send({ status: 'unavailable' as const });
        }
      },
    );

    app.get(
      '/metrics',
      {
        config: { permission: 'metrics:read' },
        schema: { tags: ['operations'], summary: 'Prometheus metrics (needs metrics:read)', hide: false },
      },
      async (_request, reply) => reply.type(deps.metrics.contentType).send(await deps.metrics.metrics()),
    );
  };
