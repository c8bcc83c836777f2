import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { StatisticsService } from '../../services/statistics.service.js';
import { callContext } from '../call-context.js';
import { requestStatisticsSchema, withProblems } from '@hanoi247/contract';

export const statisticsRoutes =
  (statistics: StatisticsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/statistics/requests',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['requests'],
          summary:
            'Dashboard: requests per ISO week, median and p90 response times per partner ' +
            'and type, deadlines due within 48 hours or overdue',
          description: 'Only requests the caller may see are counted.',
          response: withProblems({ 200: requestStatisticsSchema }),
        },
      },
      async (request) => statistics.requests(callContext(request)),
    );
  };
