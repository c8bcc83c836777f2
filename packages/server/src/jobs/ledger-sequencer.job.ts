import { isDomainError } from '@hanoi247/core';
import type { FastifyInstance } from 'fastify';
import type { LedgerSequencer } from '../ledger/sequencer.js';

export interface SequencerLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SequencerLoop {
  start(): void;
  /** Stops the timer and waits for a run in progress, so nothing is cut off mid-transaction. */
  stop(): Promise<void>;
}

/**
 * Runs the sequencer every `intervalMs`, never two runs at once, and straight again after a full
 * batch so a backlog drains at once. Exported apart from the Fastify hooks for the benchmark.
 */
export function sequencerLoop(sequencer: LedgerSequencer, intervalMs: number, log: SequencerLog): SequencerLoop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let closed = false;
  const drain = async (): Promise<void> => {
    try {
      for (;;) {
        const result = await sequencer.sequence();
        if (result === null || closed || result.leaves.length + result.duplicates < sequencer.batchSize) return;
      }
    } catch (error) {
      // Another process sequenced from the same size first: its checkpoint stands, ours was never written.
      if (isDomainError(error) && error.code === 'ledger/sequencer-conflict') {
        log.info({ code: error.code }, error.message);
      } else log.error({ err: error }, 'ledger sequencing failed');
    }
  };
  const tick = (): void => {
    if (running !== null || closed) return;
    running = drain().finally(() => {
      running = null;
    });
  };
  return {
    start() {
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      closed = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** `ledger.sequenceIntervalMs` (0: off; tests call sequence() themselves). */
export function startLedgerSequencerJob(app: FastifyInstance, sequencer: LedgerSequencer, intervalMs: number): void {
  if (intervalMs === 0) return;
  const loop = sequencerLoop(sequencer, intervalMs, app.log);
  app.addHook('onReady', async () => loop.start());
  app.addHook('onClose', async () => loop.stop());
}
