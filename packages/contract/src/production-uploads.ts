/** A provider's production as a resumable tus upload: its paths and creation headers. */
import { z } from 'zod';
import { idSchema } from './common.js';

export const productionUploadParams = z.strictObject({ orderId: idSchema, uploadId: idSchema });

export const createProductionUploadHeaders = z.object({
  'tus-resumable': z.string().optional().describe('1.0.0 (tus core protocol)'),
  'upload-length': z
    .string()
    .regex(/^\d{1,16}$/, 'must be the size in bytes')
    .describe('size of the file in bytes'),
  'upload-metadata': z
    .string()
    .max(16 * 1024)
    .optional()
    .describe(
      'comma-separated "key base64(value)": filename, sha256 (your SHA-256, hex: ' +
        'required), dataCategory (subscriber, traffic, content, other), mediaType ' +
        '(or filetype), description',
    ),
});
