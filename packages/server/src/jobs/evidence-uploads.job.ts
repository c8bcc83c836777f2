import { msPerMinute } from '@hanoi247/core';
import type { FastifyInstance } from 'fastify';
import type { UploadService } from '../services/evidence-upload.service.js';
import type { EvidenceCustodyService } from '../services/evidence-custody.service.js';
import { startIntervalJob } from './interval-job.js';

/**
 * Evidence housekeeping every 15 minutes: abandoned uploads hold partial evidence on disk and
 * are removed; items past their retention date are destroyed (content gone, proofs kept).
 */
const intervalMs = 15 * msPerMinute;

export function startUploadExpiryJob(
  app: FastifyInstance,
  uploads: UploadService,
  custody: EvidenceCustodyService,
): void {
  startIntervalJob(app, {
    name: 'evidence housekeeping',
    intervalMs,
    run: async () => {
      const expired = await uploads.expireAbandoned();
      if (expired > 0) app.log.info({ expired }, 'abandoned evidence uploads expired');
      const destroyed = await custody.destroyPastRetention();
      if (destroyed > 0) app.log.info({ destroyed }, 'evidence past its retention date destroyed');
    },
  });
}
