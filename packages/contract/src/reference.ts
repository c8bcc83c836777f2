/**
 * The reference catalogues (request types, timeline notes, state machines, deadline rules, country
 * profiles) are documented loosely: their types are core's own (views.ts). And the running clocks.
 */
import { z } from 'zod';

const loose = z.array(z.record(z.string(), z.unknown())).readonly();

export const requestTypesSchema = z.object({ requestTypes: loose });
export const timelineNotesSchema = z.object({
  notes: loose,
  channels: z.record(z.string(), z.record(z.string(), z.string())),
});
export const stateMachinesSchema = z.object({ stateMachines: loose });
export const deadlineRulesSchema = z.object({ deadlineRules: loose });
export const countryProfilesSchema = z.object({ countryProfiles: loose });

export const runningDeadlinesSchema = z.object({
  deadlines: z
    .array(
      z.object({
        id: z.string(),
        requestId: z.string(),
        reference: z.string(),
        type: z.string(),
        ruleId: z.string(),
        status: z.string(),
        dueAt: z.string(),
        warnAt: z.string(),
      }),
    )
    .readonly(),
});
