import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditQueryService } from '../../services/audit-query.service.js';
import { callContext, purposeOf } from '../call-context.js';
import { purposeHeaderSchema, withProblems, auditQuery, auditPageSchema } from '@hanoi247/contract';

export const auditRoutes =
  (audit: AuditQueryService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/audit',
      {
        config: { permission: 'audit:read' },
        schema: {
          tags: ['audit'],
          summary: 'Audit entries, newest first, filtered; reading them is itself audited',
          querystring: auditQuery,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: auditPageSchema }),
        },
      },
      async (request) => audit.list(callContext(request), request.query, purposeOf(request)),
    );
  };
