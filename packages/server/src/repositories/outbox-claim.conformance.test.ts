import { createTestDatabase, testBackends, type TestDatabase } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import { openDatabase, type DatabaseHandle } from '../db/open-database.js';
import { outboxRepository, type OutboxRecord } from './outbox.repository.js';

/**
 * The dispatcher's claim on an outbox message, on every engine: of two runs that saw the same
 * pending message (in one process or in two on one database), exactly one may send it.
 */
describe.each(testBackends())('outbox claim on %s', (backend) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  const t = (minutes: number) => new Date(Date.parse('2026-11-02T00:00:00.000Z') + minutes * 60_000).toISOString();
  const message = (messageId: string): OutboxRecord => ({
    messageId,
    toCountry: 'SG',
    type: 'request.submit',
    requestId: null,
    envelope: '{}',
    envelopeDigest: 'digest',
    status: 'pending',
    priorityRank: 1,
    attempts: 0,
    nextAttemptAt: t(0),
    lastError: null,
    receipt: null,
    createdAt: t(0),
    deliveredAt: null,
  });
  const retry = { attempts: 1, nextAttemptAt: t(5), error: 'HTTP 503', failed: false };

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    handle = openDatabase(database);
    await migrateToLatest(handle);
  });
  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('lets exactly one of two concurrent claims take a message, and only the winner records the attempt', async () => {
    const seen = message(`m1-${backend}`);
    await outboxRepository.insert(handle.db, seen);
    const claims = await Promise.all(
      ['token-a', 'token-b'].map((token) =>
        handle.db.transaction().execute(async (tx) => {
          const won = await outboxRepository.claim(tx, seen, token, t(1), t(6));
          return won ? token : null;
        }),
      ),
    );
    const winners = claims.filter((c) => c !== null);
    expect(winners).toHaveLength(1);
    const loser = winners[0] === 'token-a' ? 'token-b' : 'token-a';
    expect(await outboxRepository.markRetry(handle.db, seen.messageId, loser, retry)).toBe(false);
    expect(await outboxRepository.markRetry(handle.db, seen.messageId, winners[0]!, retry)).toBe(true);
    // Recorded since it was read: a run still holding the old sighting no longer gets it.
    expect(await outboxRepository.claim(handle.db, seen, 'token-c', t(2), t(7))).toBe(false);
    expect(await outboxRepository.claim(handle.db, { ...seen, attempts: 1 }, 'token-c', t(2), t(7))).toBe(true);
  });

  it('takes back a message whose lease ran out, and frees one given back unsent', async () => {
    const seen = message(`m2-${backend}`);
    await outboxRepository.insert(handle.db, seen);
    expect(await outboxRepository.claim(handle.db, seen, 'run-1', t(1), t(6))).toBe(true);
    expect(await outboxRepository.claim(handle.db, seen, 'run-2', t(5), t(10))).toBe(false);
    // The first run died mid-send: after its lease, another run may send the message.
    expect(await outboxRepository.claim(handle.db, seen, 'run-2', t(6), t(11))).toBe(true);
    await outboxRepository.release(handle.db, seen.messageId, 'run-1');
    expect(await outboxRepository.claim(handle.db, seen, 'run-3', t(7), t(12))).toBe(false);
    await outboxRepository.release(handle.db, seen.messageId, 'run-2');
    expect(await outboxRepository.claim(handle.db, seen, 'run-3', t(7), t(12))).toBe(true);
    expect(await outboxRepository.markDelivered(handle.db, seen.messageId, 'receipt', t(8))).toBe(true);
    expect(await outboxRepository.claim(handle.db, seen, 'run-4', t(20), t(25))).toBe(false);
  });
});
