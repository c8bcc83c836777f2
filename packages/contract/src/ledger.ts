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

/** Decimal digits only: Number('') is 0 and Number('1e3') is 1000, neither is a tree size. */
const decimal = (what: string) =>
  z
    .string()
    .regex(/^(0|[1-9]\d{0,15})$/, `${what} must be a decimal integer`)
    .transform(Number)
    .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER));

export const inclusionProofQuery = z.strictObject({ index: decimal('index'), size: decimal('size') });
export const consistencyProofQuery = z.strictObject({ from: decimal('from'), to: decimal('to') });
export const ledgerLeavesQuery = z.strictObject({
  start: decimal('start'),
  count: decimal('count').pipe(z.number().min(1).max(1000)).optional(),
});
export const ledgerLeavesSchema = z.object({ leaves: z.array(ledgerLeafSchema).readonly() });

/** The checkpoint is a signed note, served as text. */
export const checkpointNoteSchema = z
  .string()
  .describe('origin, tree size and base64 root hash lines, a blank line, then "\u2014 <origin> <signature>"');
