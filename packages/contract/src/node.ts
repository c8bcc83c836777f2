/** The node itself: its keys as it publishes them, and its public profile. */
import { z } from 'zod';

export const nodeKeySchema = z.object({ publicKey: z.string(), fingerprint: z.string() });

/** Which State's node this is and the language its web app opens in; public, read before sign-in. */
export const nodeProfileSchema = z.object({
  country: z.string(),
  stateName: z.object({ en: z.string(), vi: z.string() }).nullable(),
  name: z.string(),
  defaultLanguage: z.enum(['vi', 'en']).nullable(),
});
export type NodeProfile = z.output<typeof nodeProfileSchema>;

/** This node for its administrators: country, name, software version and public keys. */
export const nodeSchema = z.object({
  country: z.string(),
  name: z.string(),
  version: z.string(),
  keys: z.array(
    z.object({
      keyId: z.string(),
      createdAt: z.string(),
      retiredAt: z.string().nullable(),
      signing: nodeKeySchema,
      encryption: nodeKeySchema,
    }),
  ),
});

export const livenessSchema = z.object({ status: z.literal('ok') });
export const readinessSchema = z.object({ status: z.literal('ready') });
export const unavailableSchema = z.object({ status: z.literal('unavailable') });
