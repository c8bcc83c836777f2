/** The live event stream (server-sent events). */
import { z } from 'zod';

export const liveEventHeaders = z.object({
  'last-event-id': z
    .string()
    .regex(/^\d{1,15}$/, { error: 'must be the id of an event this stream sent' })
    .optional(),
});

export const liveEventsQuery = z.strictObject({});
