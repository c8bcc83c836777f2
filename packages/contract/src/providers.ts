/** Service providers in the national registry. */
import { providerTypes } from '@hanoi247/core';
import { z } from 'zod';
import { idSchema } from './common.js';

export const providerParams = z.strictObject({ providerId: idSchema });
export const providerTimingSummary = z.object({
  count: z.number().int(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
export const memberSchema = z.object({ userId: z.string(), username: z.string(), createdAt: z.string() });
export const providerViewSchema = z
  .object({
    id: z.string(),
    legalName: z.string(),
    country: z.string(),
    type: z.enum(providerTypes),
    registrationNumber: z.string().nullable(),
    legalRepresentative: z.string().nullable(),
    contacts: z.array(
      z.object({ role: z.string(), name: z.string(), email: z.string().optional(), phone: z.string().optional() }),
    ),
    dataCategories: z.array(z.string()),
    channel: z.enum(['portal', 'api', 'both']),
    languages: z.array(z.string()),
    active: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ServiceProvider' });
