/** What a committed transaction wrote that something else in this process is waiting for. */
export type CommitTopic = 'federation' | 'requests' | 'jobs';

export type CommitListener = () => void;

/**
 * The one after-commit hook of a node process. A service announces what its transaction wrote
 * only once it has committed: announcing from inside would let the listener read before the rows
 * are visible. The federation job listens for 'federation' (deliver or fetch now), the live change
 * feed for 'requests' (read request_events now), the durable job runner for 'jobs' (run due jobs
 * now). Listeners only schedule work and must not throw:
 * the change they hear of is already committed, and the caller's reply must not turn into an error.
 */
export interface CommitHook {
  committed(...topics: readonly CommitTopic[]): void;
  /** Returns the unsubscribe function. */
  on(topic: CommitTopic, listener: CommitListener): () => void;
}

export function createCommitHook(): CommitHook {
  const listeners: Record<CommitTopic, Set<CommitListener>> = {
    federation: new Set(),
    requests: new Set(),
    jobs: new Set(),
  };
  return {
    committed(...topics) {
      // A listener of two announced topics still runs once.
      const due = new Set(topics.flatMap((topic) => [...listeners[topic]]));
      for (const listener of due) listener();
    },
    on(topic, listener) {
      listeners[topic].add(listener);
      return () => {
        listeners[topic].delete(listener);
      };
    },
  };
}
