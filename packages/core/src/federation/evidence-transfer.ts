import { z } from 'zod';
import { evidenceMetadataSchema } from '../evidence/evidence-metadata.js';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const base64Hash = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

/** One custody leaf of the sender's ledger, with its inclusion proof against the offered checkpoint. */
export const offeredCustodyLeafSchema = z.strictObject({
  leafData: z.string().max(16_384),
  leafIndex: z.number().int().nonnegative(),
  proof: z.array(base64Hash).max(64),
});
export type OfferedCustodyLeaf = z.infer<typeof offeredCustodyLeafSchema>;

export const offeredEvidenceItemSchema = z.strictObject({
  evidenceId: z.uuid(),
  sha256,
  size: z.number().int().nonnegative(),
  filename: z.string().min(1).max(200),
  mediaType: z.string().min(1).max(200),
  metadata: evidenceMetadataSchema,
  /** The item's custody events at the sender, oldest first, ending with "transmitted". */
  custody: z.array(offeredCustodyLeafSchema).min(1).max(1000),
});
export type OfferedEvidenceItem = z.infer<typeof offeredEvidenceItemSchema>;

/**
 * Content travels outside the envelope, fetched by the receiver, encrypted to it end to end:
 * AES-256-GCM in chunks (the STREAM construction, as age uses it): the nonce is a random
 * 7-byte prefix, a 4-byte big-endian chunk counter and a final-chunk flag byte, so chunks
 * cannot be reordered, dropped or truncated without detection. The key travels in this
 * envelope, which is itself encrypted to the receiver.
 */
export const contentCipherSchema = z.strictObject({
  algorithm: z.literal('A256GCM-STREAM'),
  chunkSize: z.literal(1_048_576),
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  noncePrefix: z.string().regex(/^[A-Za-z0-9_-]{10}$/),
});
export type ContentCipher = z.infer<typeof contentCipherSchema>;

export const evidenceOfferedPayloadSchema = z.strictObject({
  reference: z.string().min(4).max(60),
  transferId: z.uuid(),
  /** The sender's signed checkpoint (C2SP signed note) every offered leaf is proved against. */
  checkpoint: z.string().min(1).max(8192),
  items: z.array(offeredEvidenceItemSchema).min(1).max(100),
  content: contentCipherSchema,
  offeredAt: z.iso.datetime(),
  actorName: z.string().max(200),
});
export type EvidenceOfferedPayload = z.infer<typeof evidenceOfferedPayloadSchema>;
