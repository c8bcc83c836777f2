import type { FastifyInstance } from 'fastify';
import type { UploadService } from '../services/evidence-upload.service.js';

/** Abandoned uploads hold partial evidence on disk: they are expired and removed every 15 minutes. */
const intervalMs = 15 * 60 * 1000;

export function startUploadExpiryJob(app: FastifyInstance, uploads: UploadService): void {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const expired = await uploads.expireAbandoned();
      if (expired > 0) app.log.info({ expired }, 'abandoned evidence uploads expired');
    } catch (error) {
      app.log.error({ err: error }, 'evidence upload expiry failed');
    } finally {
      running = false;
    }
  };
  app.addHook('onReady', async () => {
    timer = setInterval(() => void tick(), intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
