/**
 * The partner-to-partner endpoints (envelopes, pull mode, offered evidence) and pinning a peer.
 * Envelopes and pull requests are signed text, not JSON: only their answers are schemas.
 */
import { z } from 'zod';

const countryCode = z.string().regex(/^[A-Z]{2}$/);
const uuid = z.uuid();

export const inboxAnswerSchema = z.object({ receipt: z.string() });
export const pullAnswerSchema = z.object({ envelopes: z.array(z.string()) });
/** Pull mode's receipts: sent as envelope text, parsed by the route with this schema. */
export const receiptsBody = z.strictObject({
  from: countryCode,
  receipts: z.array(z.string().max(4096)).max(100),
});
export const receiptsAnswerSchema = z.object({ accepted: z.number().int() });

export const pinPeerBody = z.strictObject({
  descriptor: z.unknown(),
  fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9_-]{43}$/, 'must be a SHA256:… fingerprint'),
});
export const peerParams = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
});

export const transferredEvidenceParams = z.strictObject({
  transferId: uuid,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export const transferredEvidenceQuery = z.strictObject({
  fromChunk: z.coerce.number().int().min(0).default(0),
});
