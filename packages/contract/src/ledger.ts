/** The public transparency ledger: proofs and leaves. */
import { z } from 'zod';

export const base64Hash = z.string().describe('SHA-256, standard base64 with padding (44 characters)');
export const ledgerInclusionSchema = z
  .object({
    index: z.number().int(),
    treeSize: z.number().int(),
    leafHash: base64Hash.describe('the stored leaf hash; compute it yourself from the leaf data: SHA-256(0x00 ‖ data)'),
    proof: z.array(base64Hash).readonly().describe('RFC 9162 §2.1.3 audit path, leaf side first'),
  })
  .meta({ id: 'LedgerInclusionProof' });
export const ledgerConsistencySchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    proof: z.array(base64Hash).readonly().describe('RFC 9162 §2.1.4 consistency proof'),
  })
  .meta({ id: 'LedgerConsistencyProof' });
export const ledgerLeafSchema = z
  .object({
    index: z.number().int(),
    kind: z.string().describe('custody or audit'),
    refId: z.string().describe('the custody event id, or the audit entry id'),
    leafData: z.string().describe('the leaf exactly as hashed: RFC 8785 canonical JSON, UTF-8'),
    leafHash: base64Hash,
    queuedAt: z.string(),
    sequencedAt: z.string(),
  })
  .meta({ id: 'LedgerLeaf' });
