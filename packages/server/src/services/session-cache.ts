import type { Clock } from '@hanoi247/core';

/**
 * How long a session read from the database may answer later requests without a new read.
 * It bounds how late this process sees a revocation written by another process (a second
 * node process on PostgreSQL, or `hanoi247 users disable` run beside the server): see
 * docs/adr/0007-short-lived-session-cache.md. Changes made by this process are seen at once.
 */
export const sessionCacheTtlMs = 2_000;
/** Far more signed-in officers than a node has; beyond it the oldest entries go first. */
export const sessionCacheMaxEntries = 10_000;

/**
 * What services that end sessions or change an account must call, after their transaction
 * commits: revoking a session, disabling a user, clearing a second factor, and any future
 * change of roles or status. Without it this process would keep serving the old session
 * for up to the cache TTL.
 */
export interface SessionInvalidation {
  forgetSession(sessionId: string): void;
  forgetUser(userId: string): void;
}

/** Who an entry belongs to, so that invalidation can find it. */
export interface SessionOwner {
  readonly sessionId: string;
  readonly userId: string;
}

export interface SessionCache<T> extends SessionInvalidation {
  /** A still-fresh entry, or undefined. The caller re-checks expiry against the clock. */
  get(tokenHash: string): T | undefined;
  /**
   * Taken before reading the database. `set` refuses the value if an invalidation happened
   * since, so a read that raced a revocation cannot put the old session back.
   */
  ticket(): number;
  set(tokenHash: string, value: T, owner: SessionOwner, ticket: number): void;
  readonly size: number;
}

interface Entry<T> {
  readonly value: T;
  readonly owner: SessionOwner;
  readonly storedAtMs: number;
}

export interface SessionCacheOptions {
  readonly ttlMs?: number;
  readonly maxEntries?: number;
}

/**
 * Authenticated sessions keyed by the SHA-256 of their token (never the token itself).
 * Freshness is measured on the injected clock, so tests that travel in time see entries age.
 */
export function createSessionCache<T>(clock: Clock, options: SessionCacheOptions = {}): SessionCache<T> {
  const ttlMs = options.ttlMs ?? sessionCacheTtlMs;
  const maxEntries = options.maxEntries ?? sessionCacheMaxEntries;
  if (!(ttlMs >= 0) || !Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new Error('session cache needs ttlMs >= 0 and maxEntries >= 1');
  }
  // Insertion order is age order: the first key is the oldest entry.
  const entries = new Map<string, Entry<T>>();
  let generation = 0;

  function forgetWhere(matches: (owner: SessionOwner) => boolean): void {
    generation += 1;
    // Rare (logout, disable, 2FA reset) against a bounded map, so a scan beats keeping indexes in step.
    for (const [key, entry] of entries) if (matches(entry.owner)) entries.delete(key);
  }

  return {
    get(tokenHash) {
      const entry = entries.get(tokenHash);
      if (entry === undefined) return undefined;
      const age = clock.now().getTime() - entry.storedAtMs;
      // A clock that went backwards makes the age meaningless: read again.
      if (age < 0 || age >= ttlMs) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry.value;
    },
    ticket: () => generation,
    set(tokenHash, value, owner, ticket) {
      if (ticket !== generation || ttlMs === 0) return;
      entries.delete(tokenHash);
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      entries.set(tokenHash, { value, owner, storedAtMs: clock.now().getTime() });
    },
    forgetSession: (sessionId) => forgetWhere((owner) => owner.sessionId === sessionId),
    forgetUser: (userId) => forgetWhere((owner) => owner.userId === userId),
    get size() {
      return entries.size;
    },
  };
}
