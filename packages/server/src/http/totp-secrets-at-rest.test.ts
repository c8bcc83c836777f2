import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../auth/totp.js';
import { storageKeyPath, storageKeyProvider } from '../evidence/storage-key.js';
import { storageKeyOnFirstNeed } from '../services/storage-key-on-first-need.js';
import { openNode } from '../node-runtime.js';
import { createTotpSecrets } from '../services/totp-secrets.js';

/** What an attacker with a database dump or write access sees and can do: never the base32 secret. */
describe('TOTP secrets encrypted at rest', () => {
  let node: TestNode;
  let admin: SignedInUser;

  const db = () => node.app.node.database.db;
  const storedUserSecret = async (userId: string): Promise<string | null> =>
    (await db().selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirstOrThrow())
      .totp_secret;
  const setUserSecret = async (userId: string, value: string): Promise<void> => {
    await db().updateTable('users').set({ totp_secret: value }).where('id', '=', userId).execute();
  };
  const login = async (user: SignedInUser, secret = user.totpSecret) => {
    node.clock.advance(30_000);
    return node.call('POST', '/api/v1/auth/login', {
      body: { username: user.username, password: user.password, totpCode: totpCodeAt(secret, node.clock.now()) },
    });
  };
  const failureReasons = async (userId: string): Promise<string[]> => {
    const rows = await db()
      .selectFrom('audit_entries')
      .select('details')
      .where('action', '=', 'auth.login-failed')
      .where('object_id', '=', userId)
      .orderBy('seq')
      .execute();
    return rows.map((row) => (JSON.parse(row.details) as { reason: string }).reason);
  };
  /** A process opening the node, as `serve` or any CLI command does at start. */
  const restart = async (): Promise<void> => {
    const reopened = await openNode(node.config, { clock: node.clock });
    await reopened.close();
  };

  beforeAll(async () => {
    node = await TestNode.start();
    admin = await node.administrator();
  });
  afterAll(async () => node.stop());

  it('enrols and signs in, keeping only v1: ciphertext in the users and enrolments tables', async () => {
    const officer = await node.user(admin, 'sealed.officer', ['duty_officer']);
    const again = await login(officer);
    expect(again.statusCode).toBe(200);
    const stored = await storedUserSecret(officer.userId);
    expect(stored).toMatch(/^v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(officer.totpSecret);
    const enrolments = await db()
      .selectFrom('totp_enrolments')
      .select('secret')
      .where('user_id', '=', officer.userId)
      .execute();
    expect(enrolments.length).toBeGreaterThan(0);
    for (const row of enrolments) {
      expect(row.secret).toMatch(/^v1:/);
      expect(row.secret).not.toContain(officer.totpSecret);
    }
  });

  it(
    'seals plaintext rows of an earlier version once at start, with one audit ' + 'entry, and they still work',
    async () => {
      const enrolled = await node.user(admin, 'legacy.officer', ['duty_officer']);
      const created = await node.call('POST', '/api/v1/users', {
        as: admin,
        body: {
          username: 'legacy.pending',
          displayName: 'Pending',
          roles: ['duty_officer'],
          password: 'a pending officer passphrase',
        },
      });
      expect(created.statusCode).toBe(201);
      const pendingId = created.json<{ id: string }>().id;
      const started = await node.call('POST', '/api/v1/auth/login', {
        body: { username: 'legacy.pending', password: 'a pending officer passphrase' },
      });
      const enrolment = started.json<{ status: string; secret: string; enrolmentToken: string }>();
      expect(enrolment.status).toBe('totp-enrolment-required');

      // The database as an earlier version left it: both secrets in the clear.
      await setUserSecret(enrolled.userId, enrolled.totpSecret);
      await db()
        .updateTable('totp_enrolments')
        .set({ secret: enrolment.secret })
        .where('user_id', '=', pendingId)
        .where('consumed_at', 'is', null)
        .execute();
      await restart();

      const users = await db().selectFrom('users').select('totp_secret').where('totp_secret', 'is not', null).execute();
      const enrolments = await db().selectFrom('totp_enrolments').select('secret').execute();
      for (const value of [...users.map((u) => u.totp_secret), ...enrolments.map((e) => e.secret)]) {
        expect(value).toMatch(/^v1:/);
      }
      expect(await storedUserSecret(enrolled.userId)).not.toContain(enrolled.totpSecret);
      const audit = await db()
        .selectFrom('audit_entries')
        .select(['actor_type', 'details'])
        .where('action', '=', 'auth.totp-secrets-sealed')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.actor_type).toBe('system');
      expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ users: 1, enrolments: 1 });

      expect((await login(enrolled)).statusCode).toBe(200);
      const confirmed = await node.call('POST', '/api/v1/auth/totp/enrol', {
        body: { enrolmentToken: enrolment.enrolmentToken, totpCode: totpCodeAt(enrolment.secret, node.clock.now()) },
      });
      expect(confirmed.statusCode).toBe(200);

      // Nothing is left in the clear, so a second start writes nothing and audits nothing.
      await restart();
      expect(
        await db().selectFrom('audit_entries').select('id').where('action', '=', 'auth.totp-secrets-sealed').execute(),
      ).toHaveLength(1);
    },
  );

  it('refuses a ciphertext copied to another user\u2019s row, even with the right code for it', async () => {
    const victim = await node.user(admin, 'aad.victim', ['duty_officer']);
    const thief = await node.user(admin, 'aad.thief', ['duty_officer']);
    await setUserSecret(thief.userId, (await storedUserSecret(victim.userId)) ?? '');
    const withVictimCode = await login(thief, victim.totpSecret);
    expect(withVictimCode.statusCode).toBe(401);
    expect(withVictimCode.json()).toMatchObject({ code: 'auth/invalid-credentials' });
    expect((await login(thief)).statusCode).toBe(401);
    expect(await failureReasons(thief.userId)).toEqual(['totp-secret-unreadable', 'totp-secret-unreadable']);
    expect((await login(victim)).statusCode).toBe(200);
  });

  it('answers a tampered ciphertext like a wrong code, audits why, and keeps serving', async () => {
    const officer = await node.user(admin, 'tampered.officer', ['duty_officer']);
    node.clock.advance(30_000);
    const wrongCode = await node.call('POST', '/api/v1/auth/login', {
      body: { username: officer.username, password: officer.password, totpCode: '000000' },
    });
    const stored = (await storedUserSecret(officer.userId)) ?? '';
    const last = stored.at(-2) === 'A' ? 'B' : 'A';
    await setUserSecret(officer.userId, `${stored.slice(0, -2)}${last}${stored.slice(-1)}`);

    const tampered = await login(officer);
    expect(tampered.statusCode).toBe(401);
    const { requestId: _a, ...tamperedBody } = tampered.json<Record<string, unknown>>();
    const { requestId: _b, ...wrongCodeBody } = wrongCode.json<Record<string, unknown>>();
    expect(tamperedBody).toEqual(wrongCodeBody);
    expect(await failureReasons(officer.userId)).toEqual(['wrong-totp', 'totp-secret-unreadable']);

    expect((await node.call('GET', '/api/v1/auth/session', { as: admin })).statusCode).toBe(200);
    expect((await login(admin)).statusCode).toBe(200);
  });

  it('refuses an enrolment whose pending secret was altered, naming the user in the audit log', async () => {
    const created = await node.call('POST', '/api/v1/users', {
      as: admin,
      body: {
        username: 'tampered.pending',
        displayName: 'Pending',
        roles: ['duty_officer'],
        password: 'another pending passphrase',
      },
    });
    const userId = created.json<{ id: string }>().id;
    const started = (
      await node.call('POST', '/api/v1/auth/login', {
        body: { username: 'tampered.pending', password: 'another pending passphrase' },
      })
    ).json<{ secret: string; enrolmentToken: string }>();
    const victim = (await storedUserSecret(admin.userId)) ?? '';
    await db()
      .updateTable('totp_enrolments')
      .set({ secret: victim })
      .where('user_id', '=', userId)
      .where('consumed_at', 'is', null)
      .execute();
    const confirmed = await node.call('POST', '/api/v1/auth/totp/enrol', {
      body: { enrolmentToken: started.enrolmentToken, totpCode: totpCodeAt(admin.totpSecret, node.clock.now()) },
    });
    expect(confirmed.statusCode).toBe(401);
    expect(confirmed.json()).toMatchObject({ code: 'auth/invalid-credentials' });
    const audited = await db()
      .selectFrom('audit_entries')
      .select(['actor_name', 'details'])
      .where('action', '=', 'auth.login-failed')
      .where('object_id', '=', userId)
      .execute();
    expect(audited.map((row) => [row.actor_name, (JSON.parse(row.details) as { reason: string }).reason])).toEqual([
      ['tampered.pending', 'totp-secret-unreadable'],
    ]);
  });

  it('never makes a new key while sealed secrets exist, and opens nothing without one', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'h247-no-key-'));
    try {
      const secrets = createTotpSecrets({ db: db(), keys: storageKeyProvider(emptyDir) });
      expect(await secrets.opener()).toBeNull();
      await expect(secrets.sealer()).rejects.toMatchObject({ code: 'evidence/storage-key-missing' });
      // Evidence, the key's other user, must not make one either: it would orphan every second factor.
      await expect(storageKeyOnFirstNeed(db(), storageKeyProvider(emptyDir))).rejects.toMatchObject({
        code: 'evidence/storage-key-missing',
      });
      expect(existsSync(storageKeyPath(emptyDir))).toBe(false);
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });

  it('lets an administrator reset the second factor of a row that no longer opens', async () => {
    const officer = await node.user(admin, 'reset.officer', ['duty_officer']);
    await setUserSecret(officer.userId, 'v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect((await login(officer)).statusCode).toBe(401);
    expect((await node.call('POST', `/api/v1/users/${officer.userId}/reset-totp`, { as: admin })).statusCode).toBe(200);
    const reenrolled = await node.signIn(officer.username, officer.password);
    expect(reenrolled.totpSecret).not.toBe(officer.totpSecret);
    expect(await storedUserSecret(officer.userId)).toMatch(/^v1:/);
  });
});
