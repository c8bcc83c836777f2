import { boundedText, permissions, roles } from '@hanoi247/core';
import { z } from 'zod';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), in: z.string().optional() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details with a stable `code`.' });

/** Error answers every authenticated route may give, documented once. */
export function withProblems<T extends Record<number, z.ZodType>>(ok: T) {
  return {
    ...ok,
    400: problemSchema,
    401: problemSchema,
    403: problemSchema,
    404: problemSchema,
    409: problemSchema,
    429: problemSchema,
  };
}

export const roleSchema = z.enum(roles).meta({ id: 'Role' });
export const permissionSchema = z.enum(permissions).meta({ id: 'Permission' });
export const idSchema = z.uuid({ error: 'must be a UUID' });
export const isoTimestamp = z.iso.datetime({
  offset: false,
  error: 'must be an ISO-8601 UTC timestamp such as 2026-01-31T23:59:00Z',
});

export const userViewSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema).readonly(),
    status: z.enum(['active', 'disabled']),
    totpEnrolled: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

/** Single-line free text that is stored and shown (names, labels): core's one definition. */
export const safeText = (max: number) => boundedText(max);

export const purposeHeaderSchema = z.object({ 'x-audit-purpose': safeText(200).optional() });

/** A 204 answer: no body. */
export const noContentSchema = z.null();

/** The tus upload routes' refusals: gone (expired), precondition (tus version), too large, wrong media type. */
export function withTusProblems<T extends Record<number, z.ZodType>>(ok: T) {
  const all = withProblems(ok);
  return { ...all, 410: all[404], 412: all[404], 413: all[404], 415: all[404] };
}

/** A single-request upload's refusals: too large, wrong media type. */
export function withUploadProblems<T extends Record<number, z.ZodType>>(ok: T) {
  const all = withProblems(ok);
  return { ...all, 413: all[404], 415: all[404] };
}

/** A public route's refusals: it never needs a sign-in. */
export const publicProblems = { 400: problemSchema, 404: problemSchema };
