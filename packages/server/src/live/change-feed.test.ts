import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../repositories/live-event.repository.js';
import { ChangeFeed, type ChangeSource } from './change-feed.js';

const row = (seq: number): LiveEvent => ({
  seq,
  requestId: `r${seq}`,
  reference: `REF-${seq}`,
  type: 'PRESERVATION_42',
  state: 'RECEIVED',
  kind: 'created',
  action: 'receive',
});

/** A table of committed rows that the test fills, counting the reads the feed makes. */
class FakeTable implements ChangeSource {
  committed: LiveEvent[] = [];
  reads = 0;
  async latestSeq(): Promise<number> {
    return Math.max(0, ...this.committed.map((e) => e.seq));
  }
  async after(watermark: number, missing: readonly number[], limit: number): Promise<LiveEvent[]> {
    this.reads++;
    return this.committed
      .filter((e) => e.seq > watermark || missing.includes(e.seq))
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
  }
}

const feedOver = (table: FakeTable, gapWaitMs = 60_000) =>
  new ChangeFeed(table, {
    intervalMs: 5,
    batchSize: 2,
    gapWaitMs,
    onError: (error) => {
      throw error;
    },
  });

/** An hour between reads: within a test only a nudge can deliver anything. */
const nudgedOnly = (table: FakeTable) =>
  new ChangeFeed(table, {
    intervalMs: 3_600_000,
    batchSize: 50,
    gapWaitMs: 60_000,
    onError: (error) => {
      throw error;
    },
  });

/** A table whose next read sees the rows committed when it starts, then waits for the test. */
class HeldTable extends FakeTable {
  private held: { started: () => void; release: Promise<void> } | null = null;
  hold(): { started: Promise<void>; release: () => void } {
    let started!: () => void;
    let release!: () => void;
    const startedPromise = new Promise<void>((resolve) => (started = resolve));
    this.held = { started, release: new Promise<void>((resolve) => (release = resolve)) };
    return { started: startedPromise, release };
  }
  override async after(watermark: number, missing: readonly number[], limit: number): Promise<LiveEvent[]> {
    const snapshot = await super.after(watermark, missing, limit);
    const held = this.held;
    this.held = null;
    if (held !== null) {
      held.started();
      await held.release;
    }
    return snapshot;
  }
}

/** Collects what a listener receives; `until` resolves once a seq has arrived. */
function collector() {
  const seen: number[] = [];
  const waiting: Array<{ seq: number; resolve: () => void }> = [];
  return {
    seen,
    listener: (events: readonly LiveEvent[]) => {
      for (const event of events) seen.push(event.seq);
      for (const w of waiting.filter((x) => seen.includes(x.seq))) w.resolve();
    },
    until: (seq: number) =>
      seen.includes(seq) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ seq, resolve })),
  };
}

describe('the change feed', () => {
  it('reads nothing while nobody listens, and starts after the newest row', async () => {
    const table = new FakeTable();
    table.committed = [row(1), row(2)];
    const feed = feedOver(table);
    expect(table.reads).toBe(0);
    const c = collector();
    const stop = await feed.subscribe(c.listener);
    table.committed.push(row(3));
    await c.until(3);
    expect(c.seen).toEqual([3]);
    stop();
    expect(feed.subscriberCount).toBe(0);
    await feed.close();
  });

  it(
    'delivers a lower seq that commits after a higher one (PostgreSQL), once, ' + 'and reads on past a full batch',
    async () => {
      const table = new FakeTable();
      const feed = feedOver(table);
      const c = collector();
      await feed.subscribe(c.listener);
      table.committed.push(row(2), row(4), row(5));
      await c.until(5);
      table.committed.push(row(1), row(3), row(6));
      await c.until(6);
      expect([...c.seen].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(new Set(c.seen).size).toBe(c.seen.length);
      await feed.close();
    },
  );

  it('reads at once when nudged after a local commit, however long the interval', async () => {
    const table = new FakeTable();
    const feed = nudgedOnly(table);
    const c = collector();
    await feed.subscribe(c.listener);
    table.committed.push(row(1));
    feed.nudge();
    await c.until(1);
    expect(c.seen).toEqual([1]);
    await feed.close();
  });

  it('reads again when nudged during a read, which may have started before that commit', async () => {
    const table = new HeldTable();
    const feed = nudgedOnly(table);
    const c = collector();
    await feed.subscribe(c.listener);
    const read = table.hold();
    feed.nudge();
    await read.started;
    table.committed.push(row(1));
    feed.nudge();
    read.release();
    await c.until(1);
    expect(c.seen).toEqual([1]);
    await feed.close();
  });

  it('refuses subscribers once closed', async () => {
    const feed = feedOver(new FakeTable());
    await feed.close();
    await expect(feed.subscribe(() => undefined)).rejects.toThrow(/closed/);
  });
});
