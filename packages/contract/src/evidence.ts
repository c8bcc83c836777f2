import { evidenceMetadataSchema } from '@hanoi247/core';
import { z } from 'zod';
import { idSchema } from './common.js';

export const evidenceParams = z.strictObject({ evidenceId: idSchema });
export const uploadParams = z.strictObject({ uploadId: idSchema });

export const evidenceViewSchema = z
  .object({
    id: z.string(),
    requestId: z.string().nullable(),
    orderId: z.string().nullable().describe('the domestic order that produced it; its owner when requestId is null'),
    sha256: z
      .string()
      .describe('SHA-256 of the content, lower-case hex: its address and its identity in custody events'),
    size: z.number().int(),
    mediaType: z
      .string()
      .describe('as declared by the submitter; content is always served as application/octet-stream'),
    filename: z.string(),
    metadata: evidenceMetadataSchema,
    originCountry: z.string(),
    onwardTransfer: z.string().describe('unrestricted, or origin-authorisation-required (UN art. 36)'),
    personalData: z.boolean(),
    retentionUntil: z.string().nullable(),
    sealed: z.boolean().describe('stored encrypted at rest (AES-256-GCM, per-item key)'),
    createdBy: z.string(),
    createdAt: z.string(),
    erasedAt: z.string().nullable(),
  })
  .meta({ id: 'EvidenceItem' });

export const evidenceListSchema = z.object({ items: z.array(evidenceViewSchema).readonly() });

export const custodyEventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    occurredAt: z.string(),
    system: z.object({ country: z.string(), node: z.string() }),
    actor: z.object({ type: z.string(), id: z.string().nullable(), role: z.string().nullable() }),
    hashes: z.record(z.string(), z.string()),
    details: z.record(z.string(), z.unknown()),
    previous: z.string().nullable().describe('event hash of the previous event of this item'),
    eventHash: z.string().describe('SHA-256 of the canonical ledger leaf'),
    personal: z
      .object({ actorName: z.string(), notes: z.string().optional() })
      .nullable()
      .describe('committed to, not contained in, the leaf; null once erased'),
  })
  .meta({ id: 'CustodyEvent' });

export const custodySchema = z.object({ item: evidenceViewSchema, events: z.array(custodyEventSchema).readonly() });

export const uploadViewSchema = z
  .object({
    id: z.string(),
    requestId: z.string().nullable().describe('null for production under a purely domestic order'),
    orderId: z.string().nullable().describe('the domestic order of a provider\u2019s production upload'),
    status: z.enum(['open', 'completed', 'cancelled', 'expired', 'refused']),
    offset: z.number().int(),
    length: z.number().int(),
    expiresAt: z.string(),
    evidenceId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'EvidenceUpload' });

const tusVersion = z.string().optional().describe('1.0.0 (tus core protocol)');

export const createUploadHeaders = z.object({
  'tus-resumable': tusVersion,
  'upload-length': z
    .string()
    .regex(/^\d{1,16}$/, 'must be the size in bytes')
    .describe('size of the content in bytes (Upload-Defer-Length is not supported)'),
  'upload-metadata': z
    .string()
    .max(64 * 1024)
    .optional()
    .describe(
      'comma-separated "key base64(value)": requestId, filename, mediaType (or ' +
        'filetype), metadata (base64 of the EvidenceMetadata JSON), sha256 (optional, hex)',
    ),
});

export const patchUploadHeaders = z.object({
  'tus-resumable': tusVersion,
  'upload-offset': z
    .string()
    .regex(/^\d{1,16}$/, 'must be a byte offset')
    .describe('the offset this body starts at: the value HEAD returned'),
  'content-type': z.string().optional().describe('application/offset+octet-stream'),
});

export const tusHeaders = z.object({ 'tus-resumable': tusVersion });

export const custodyProofsSchema = z
  .object({
    checkpoint: z
      .object({
        treeSize: z.number().int(),
        rootHash: z.string().describe('standard base64'),
        note: z.string().describe('the signed note, as at GET /ledger/v1/checkpoint'),
      })
      .nullable()
      .describe('the latest checkpoint; null while the ledger has none'),
    proofs: z
      .array(
        z.object({
          eventId: z.string(),
          leafIndex: z
            .number()
            .int()
            .nullable()
            .describe('null while the event is not yet sequenced into the latest checkpoint'),
          leafData: z.string().nullable().describe('the canonical leaf: leaf hash = SHA-256(0x00 ‖ UTF-8 leafData)'),
          proof: z.array(z.string()).readonly().describe('RFC 9162 inclusion proof, standard base64, leaf to root'),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'CustodyProofs' });

/** Split views and inconsistent histories partners signed, both checkpoints kept as evidence. */
export const ledgerAlertSchema = z.object({
  id: z.string(),
  country: z.string(),
  kind: z.string(),
  treeSize: z.number(),
  firstNote: z.string(),
  secondNote: z.string(),
  raisedAt: z.string(),
});
export const ledgerAlertsSchema = z.object({ alerts: z.array(ledgerAlertSchema) });
