import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { startIntervalJob } from './interval-job.js';

describe('interval jobs', () => {
  it('never runs twice at once, survives a failed run, and lets a run in progress finish on close', async () => {
    const app = Fastify({ logger: false });
    let active = 0;
    let overlapped = false;
    let runs = 0;
    let finished = 0;
    let release: (() => void) | null = null;
    startIntervalJob(app, {
      name: 'test job',
      intervalMs: 5,
      run: async () => {
        runs += 1;
        active += 1;
        if (active > 1) overlapped = true;
        try {
          if (runs === 1) throw new Error('first run fails');
          // The third run waits until released, so close() finds it in progress.
          if (runs === 3) await new Promise<void>((resolve) => (release = resolve));
        } finally {
          active -= 1;
          finished += 1;
        }
      },
    });
    await app.ready();
    await expect.poll(() => release !== null, { timeout: 5_000 }).toBe(true);
    const closing = app.close();
    const before = finished;
    release!();
    await closing;
    expect(finished).toBe(before + 1);
    expect(overlapped).toBe(false);
    expect(runs).toBe(3);
  });

  it('runs at once when woken, and once more after a run that a wake-up interrupted', async () => {
    const app = Fastify({ logger: false });
    let wake = (): void => undefined;
    let subscribed = 0;
    let runs = 0;
    let release: (() => void) | null = null;
    startIntervalJob(app, {
      name: 'woken job',
      // Far beyond the test: every run here comes from a wake-up.
      intervalMs: 600_000,
      run: async () => {
        runs += 1;
        if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      wakeOn: (listener) => {
        wake = listener;
        subscribed += 1;
        return () => (subscribed -= 1);
      },
    });
    await app.ready();
    expect(subscribed).toBe(1);
    wake();
    await expect.poll(() => release !== null, { timeout: 5_000 }).toBe(true);
    // Woken twice while busy: one more run covers both.
    wake();
    wake();
    release!();
    await expect.poll(() => runs, { timeout: 5_000 }).toBe(2);
    await app.close();
    expect(runs).toBe(2);
    expect(subscribed).toBe(0);
  });

  it('does nothing with an interval of 0', async () => {
    const app = Fastify({ logger: false });
    let runs = 0;
    startIntervalJob(app, { name: 'off', intervalMs: 0, run: async () => void (runs += 1) });
    await app.ready();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await app.close();
    expect(runs).toBe(0);
  });
});
