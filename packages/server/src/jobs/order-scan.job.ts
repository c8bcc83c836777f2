import type { FastifyInstance } from 'fastify';
import type { OrderScanner } from '../services/order-scanner.service.js';

/**
 * Runs the domestic orders' clocks on the legal-clock interval, never two scans at once. With
 * several processes each scans; order transitions are guarded by the order's version.
 */
export function startOrderScanJob(app: FastifyInstance, scanner: OrderScanner, intervalSeconds: number): void {
  if (intervalSeconds === 0) return;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { alarms, failures } = await scanner.scan();
      if (alarms.length > 0) app.log.info({ alarms: alarms.length }, 'domestic order clocks raised alarms');
      for (const failure of failures) app.log.error({ orderId: failure.orderId, reason: failure.message }, 'a domestic order clock alarm could not be applied');
    } catch (error) {
      app.log.error({ err: error }, 'domestic order clock scan failed');
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
