import type { Db } from '../db/database-schema.js';
import { liveEventRepository } from '../repositories/live-event.repository.js';
import { ChangeFeed } from './change-feed.js';

/**
 * The node's feed over its own database. Commits in this process nudge it (see app.ts); the
 * 200 ms interval is for changes other processes commit, keeping their arrival in an open inbox
 * well under a second for one indexed query per tick, and only while a stream is open.
 */
export function nodeChangeFeed(db: Db, onError: (error: unknown) => void, intervalMs = 200): ChangeFeed {
  return new ChangeFeed(
    {
      latestSeq: () => liveEventRepository.latestSeq(db),
      after: (seq, missing, limit) => liveEventRepository.after(db, seq, missing, limit),
    },
    { intervalMs, batchSize: 500, gapWaitMs: 10_000, onError },
  );
}
