/** Users and API tokens. */
import { z } from 'zod';
import { idSchema, safeText, roleSchema, permissionSchema, userViewSchema } from './common.js';

export const createUserBody = z
  .strictObject({
    username: z.string().trim().min(1).max(64),
    displayName: safeText(120),
    roles: z.array(roleSchema).min(1).max(6),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'CreateUserRequest' });
export const userParams = z.strictObject({ userId: idSchema });
export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(permissionSchema).readonly(),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export const createTokenBody = z
  .strictObject({
    name: safeText(80),
    scopes: z.array(permissionSchema).min(1).max(20),
    expiresInDays: z.number().int().min(1).max(365),
  })
  .meta({ id: 'CreateApiTokenRequest' });

export const usersSchema = z.object({ users: z.array(userViewSchema).readonly() });
export const tokenParams = z.strictObject({ tokenId: idSchema });
export const apiTokensSchema = z.object({ tokens: z.array(apiTokenSchema).readonly() });
export const createdTokenSchema = z.object({ token: z.string(), record: apiTokenSchema });
