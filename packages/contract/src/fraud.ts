/** Online fraud: reports from institutions, and the scam indicators they name (issue 14). */
import { reportInputSchema } from '@hanoi247/core';
import { z } from 'zod';
import { idSchema, problemSchema, withProblems } from './common.js';

export const fraudReportBody = reportInputSchema;
export const fraudReportParams = z.strictObject({ reportId: idSchema });

/** Answers of the bulk route besides the common ones: too large, and a body neither JSON Lines nor CSV. */
export function withBatchProblems<T extends Record<number, z.ZodType>>(ok: T) {
  return { ...withProblems(ok), 413: problemSchema, 415: problemSchema };
}

const refusedIdentifier = z.object({
  /** Where the value was: `identifiers[i]` or `transfers[i].payee`. */
  path: z.string(),
  type: z.string(),
  reason: z.string(),
});

/** What a submitter is told: the report's id, whether it was already recorded, what did not become an indicator. */
export const fraudReportReceiptSchema = z
  .object({
    reportId: z.string(),
    status: z.enum(['created', 'duplicate']),
    lossVnd: z.number(),
    indicatorCount: z.number().int(),
    refused: z.array(refusedIdentifier),
  })
  .meta({ id: 'FraudReportReceipt' });

const rowProblem = z.object({ code: z.string(), detail: z.string(), path: z.string().optional() });
export const fraudBatchResultSchema = z
  .object({
    rows: z.array(
      z.object({
        line: z.number().int(),
        status: z.enum(['created', 'duplicate', 'rejected']),
        reportId: z.string().optional(),
        problems: z.array(rowProblem),
      }),
    ),
    created: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
  })
  .meta({ id: 'FraudReportBatchResult' });

export const indicatorViewSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    valueNorm: z.string(),
    valueDisplay: z.string(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    reportCount: z.number().int(),
    lossVnd: z.number(),
    status: z.string(),
    confidence: z.number().nullable(),
    tlp: z.string(),
  })
  .meta({ id: 'FraudIndicator' });

export const indicatorLookupQuery = z.strictObject({
  type: z.string().trim().min(1).max(40),
  value: z.string().min(1).max(4096),
});
export const indicatorLookupSchema = z.object({ indicators: z.array(indicatorViewSchema) });

const payeeView = z.object({ type: z.string(), value: z.string(), refusal: z.string().nullable() });
export const fraudReportViewSchema = z
  .object({
    id: z.string(),
    channel: z.enum(['citizen', 'institution']),
    institutionId: z.string().nullable(),
    institutionReference: z.string().nullable(),
    scamType: z.string(),
    scamTypesVersion: z.string(),
    occurredAt: z.string(),
    reportedAt: z.string(),
    firstContact: z.string(),
    /** As given: not checked against a code list of provinces (docs/fraud-reports.md). */
    province: z.string().nullable(),
    lossVnd: z.number(),
    tlp: z.string(),
    identifiers: z.array(
      z.object({ type: z.string(), value: z.string(), role: z.string(), refusal: z.string().nullable() }),
    ),
    transfers: z.array(
      z.object({
        at: z.string(),
        amount: z.string(),
        currency: z.string(),
        payerInstitution: z.string().nullable(),
        payee: payeeView.nullable(),
        payeeIndicatorId: z.string().nullable(),
        transactionReference: z.string().nullable(),
      }),
    ),
    indicators: z.array(z.object({ role: z.string(), indicator: indicatorViewSchema })),
  })
  .meta({ id: 'FraudReport' });
