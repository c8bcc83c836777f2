import { ManualClock, auditEntryDigest, canonicalAuditEntry, type AuditEntry } from '@hanoi247/core';
import { createTestDatabase, testBackends, type TestDatabase } from '@hanoi247/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenRepository } from '../repositories/api-token.repository.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { jobRepository } from '../repositories/job.repository.js';
import { bootstrapTokenRepository } from '../repositories/one-time-token.repository.js';
import { sessionRepository } from '../repositories/session.repository.js';
import { userRepository, type UserRecord } from '../repositories/user.repository.js';
import { migrateToLatest } from './migrate.js';
import { openDatabase, type DatabaseHandle } from './open-database.js';

/**
 * One suite, every engine: the same repository calls must give the same answers on
 * SQLite and PostgreSQL (Trillian's storage tester pattern). A fresh database per file.
 */
describe.each(testBackends())('storage conformance on %s', (backend) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let counter = 0;
  const clock = new ManualClock('2026-11-01T00:00:00.000Z');

  const user = (overrides: Partial<UserRecord> = {}): UserRecord => {
    counter += 1;
    return {
      id: `00000000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
      username: `officer${counter}`,
      displayName: `Officer ${counter} — Cán bộ trực ${counter}`,
      roles: ['duty_officer'],
      passwordHash: '$argon2id$stub',
      totpSecret: null,
      totpLastStep: null,
      status: 'active',
      createdAt: clock.now().toISOString(),
      updatedAt: clock.now().toISOString(),
      ...overrides,
    };
  };

  const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => {
    counter += 1;
    return {
      id: `00000000-0000-7000-9000-${String(counter).padStart(12, '0')}`,
      occurredAt: clock.now().toISOString(),
      actorType: 'user',
      actorId: null,
      actorName: 'auditor',
      action: 'user.created',
      objectType: 'user',
      objectId: `obj-${counter}`,
      purpose: null,
      outcome: 'success',
      requestId: null,
      details: { note: 'ghi chú ✓', n: counter },
      ...overrides,
    };
  };

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    handle = openDatabase(database);
    await migrateToLatest(handle);
  });

  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('reports the engine it opened', () => {
    expect(handle.dialect).toBe(backend);
  });

  it('migrating again applies nothing and keeps the version', async () => {
    const again = await migrateToLatest(handle);
    expect(again.applied).toEqual([]);
    expect(again.current).toBe('0014-citizen-reports');
  });

  it('round-trips a user exactly, including Vietnamese text and role lists', async () => {
    const record = user({ roles: ['supervisor', 'central_authority_officer'] });
    await userRepository.insert(handle.db, record);
    expect(await userRepository.findById(handle.db, record.id)).toEqual(record);
    expect(await userRepository.findByUsername(handle.db, record.username)).toEqual(record);
  });

  it('refuses a second user with the same username', async () => {
    const first = user();
    await userRepository.insert(handle.db, first);
    await expect(userRepository.insert(handle.db, { ...user(), username: first.username })).rejects.toThrow();
  });

  it('rolls back every write of a failed transaction', async () => {
    const record = user();
    await expect(
      handle.db.transaction().execute(async (tx) => {
        await userRepository.insert(tx, record);
        await auditRepository.append(tx, entry({ objectId: record.id }));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await userRepository.findById(handle.db, record.id)).toBeUndefined();
    expect(await auditRepository.list(handle.db, { objectId: record.id, limit: 10 })).toEqual([]);
  });

  it('accepts each TOTP step once and never an older one', async () => {
    const record = user();
    await userRepository.insert(handle.db, record);
    expect(await userRepository.advanceTotpStep(handle.db, record.id, 1000)).toBe(true);
    expect(await userRepository.advanceTotpStep(handle.db, record.id, 1000)).toBe(false);
    expect(await userRepository.advanceTotpStep(handle.db, record.id, 999)).toBe(false);
    expect(await userRepository.advanceTotpStep(handle.db, record.id, 1001)).toBe(true);
    expect((await userRepository.findById(handle.db, record.id))?.totpLastStep).toBe(1001);
  });

  it('counts active administrators only', async () => {
    const before = await userRepository.countActiveWithRole(handle.db, 'administrator');
    await userRepository.insert(handle.db, user({ roles: ['administrator'] }));
    await userRepository.insert(handle.db, user({ roles: ['administrator', 'auditor'], status: 'disabled' }));
    expect(await userRepository.countActiveWithRole(handle.db, 'administrator')).toBe(before + 1);
  });

  it('stores audit entries with their canonical form and digest, newest first', async () => {
    const objectId = `paging-${backend}`;
    const written: AuditEntry[] = [];
    for (let i = 0; i < 5; i += 1) {
      clock.advance(1000);
      const e = entry({ objectId, objectType: 'session' });
      written.push(e);
      await auditRepository.append(handle.db, e);
    }
    const page1 = await auditRepository.list(handle.db, { objectId, limit: 3 });
    expect(page1.map((e) => e.id)).toEqual(
      written
        .slice(-3)
        .reverse()
        .map((e) => e.id),
    );
    const page2 = await auditRepository.list(handle.db, { objectId, limit: 3, beforeSeq: page1.at(-1)!.seq });
    expect(page2.map((e) => e.id)).toEqual(
      written
        .slice(0, 2)
        .reverse()
        .map((e) => e.id),
    );
    for (const stored of [...page1, ...page2]) {
      const original = written.find((w) => w.id === stored.id)!;
      expect(stored.canonical).toBe(canonicalAuditEntry(original));
      expect(stored.digest).toBe(auditEntryDigest(stored.canonical));
      expect(stored.details).toEqual(original.details);
    }
  });

  it('filters audit entries by action, actor and time window', async () => {
    const actorId = `actor-${backend}`;
    const from = clock.now().toISOString();
    clock.advance(1000);
    await auditRepository.append(handle.db, entry({ actorId, action: 'auth.login-succeeded' }));
    clock.advance(1000);
    await auditRepository.append(handle.db, entry({ actorId, action: 'auth.logged-out' }));
    const to = clock.now().toISOString();
    clock.advance(1000);
    await auditRepository.append(handle.db, entry({ actorId, action: 'auth.logged-out' }));
    expect(await auditRepository.list(handle.db, { actorId, action: 'auth.logged-out', limit: 10 })).toHaveLength(2);
    expect(await auditRepository.list(handle.db, { actorId, from, to, limit: 10 })).toHaveLength(1);
  });

  it('refuses to update or delete audit entries, even with raw SQL', async () => {
    const e = entry();
    await auditRepository.append(handle.db, e);
    await expect(
      sql`UPDATE audit_entries SET actor_name = 'forger' WHERE id = ${e.id}`.execute(handle.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_entries WHERE id = ${e.id}`.execute(handle.db)).rejects.toThrow(/append-only/);
    const [stored] = await auditRepository.list(handle.db, { objectId: e.objectId ?? '', limit: 1 });
    expect(stored?.actorName).toBe('auditor');
  });

  it('finds sessions by token hash and revokes all of a user', async () => {
    const owner = user();
    await userRepository.insert(handle.db, owner);
    const base = {
      userId: owner.id,
      csrfToken: 'csrf',
      createdAt: clock.now().toISOString(),
      lastSeenAt: clock.now().toISOString(),
      idleExpiresAt: '2026-12-01T00:00:00.000Z',
      absoluteExpiresAt: '2026-12-01T00:00:00.000Z',
      revokedAt: null,
    };
    await sessionRepository.insert(handle.db, { ...base, id: `s1-${backend}` }, `hash-1-${backend}`);
    await sessionRepository.insert(handle.db, { ...base, id: `s2-${backend}` }, `hash-2-${backend}`);
    expect((await sessionRepository.findByTokenHash(handle.db, `hash-1-${backend}`))?.id).toBe(`s1-${backend}`);
    expect(await sessionRepository.revokeAllForUser(handle.db, owner.id, '2026-11-02T00:00:00.000Z')).toBe(2);
    expect((await sessionRepository.findByTokenHash(handle.db, `hash-2-${backend}`))?.revokedAt).toBe(
      '2026-11-02T00:00:00.000Z',
    );
    expect(await sessionRepository.revokeAllForUser(handle.db, owner.id, '2026-11-03T00:00:00.000Z')).toBe(0);
  });

  it(
    'reads a session with its user (never the TOTP secret or password hash) ' +
      'in one precompiled query, also inside a transaction',
    async () => {
      const owner = user({ roles: ['supervisor', 'auditor'], totpSecret: 'v1:sealed-secret', totpLastStep: 42 });
      const { totpSecret: _secret, passwordHash: _hash, ...account } = owner;
      await userRepository.insert(handle.db, owner);
      const session = {
        id: `sj-${backend}`,
        userId: owner.id,
        csrfToken: 'csrf-joined',
        createdAt: '2026-11-01T00:00:00.000Z',
        lastSeenAt: '2026-11-01T00:05:00.000Z',
        idleExpiresAt: '2026-11-01T00:35:00.000Z',
        absoluteExpiresAt: '2026-11-01T12:00:00.000Z',
        revokedAt: null,
      };
      await sessionRepository.insert(handle.db, session, `hash-joined-${backend}`);
      // Twice: the first call compiles the query for this engine, the second reuses it.
      for (let i = 0; i < 2; i += 1) {
        expect(await sessionRepository.findWithUserByTokenHash(handle.db, `hash-joined-${backend}`)).toStrictEqual({
          session,
          user: account,
        });
      }
      expect(await sessionRepository.findWithUserByTokenHash(handle.db, `no-such-hash-${backend}`)).toBeUndefined();
      await handle.db.transaction().execute(async (tx) => {
        await userRepository.setStatus(tx, owner.id, 'disabled', '2026-11-01T01:00:00.000Z');
        const inside = await sessionRepository.findWithUserByTokenHash(tx, `hash-joined-${backend}`);
        expect(inside?.user).toMatchObject({ id: owner.id, status: 'disabled', updatedAt: '2026-11-01T01:00:00.000Z' });
        expect(inside?.session.id).toBe(session.id);
      });
    },
  );

  it('scopes API token lookups to their owner', async () => {
    const owner = user();
    const other = user();
    await userRepository.insert(handle.db, owner);
    await userRepository.insert(handle.db, other);
    const token = {
      id: `t-${backend}`,
      userId: owner.id,
      name: 'provider integration',
      scopes: ['profile:read', 'node:read'] as const,
      createdAt: clock.now().toISOString(),
      expiresAt: '2027-01-01T00:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    };
    await apiTokenRepository.insert(handle.db, { ...token, scopes: [...token.scopes] }, `token-hash-${backend}`);
    expect((await apiTokenRepository.findOwned(handle.db, owner.id, token.id))?.scopes).toEqual([
      'profile:read',
      'node:read',
    ]);
    expect(await apiTokenRepository.findOwned(handle.db, other.id, token.id)).toBeUndefined();
  });

  it('lets exactly one of two concurrent consumers use a bootstrap token', async () => {
    const id = `b-${backend}`;
    await bootstrapTokenRepository.insert(
      handle.db,
      { id, createdAt: clock.now().toISOString(), expiresAt: '2027-01-01T00:00:00.000Z', consumedAt: null },
      `bt-${backend}`,
    );
    const results = await Promise.all([
      handle.db.transaction().execute((tx) => bootstrapTokenRepository.consume(tx, id, '2026-11-05T00:00:00.000Z')),
      handle.db.transaction().execute((tx) => bootstrapTokenRepository.consume(tx, id, '2026-11-05T00:00:01.000Z')),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  describe('durable jobs', () => {
    const t = (minutes: number) => new Date(Date.parse('2026-11-02T00:00:00.000Z') + minutes * 60_000).toISOString();
    const job = (id: string, runAt: string) => ({
      id,
      kind: 'production-offer',
      payload: { orderId: id, evidenceIds: ['e-1', 'e-2'], note: 'bằng chứng ✓' },
      runAt,
      createdAt: t(0),
    });

    it('round-trips a job and lists only pending ones that are due, oldest first', async () => {
      await jobRepository.insert(handle.db, job(`j1-${backend}`, t(5)));
      await jobRepository.insert(handle.db, job(`j2-${backend}`, t(1)));
      await jobRepository.insert(handle.db, job(`j3-${backend}`, t(60)));
      expect(await jobRepository.find(handle.db, `j1-${backend}`)).toEqual({
        id: `j1-${backend}`,
        kind: 'production-offer',
        payload: { orderId: `j1-${backend}`, evidenceIds: ['e-1', 'e-2'], note: 'bằng chứng ✓' },
        state: 'pending',
        attempts: 0,
        runAt: t(5),
        leaseToken: null,
        leasedUntil: null,
        errorCode: null,
        errorDetail: null,
        createdAt: t(0),
        updatedAt: t(0),
        finishedAt: null,
      });
      expect((await jobRepository.due(handle.db, t(10), 10)).map((c) => c.id)).toEqual([
        `j2-${backend}`,
        `j1-${backend}`,
      ]);
    });

    it('lets exactly one of two concurrent claims take a job, and fences every later write by its token', async () => {
      const [candidate] = (await jobRepository.due(handle.db, t(10), 10)).filter((c) => c.id === `j2-${backend}`);
      const claims = await Promise.all(
        ['token-a', 'token-b'].map((token) =>
          handle.db.transaction().execute((tx) => jobRepository.claim(tx, candidate!, token, t(10), t(12))),
        ),
      );
      const won = claims.filter((c) => c !== undefined);
      expect(won).toHaveLength(1);
      expect(won[0]).toMatchObject({ attempts: 1, leasedUntil: t(12) });
      const winner = won[0]!.leaseToken!;
      const loser = winner === 'token-a' ? 'token-b' : 'token-a';
      // Leased: not due for anyone else until the lease runs out.
      expect((await jobRepository.due(handle.db, t(11), 10)).map((c) => c.id)).not.toContain(`j2-${backend}`);
      expect(await jobRepository.complete(handle.db, `j2-${backend}`, loser, t(11))).toBe(false);
      const failure = { code: 'storage/unavailable', detail: 'x'.repeat(2000) };
      expect(await jobRepository.retryLater(handle.db, `j2-${backend}`, loser, t(20), failure, t(11))).toBe(false);
      expect(await jobRepository.retryLater(handle.db, `j2-${backend}`, winner, t(20), failure, t(11))).toBe(true);
      expect(await jobRepository.find(handle.db, `j2-${backend}`)).toMatchObject({
        state: 'pending',
        runAt: t(20),
        leasedUntil: null,
        errorCode: 'storage/unavailable',
        errorDetail: 'x'.repeat(1000),
      });
    });

    it('takes back a job whose lease ran out, and refuses the stale run\u2019s outcome', async () => {
      const id = `j1-${backend}`;
      const [first] = (await jobRepository.due(handle.db, t(10), 10)).filter((c) => c.id === id);
      expect(await jobRepository.claim(handle.db, first!, 'run-1', t(10), t(12))).toBeDefined();
      // A second claim from the same sighting loses: the token it saw is gone.
      expect(await jobRepository.claim(handle.db, first!, 'run-x', t(13), t(15))).toBeUndefined();
      const [again] = (await jobRepository.due(handle.db, t(13), 10)).filter((c) => c.id === id);
      expect(again).toEqual({ id, leaseToken: 'run-1' });
      expect(await jobRepository.claim(handle.db, again!, 'run-2', t(13), t(15))).toMatchObject({ attempts: 2 });
      expect(await jobRepository.fail(handle.db, id, 'run-1', { code: 'auth/forbidden', detail: 'no' }, t(14))).toBe(
        false,
      );
      expect(await jobRepository.complete(handle.db, id, 'run-2', t(14))).toBe(true);
      expect(await jobRepository.find(handle.db, id)).toMatchObject({ state: 'done', finishedAt: t(14) });
      expect(await jobRepository.complete(handle.db, id, 'run-2', t(14))).toBe(false);
    });

    it('marks a job failed with its code and counts jobs by kind and state', async () => {
      const id = `j3-${backend}`;
      const [candidate] = (await jobRepository.due(handle.db, t(60), 10)).filter((c) => c.id === id);
      await jobRepository.claim(handle.db, candidate!, 'run-f', t(60), t(62));
      expect(await jobRepository.fail(handle.db, id, 'run-f', { code: 'auth/forbidden', detail: 'no' }, t(61))).toBe(
        true,
      );
      expect(await jobRepository.find(handle.db, id)).toMatchObject({ state: 'failed', errorCode: 'auth/forbidden' });
      expect((await jobRepository.counts(handle.db)).sort((a, b) => a.state.localeCompare(b.state))).toEqual([
        { kind: 'production-offer', state: 'done', count: 1 },
        { kind: 'production-offer', state: 'failed', count: 1 },
        { kind: 'production-offer', state: 'pending', count: 1 },
      ]);
    });
  });
});
