/** Evidence leaving the node: offers to the partner, onward transfers, custody steps, destruction, bundles. */
import { z } from 'zod';

const uuid = z.uuid();

export const offerEvidenceBody = z.strictObject({ evidenceIds: z.array(uuid).min(1).max(100) });
export const evidenceOfferSchema = z.object({ transferId: z.string(), messageId: z.string() });

export const onwardTransferAuthorisationSchema = z.object({
  id: z.string(),
  evidenceId: z.string(),
  originCountry: z.string(),
  destination: z.string(),
  reference: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export const onwardTransferAuthorisationsSchema = z.object({
  authorisations: z.array(onwardTransferAuthorisationSchema),
});
export const authoriseOnwardTransferBody = z.strictObject({
  destination: z.string().max(20),
  reference: z.string().max(200),
});

export const custodyEventBody = z.strictObject({
  type: z.enum(['analysed', 'disclosed', 'returned']),
  notes: z.string().max(2000).optional(),
  tool: z.string().max(200).optional(),
  proceedings: z.string().max(200).optional(),
  recipient: z.string().max(200).optional(),
});
export const recordedCustodyEventSchema = z.object({ eventId: z.string() });

export const destructionBody = z.strictObject({ reason: z.string().max(500) });

export const exportBundleBody = z
  .strictObject({
    requestId: uuid.optional(),
    evidenceIds: z.array(uuid).max(1000).optional(),
    destination: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .default(null),
    disclosePersonal: z.boolean().default(false),
  })
  .refine((b) => b.requestId !== undefined || (b.evidenceIds?.length ?? 0) > 0, 'name a request or evidence items');
