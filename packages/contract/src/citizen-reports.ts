/** Citizens' fraud reports from the node's public page (issue 14, item 1). */
import { citizenAdditionInputSchema, citizenReportInputSchema, citizenReportStatuses } from '@hanoi247/core';
import { z } from 'zod';

export const citizenReportBody = citizenReportInputSchema;
export const citizenAdditionBody = citizenAdditionInputSchema;

/** `VN-FR-2026-000123`: the node's country, the year, the number in the year. */
export const citizenReportParams = z.strictObject({
  acknowledgementNumber: z.string().regex(/^[A-Z]{2}-FR-\d{4}-\d{6,9}$/, 'must be an acknowledgement number'),
});

/** The status token travels in a header, so that it stays out of access logs and the Referer. */
export const statusTokenHeaderSchema = z.object({ 'x-report-token': z.string().min(20).max(100) });

export const proofOfWorkChallengeSchema = z
  .object({
    /** Give it back with the solution: SHA-256(`<challenge>:<solution>`) must start with `bits` zero bits. */
    challenge: z.string(),
    bits: z.number().int(),
    expiresAt: z.string(),
  })
  .meta({ id: 'ProofOfWorkChallenge' });

export const citizenReceiptSchema = z
  .object({
    acknowledgementNumber: z.string(),
    /** Shown once: keep the status link; the node stores only its hash. */
    statusToken: z.string(),
  })
  .meta({ id: 'CitizenReportReceipt' });

export const citizenStatusSchema = z
  .object({
    acknowledgementNumber: z.string(),
    status: z.enum(citizenReportStatuses),
    scamType: z.string(),
    reportedAt: z.string(),
    timeline: z.array(
      z.object({ kind: z.enum(['status', 'addition']), status: z.enum(citizenReportStatuses), at: z.string() }),
    ),
  })
  .meta({ id: 'CitizenReportStatus' });

/** The sealed parts of a citizen's report, opened for the fraud desk (an audited read with its purpose). */
export const fraudReportPrivateSchema = z
  .object({
    narratives: z.array(z.object({ seq: z.number().int(), text: z.string(), createdAt: z.string() })),
    reporter: z
      .object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() })
      .nullable(),
  })
  .meta({ id: 'FraudReportPrivate' });
