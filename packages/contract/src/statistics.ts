import { z } from 'zod';

export const durationsSchema = z.object({
  count: z.number().int(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
export const timingGroupSchema = z.object({
  key: z.string(),
  requests: z.number().int(),
  acknowledge: durationsSchema,
  preserve: durationsSchema,
  respond: durationsSchema,
});

export const requestStatisticsSchema = z
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
