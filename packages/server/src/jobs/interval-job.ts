import type { FastifyInstance } from 'fastify';
import type { NodeRuntime } from '../node-runtime.js';

/** The node's metrics when the app carries a node (a bare Fastify in this module's own tests does not). */
export const nodeMetricsOf = (app: FastifyInstance) =>
  (app as FastifyInstance & { node?: NodeRuntime }).node?.telemetry.metrics;

export interface IntervalJob {
  /** What the log calls it when a run fails. */
  readonly name: string;
  /** 0 turns the job off (tests drive the work themselves). */
  readonly intervalMs: number;
  readonly run: () => Promise<void>;
  /**
   * Subscribes to what should start a run at once (a commit that queued work); returns the
   * unsubscribe function. A wake-up during a run starts another run right after it.
   */
  readonly wakeOn?: (wake: () => void) => () => void;
}

/**
 * The one shape of a background job: starts once the server is ready, never runs twice at
 * once, logs a failed run instead of ending the process, and on close stops the timer and
 * waits for a run in progress, so no transaction is cut off by shutdown.
 */
export function startIntervalJob(app: FastifyInstance, job: IntervalJob): void {
  if (job.intervalMs === 0) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  let unsubscribe = (): void => undefined;
  const start = (): void => {
    running = job
      .run()
      .catch((error: unknown) => {
        nodeMetricsOf(app)?.backgroundError('interval-job', job.name);
        app.log.error({ err: error }, `${job.name} failed`);
      })
      .finally(() => {
        running = null;
        if (again && !closed) {
          again = false;
          start();
        }
      });
  };
  const tick = (): void => {
    if (running !== null || closed) return;
    start();
  };
  const wake = (): void => {
    if (closed) return;
    if (running !== null) again = true;
    // Never inside the caller's stack: it has just committed and is about to answer.
    else setImmediate(tick);
  };
  app.addHook('onReady', async () => {
    timer = setInterval(tick, job.intervalMs);
    timer.unref();
    if (job.wakeOn !== undefined) unsubscribe = job.wakeOn(wake);
  });
  app.addHook('onClose', async () => {
    closed = true;
    clearInterval(timer);
    unsubscribe();
    // A run started right after another (a wake-up) is awaited too.
    while (running !== null) await running;
  });
}
