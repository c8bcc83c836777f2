import { passwordPolicy } from '@hanoi247/core';
import { z } from 'zod';
import { permissionSchema, roleSchema, safeText, userViewSchema } from './common.js';

const username = z.string().trim().min(1).max(64);
const password = z.string().min(1).max(passwordPolicy.maxLength);
const totpCode = z.string().regex(/^\d{6}$/, 'must be the 6-digit code');

export const loginBody = z
  .strictObject({ username, password, totpCode: totpCode.optional() })
  .meta({ id: 'LoginRequest' });

export const enrolBody = z
  .strictObject({ enrolmentToken: z.string().min(10).max(200), totpCode })
  .meta({ id: 'TotpEnrolmentRequest' });

export const bootstrapBody = z
  .strictObject({ token: z.string().min(10).max(200), username, displayName: safeText(120), password })
  .meta({ id: 'BootstrapRequest' });

export const signedInSchema = z
  .object({ status: z.literal('signed-in'), user: userViewSchema, csrfToken: z.string(), expiresAt: z.string() })
  .meta({ id: 'SignedIn' });

export const enrolmentRequiredSchema = z
  .object({
    status: z.literal('totp-enrolment-required'),
    enrolmentToken: z.string(),
    secret: z.string().describe('Base32 TOTP secret to add to an authenticator app'),
    otpauthUri: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'TotpEnrolmentRequired' });

export const sessionSchema = z
  .object({
    user: z.object({ id: z.string().nullable(), username: z.string(), roles: z.array(roleSchema) }),
    permissions: z.array(permissionSchema),
    via: z.enum(['session', 'api-token', 'cli', 'bootstrap']),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'CurrentSession' });

export const loginAnswerSchema = z.discriminatedUnion('status', [signedInSchema, enrolmentRequiredSchema]);
