import type { FastifyInstance } from 'fastify';
import type { DeadlineScanner } from '../services/deadline-scanner.service.js';

/**
 * Runs the legal-clock scanner on an interval once the server is ready, never two scans
 * at once, and stops with the server. With PostgreSQL and several processes each scans;
 * the transitions are guarded by the request's version, so a double alarm cannot double-apply.
 */
export function startDeadlineScanJob(app: FastifyInstance, scanner: DeadlineScanner, intervalSeconds: number): void {
  if (intervalSeconds === 0) return;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { alarms, failures } = await scanner.scan();
      if (alarms.length > 0) app.log.info({ alarms: alarms.length }, 'legal clocks raised alarms');
      for (const failure of failures) app.log.error({ requestId: failure.requestId, reason: failure.message }, 'a legal clock alarm could not be applied');
    } catch (error) {
      app.log.error({ err: error }, 'deadline scan failed');
    } finally {
      running = false;
    }
  };
  app.addHook('onReady', async () => {
    timer = setInterval(() => void tick(), intervalSeconds * 1000);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
