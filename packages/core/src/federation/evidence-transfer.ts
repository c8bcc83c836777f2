import { z } from 'zod';
import { evidenceMetadataSchema } from '../evidence/evidence-metadata.js';
import type { ContentStreamVersion } from './content-stream-formats.js';

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

const contentKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const noncePrefix = z.string().regex(/^[A-Za-z0-9_-]{10}$/);

/**
 * Content travels outside the envelope, fetched by the receiver, encrypted to it end to end:
 * AES-256-GCM in chunks (the STREAM construction, as Tink and age use it): the nonce is a random
 * 7-byte prefix, a 4-byte big-endian chunk counter and a final-chunk flag byte, so chunks
 * cannot be reordered, dropped or truncated without detection. The key travels in this
 * envelope, which is itself encrypted to the receiver. Byte layout: docs/adr/0008-crypto-formats.md.
 *
 * Version 1 carries no `v` (it predates the member) and seals every item with the key itself;
 * version 2 seals each item with its own key derived from this one.
 */
export const contentCipherV1Schema = z.strictObject({
  algorithm: z.literal('A256GCM-STREAM'),
  chunkSize: z.literal(1_048_576),
  key: contentKey,
  noncePrefix,
});
export const contentCipherV2Schema = z.strictObject({
  v: z.literal(2),
  algorithm: z.literal('A256GCM-HKDF-STREAM'),
  chunkSize: z.literal(1_048_576),
  key: contentKey,
  noncePrefix,
});
export const contentCipherSchema = z.union([contentCipherV1Schema, contentCipherV2Schema]);
export type ContentCipher = z.infer<typeof contentCipherSchema>;

export function contentCipherVersion(cipher: ContentCipher): ContentStreamVersion {
  return 'v' in cipher ? cipher.v : 1;
}

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
