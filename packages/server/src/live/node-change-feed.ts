import type { Db } from '../db/database-schema.js';
import { liveEventRepository } from '../repositories/live-event.repository.js';
import { ChangeFeed } from './change-feed.js';

/**
 * The node's feed over its own database. 200 ms keeps an answer's arrival in an open inbox
 * well under a second while costing one indexed query per tick, and only while a stream is open.
 */
export function nodeChangeFeed(db: Db, onError: (error: unknown) => void): ChangeFeed {
  return new ChangeFeed(
    { latestSeq: () => liveEventRepository.latestSeq(db), after: (seq, missing, limit) => liveEventRepository.after(db, seq, missing, limit) },
    { intervalMs: 200, batchSize: 500, gapWaitMs: 10_000, onError },
  );
}
