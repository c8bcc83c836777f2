import type { ClockEffect, DeadlineStatus } from '@hanoi247/core';

/** Where a lifecycle's clocks are kept (the request's deadlines, the order's): its repository, bound to one record. */
export interface ClockStore {
  readonly settle: (ruleId: string, status: DeadlineStatus, at: string) => Promise<unknown>;
  readonly start: (
    ruleId: string,
    due: { readonly dueAt: string; readonly warnAt: string },
    at: string,
  ) => Promise<void>;
}

/**
 * Records the clock changes the lifecycle kernel planned for one transition, in the caller's
 * transaction: a close settles the running instance, a suspension suspends it, a start supersedes
 * the running instance of the same rule (an extension, a renewal, a service after amendment).
 */
export async function applyClockEffects(store: ClockStore, effects: readonly ClockEffect[], at: string): Promise<void> {
  for (const effect of effects) {
    if (effect.kind === 'close') await store.settle(effect.ruleId, effect.outcome, at);
    if (effect.kind === 'suspend') await store.settle(effect.ruleId, 'suspended', at);
    if (effect.kind === 'start') {
      await store.settle(effect.ruleId, 'met', at);
      await store.start(effect.ruleId, effect, at);
    }
  }
}
