import { pino, type BaseLogger } from 'pino';

/** The structured logger services write to: the server's own pino logger (Fastify's `app.log`), injected. */
export type Logger = Pick<BaseLogger, 'error' | 'warn' | 'info' | 'debug'>;

/** How one outbound HTTP attempt to a partner ended. */
export type OutboundOutcome = 'ok' | 'http-error' | 'network-error' | 'timeout';

export type JobOutcome = 'done' | 'retry' | 'failed';

/**
 * What the operator counts. Every error on a background path that does not end the run is
 * logged and counted here, never swallowed; the prom-client side lives in http/metrics.ts.
 */
export interface NodeMetrics {
  /** One outbound HTTP attempt, labelled by partner and operation. */
  outbound(partner: string, operation: string, outcome: OutboundOutcome, seconds: number): void;
  /** A background path met an error and carried on (the next run, or the next partner). */
  backgroundError(component: string, reason: string): void;
  /** A durable job's run ended. */
  jobRun(kind: string, outcome: JobOutcome): void;
}

export interface Telemetry {
  readonly log: Logger;
  readonly metrics: NodeMetrics;
}

const noMetrics: NodeMetrics = {
  outbound: () => undefined,
  backgroundError: () => undefined,
  jobRun: () => undefined,
};

/** For processes with no server (maintenance commands): no background path runs there. */
export function quietTelemetry(): Telemetry {
  return { log: pino({ level: 'silent' }), metrics: noMetrics };
}
