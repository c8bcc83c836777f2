import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StatisticsService } from '../../services/statistics.service.js';
import { callContext } from '../call-context.js';
import { withProblems } from '@hanoi247/contract';

const durationsSchema = z.object({
  count: z.number().int(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
const timingGroupSchema = z.object({
  key: z.string(),
  requests: z.number().int(),
  acknowledge: durationsSchema,
  preserve: durationsSchema,
  respond: durationsSchema,
});

const requestStatisticsSchema = z
  .object({
    generatedAt: z.string(),
    weeks: z
      .array(
        z.object({ week: z.string(), weekStart: z.string(), outgoing: z.number().int(), incoming: z.number().int() }),
      )
      .readonly(),
    byPartner: z
      .array(timingGroupSchema)
      .readonly()
      .describe('Hours from sending or receipt to acknowledgement, preservation and decision, per partner State'),
    byType: z.array(timingGroupSchema).readonly().describe('The same, per request type'),
    deadlinesAtRisk: z
      .array(
        z.object({
          id: z.string(),
          requestId: z.string(),
          reference: z.string(),
          type: z.string(),
          ruleId: z.string(),
          status: z.string(),
          dueAt: z.string(),
          overdue: z.boolean(),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'RequestStatistics' });

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
            'Dashboard: requests per ISO week, median and p90 response times per partner and type, deadlines due within 48 hours or overdue',
          description: 'Only requests the caller may see are counted.',
          response: withProblems({ 200: requestStatisticsSchema }),
        },
      },
      async (request) => statistics.requests(callContext(request)),
    );
  };
