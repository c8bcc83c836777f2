import type { LiveEvent } from '../repositories/live-event.repository.js';

/** Where the feed reads from: the repository over the node's database (a fake in unit tests). */
export interface ChangeSource {
  latestSeq(): Promise<number>;
  after(watermark: number, missing: readonly number[], limit: number): Promise<LiveEvent[]>;
}

export type ChangeListener = (events: readonly LiveEvent[]) => void;

export interface ChangeFeedOptions {
  readonly intervalMs: number;
  readonly batchSize: number;
  /**
   * On PostgreSQL a lower seq can commit after a higher one is visible, and a rolled-back insert
   * leaves a seq that never appears. Missing seqs are asked for again for this long.
   */
  readonly gapWaitMs: number;
  readonly onError: (error: unknown) => void;
}

const maxTrackedGaps = 1_000;

/**
 * One reader of `request_events` per node, shared by every open stream. It polls only while
 * someone listens, so an idle node does no work, and because it reads the table it also sees
 * changes committed by other processes on the same database (the CLI, a second server).
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private readonly gaps = new Map<number, number>();
  private watermark: number | null = null;
  private priming: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  /** The last poll filled a whole batch: read on at once instead of waiting a tick. */
  private more = false;
  /** Nudged while a read ran: that read may have started before the commit, so read again at once. */
  private nudged = false;
  private closed = false;

  constructor(
    private readonly source: ChangeSource,
    private readonly options: ChangeFeedOptions,
  ) {}

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /**
   * Resolves once the listener will receive every event committed from now on, so a caller may
   * announce readiness (and replay older events) without a window in which changes are lost.
   */
  async subscribe(listener: ChangeListener): Promise<() => void> {
    if (this.closed) throw new Error('the change feed is closed');
    this.listeners.add(listener);
    const unsubscribe = () => this.remove(listener);
    if (this.watermark === null) {
      this.priming ??= this.prime();
      try {
        await this.priming;
      } catch (error) {
        unsubscribe();
        throw error;
      }
    }
    return unsubscribe;
  }

  /** Polls now instead of at the next tick (after a local commit). */
  nudge(): void {
    if (this.watermark === null || this.closed) return;
    if (this.polling !== null) this.nudged = true;
    else this.schedule(0);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.stop();
    await this.priming;
    await this.polling;
  }

  private async prime(): Promise<void> {
    try {
      const latest = await this.source.latestSeq();
      if (this.listeners.size > 0 && !this.closed) {
        this.watermark = latest;
        this.schedule(this.options.intervalMs);
      }
    } finally {
      this.priming = null;
    }
  }

  private remove(listener: ChangeListener): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0) this.stop();
  }

  /** Idle: forget the position, so the next subscriber starts from the newest row, not a backlog. */
  private stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.watermark = null;
    this.nudged = false;
    this.gaps.clear();
  }

  private schedule(delayMs: number): void {
    if (this.polling !== null) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nudged = false;
      this.polling = this.poll().finally(() => {
        this.polling = null;
        if (this.watermark !== null && !this.closed) {
          this.schedule(this.more || this.nudged ? 0 : this.options.intervalMs);
        }
      });
    }, delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    const from = this.watermark;
    if (from === null) return;
    this.more = false;
    let events: LiveEvent[];
    try {
      events = await this.source.after(from, [...this.gaps.keys()], this.options.batchSize);
    } catch (error) {
      this.options.onError(error);
      return;
    }
    // Stopped (or restarted) while the query ran: these rows belong to no current position.
    if (this.watermark !== from || this.closed) return;
    this.more = events.length === this.options.batchSize;
    this.advance(from, events);
    if (events.length === 0) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(events);
      } catch (error) {
        this.options.onError(error);
      }
    }
  }

  private advance(from: number, events: readonly LiveEvent[]): void {
    const now = Date.now();
    for (const [seq, until] of this.gaps) if (until <= now) this.gaps.delete(seq);
    let expected = from + 1;
    for (const event of events) {
      this.gaps.delete(event.seq);
      if (event.seq < expected) continue;
      for (let missing = expected; missing < event.seq && this.gaps.size < maxTrackedGaps; missing++) {
        this.gaps.set(missing, now + this.options.gapWaitMs);
      }
      expected = event.seq + 1;
    }
    this.watermark = Math.max(from, expected - 1);
  }
}
