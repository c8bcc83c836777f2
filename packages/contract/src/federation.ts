import { z } from 'zod';

export const peerViewSchema = z
  .object({
    country: z.string(),
    name: z.string(),
    baseUrl: z.string(),
    status: z.enum(['active', 'removed']),
    pinnedFingerprint: z.string(),
    languages: z.array(z.string()).readonly(),
    keys: z
      .array(
        z.object({ keyId: z.string(), signing: z.string(), encryption: z.string(), retiredAt: z.string().nullable() }),
      )
      .readonly(),
    roster: z.array(z.object({ role: z.string(), name: z.string() })).readonly(),
    reservations: z.array(z.object({ code: z.string(), description: z.string() })).readonly(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Peer' });

export const peersSchema = z.object({ peers: z.array(peerViewSchema).readonly() });

export const deliveryFailureSchema = z.object({
  messageId: z.string(),
  to: z.string(),
  type: z.string(),
  requestId: z.string().nullable(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});

export const federationStatusSchema = z
  .object({
    peers: z
      .array(
        z.object({
          country: z.string(),
          name: z.string(),
          status: z.string(),
          baseUrl: z.string(),
          pinnedFingerprint: z.string(),
        }),
      )
      .readonly(),
    outbox: z.record(z.string(), z.number()).describe('messages per outbox status'),
    queueDepth: z.number().int(),
    oldestPendingAt: z.string().nullable(),
    lastDeliveredAt: z.string().nullable(),
    pending: z
      .array(
        z.object({
          messageId: z.string(),
          to: z.string(),
          type: z.string(),
          requestId: z.string().nullable(),
          attempts: z.number().int(),
          nextAttemptAt: z.string().nullable(),
          lastError: z.string().nullable(),
        }),
      )
      .readonly(),
    failures: z.array(deliveryFailureSchema).readonly().describe('the last 50 failed or undeliverable messages'),
  })
  .meta({ id: 'FederationStatus' });
