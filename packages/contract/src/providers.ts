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

export const listProvidersQuery = z.strictObject({
  type: z.enum(providerTypes).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const providersSchema = z.object({ providers: z.array(providerViewSchema) });
export const membersSchema = z.object({ members: z.array(memberSchema) });
export const addMemberBody = z.strictObject({ userId: idSchema });
export const providerMemberParams = z.strictObject({ providerId: idSchema, userId: idSchema });
export const providerStatisticsSchema = z.object({
  providerId: z.string(),
  orders: z.number().int(),
  served: z.number().int(),
  timeToAcknowledge: providerTimingSummary,
  timeToPreserve: providerTimingSummary,
  timeToProduce: providerTimingSummary,
  outcomes: z.record(z.string(), z.number()),
  objections: z.record(z.string(), z.number()),
});
