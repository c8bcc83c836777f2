import { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';

/**
 * Versions of the evidence content stream (docs/adr/0008-crypto-formats.md, federation.md §9.5).
 * Both are the STREAM construction over AES-256-GCM with the same chunking and nonce layout;
 * they differ in the key a chunk is sealed with:
 *
 * - 1: the transfer's key itself, for every item of the transfer. Two items of one transfer
 *   therefore reuse nonces under one key; kept so that offers already sent, and partners that
 *   announce nothing, still work.
 * - 2: a key per item, HKDF-SHA256 of the transfer's key bound to the item's SHA-256.
 *
 * Listed oldest first: what this implementation reads, and writes to a partner that reads it too.
 */
export const contentStreamVersions = [1, 2] as const;
export type ContentStreamVersion = (typeof contentStreamVersions)[number];

/**
 * The formats a node reads, announced in the protected header of its descriptor's signature
 * (federation.md §3.2), where a node of the previous version, whose descriptor schema refuses
 * unknown members, does not look.
 */
export const nodeFormatsSchema = z.strictObject({
  contentStream: z.array(z.number().int().min(1).max(255)).min(1).max(16),
});
export type NodeFormats = z.infer<typeof nodeFormatsSchema>;

export const ownFormats: NodeFormats = { contentStream: [...contentStreamVersions] };

/**
 * The newest version both sides read. A partner that announces nothing predates the
 * announcement and reads version 1 only.
 */
export function contentStreamFor(partner: NodeFormats | null): ContentStreamVersion {
  const reads = partner?.contentStream ?? [1];
  const common = contentStreamVersions.filter((v) => reads.includes(v));
  const newest = common.at(-1);
  if (newest === undefined) {
    throw new DomainError(
      'federation/invalid-descriptor',
      `the partner reads content-stream versions ${reads.join(', ')}, none of which this node writes`,
    );
  }
  return newest;
}
