/** Cases: the facts a request is drafted from. */
import { z } from 'zod';
import { idSchema } from './common.js';

export const caseViewSchema = z
  .object({
    id: z.string(),
    data: z.record(z.string(), z.unknown()),
    eligibility: z.object({
      eligible: z.boolean(),
      basis: z.string().nullable(),
      warnings: z.array(z.string()).readonly(),
    }),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Case' });

export const caseParams = z.strictObject({ caseId: idSchema });
export const caseListSchema = z.object({
  cases: z.array(z.object({ id: z.string(), domesticReference: z.string(), title: z.string(), createdAt: z.string() })),
});
