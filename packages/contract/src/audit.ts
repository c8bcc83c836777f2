/** The audit log as its readers query it. */
import { auditActions } from '@hanoi247/core';
import { z } from 'zod';
import { idSchema, isoTimestamp } from './common.js';

export const auditQuery = z.strictObject({
  action: z.enum(Object.keys(auditActions) as [keyof typeof auditActions, ...(keyof typeof auditActions)[]]).optional(),
  actorId: idSchema.optional(),
  objectType: z
    .string()
    .regex(/^[a-z-]{1,40}$/, 'must be a lower-case object type such as user or session')
    .optional(),
  objectId: idSchema.optional(),
  requestId: z.string().max(64).optional(),
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be a cursor returned by a previous page')
    .optional(),
});
export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    id: z.string(),
    occurredAt: z.string(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string().nullable(),
    purpose: z.string().nullable(),
    outcome: z.string(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    canonical: z.string().describe('RFC 8785 canonical JSON of the entry: the future ledger leaf'),
    digest: z.string().describe('SHA-256 of `canonical`, hex'),
  })
  .meta({ id: 'AuditEntry' });

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema).readonly(),
  nextCursor: z.string().nullable(),
});
