/** Time is injected everywhere so that tests can travel in time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to; for tests and simulations. */
export class ManualClock implements Clock {
  #current: number;

  constructor(start: Date | string) {
    this.#current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#current);
  }

  advance(milliseconds: number): void {
    this.#current += milliseconds;
  }

  set(to: Date | string): void {
    this.#current = new Date(to).getTime();
  }
}

/** ISO-8601 in UTC with milliseconds: the one timestamp format stored and signed. */
export function toUtcIso(date: Date): string {
  return date.toISOString();
}
