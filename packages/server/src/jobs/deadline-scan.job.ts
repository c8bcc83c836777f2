import type { FastifyInstance } from 'fastify';
import type { DeadlineScanner } from '../services/deadline-scanner.service.js';
import { startIntervalJob } from './interval-job.js';

/**
 * Runs the legal-clock scanner on an interval once the server is ready. With PostgreSQL and
 * several processes each scans; the transitions are guarded by the request's version, so a
 * double alarm cannot double-apply.
 */
export function startDeadlineScanJob(app: FastifyInstance, scanner: DeadlineScanner, intervalSeconds: number): void {
  startIntervalJob(app, {
    name: 'deadline scan',
    intervalMs: intervalSeconds * 1000,
    run: async () => {
      const { alarms, failures } = await scanner.scan();
      if (alarms.length > 0) app.log.info({ alarms: alarms.length }, 'legal clocks raised alarms');
      for (const failure of failures) {
        app.log.error(
          { requestId: failure.requestId, reason: failure.message },
          'a legal clock alarm could not be applied',
        );
      }
    },
  });
}
