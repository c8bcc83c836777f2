import type { FastifyInstance } from 'fastify';
import type { OrderScanner } from '../services/order-scanner.service.js';
import { startIntervalJob } from './interval-job.js';

/**
 * Runs the domestic orders' clocks on the legal-clock interval. With several processes each
 * scans; order transitions are guarded by the order's version.
 */
export function startOrderScanJob(app: FastifyInstance, scanner: OrderScanner, intervalSeconds: number): void {
  startIntervalJob(app, {
    name: 'domestic order clock scan',
    intervalMs: intervalSeconds * 1000,
    run: async () => {
      const { alarms, failures } = await scanner.scan();
      if (alarms.length > 0) app.log.info({ alarms: alarms.length }, 'domestic order clocks raised alarms');
      for (const failure of failures) {
        app.log.error(
          { orderId: failure.orderId, reason: failure.message },
          'a domestic order clock alarm could not be applied',
        );
      }
    },
  });
}
