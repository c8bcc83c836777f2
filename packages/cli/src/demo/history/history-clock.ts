import type { Clock } from '@hanoi247/core';

/**
 * The demo's clock: while the history is seeded it shows the time of the step being played (weeks
 * ago, moving forward only and never past the real time); once released it is the system clock.
 * Every node of the demo shares it, so messages between them are stamped on one timeline.
 */
export class HistoryClock implements Clock {
  #at: number | null;

  constructor(start: Date | null) {
    this.#at = start === null ? null : Math.min(start.getTime(), Date.now());
  }

  now(): Date {
    return this.#at === null ? new Date() : new Date(this.#at);
  }

  /** Moves to the given instant, or as close as monotonic and not-yet-real time allow. */
  moveTo(at: number): void {
    if (this.#at === null) return;
    this.#at = Math.min(Math.max(this.#at, at), Date.now());
  }

  /** From now on the real time. */
  release(): void {
    this.#at = null;
  }
}
