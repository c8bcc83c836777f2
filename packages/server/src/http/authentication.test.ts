import { totpCodeAt } from '../auth/totp.js';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

describe('sign-in, sessions and tokens', () => {
  let node: TestNode;
  let admin: SignedInUser;

  beforeAll(async () => {
    node = await TestNode.start();
    admin = await node.administrator();
  });
  afterAll(async () => node.stop());
  // Some tests travel past session timeouts; every test starts with a live administrator session.
  beforeEach(async () => {
    admin = await node.signIn(admin.username, admin.password, admin.totpSecret);
  });

  describe('bootstrap', () => {
    it('refuses a second bootstrap, even with the original token', async () => {
      const response = await node.call('POST', '/api/v1/bootstrap', {
        body: {
          token: node.bootstrapToken,
          username: 'intruder',
          displayName: 'Intruder',
          password: 'another long passphrase',
        },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'auth/bootstrap-already-done' });
    });

    it('made an administrator with the administrator role only', async () => {
      const response = await node.call('GET', '/api/v1/auth/session', { as: admin });
      expect(response.json()).toMatchObject({ user: { username: 'admin', roles: ['administrator'] }, via: 'session' });
    });
  });

  describe('sign-in', () => {
    it('answers unknown users, wrong passwords and disabled users identically', async () => {
      const officer = await node.user(admin, 'gone.officer', ['duty_officer']);
      await node.call('POST', `/api/v1/users/${officer.userId}/disable`, { as: admin });
      const attempts = [
        { username: 'nobody.here', password: 'whatever password 1' },
        { username: 'admin', password: 'wrong password entirely' },
        { username: 'gone.officer', password: officer.password },
      ];
      const answers = [];
      for (const attempt of attempts) {
        const response = await node.call('POST', '/api/v1/auth/login', { body: attempt });
        const { requestId: _id, ...body } = response.json<Record<string, unknown>>();
        answers.push({ status: response.statusCode, body });
      }
      expect(answers[0]?.status).toBe(401);
      expect(answers[0]?.body).toMatchObject({ code: 'auth/invalid-credentials' });
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    });

    it('asks for the one-time code once the password is right, and refuses a wrong one', async () => {
      node.clock.advance(30_000);
      const missing = await node.call('POST', '/api/v1/auth/login', {
        body: { username: admin.username, password: admin.password },
      });
      expect(missing.statusCode).toBe(401);
      expect(missing.json()).toMatchObject({ code: 'auth/totp-required' });
      const wrongCode = String((Number(totpCodeAt(admin.totpSecret, node.clock.now())) + 1) % 1_000_000).padStart(
        6,
        '0',
      );
      const wrong = await node.call('POST', '/api/v1/auth/login', {
        body: { username: admin.username, password: admin.password, totpCode: wrongCode },
      });
      expect(wrong.json()).toMatchObject({ code: 'auth/invalid-credentials' });
    });

    it('accepts a one-time code only once', async () => {
      node.clock.advance(30_000);
      const body = {
        username: admin.username,
        password: admin.password,
        totpCode: totpCodeAt(admin.totpSecret, node.clock.now()),
      };
      expect((await node.call('POST', '/api/v1/auth/login', { body })).statusCode).toBe(200);
      const replay = await node.call('POST', '/api/v1/auth/login', { body });
      expect(replay.statusCode).toBe(401);
      expect(replay.json()).toMatchObject({ code: 'auth/invalid-credentials' });
    });

    it('issues a new session token at every sign-in and sets a hardened cookie', async () => {
      node.clock.advance(30_000);
      const response = await node.call('POST', '/api/v1/auth/login', {
        body: {
          username: admin.username,
          password: admin.password,
          totpCode: totpCodeAt(admin.totpSecret, node.clock.now()),
        },
        headers: { cookie: admin.cookie },
      });
      const cookie = response.cookies.find((c) => c.name === '__Host-h247_session');
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
      expect(`${cookie?.name}=${cookie?.value}`).not.toBe(admin.cookie);
      expect(response.body).not.toContain(cookie?.value ?? 'no cookie');
    });

    it('requires TOTP enrolment before the first session, and the enrolment works once', async () => {
      await node.call('POST', '/api/v1/users', {
        as: admin,
        body: {
          username: 'new.officer',
          displayName: 'New',
          roles: ['duty_officer'],
          password: 'new officer passphrase',
        },
      });
      node.clock.advance(30_000);
      const first = await node.call('POST', '/api/v1/auth/login', {
        body: { username: 'new.officer', password: 'new officer passphrase' },
      });
      const enrolment = first.json<{ status: string; enrolmentToken: string; secret: string; otpauthUri: string }>();
      expect(enrolment.status).toBe('totp-enrolment-required');
      expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/hanoi247:new.officer\?/);
      expect(first.cookies).toHaveLength(0);
      const body = {
        enrolmentToken: enrolment.enrolmentToken,
        totpCode: totpCodeAt(enrolment.secret, node.clock.now()),
      };
      expect((await node.call('POST', '/api/v1/auth/totp/enrol', { body })).statusCode).toBe(200);
      const again = await node.call('POST', '/api/v1/auth/totp/enrol', { body });
      expect(again.json()).toMatchObject({ code: 'auth/enrolment-invalid' });
    });

    it('rate-limits attempts per address and username without touching other usernames', async () => {
      const limited = await TestNode.start({
        configure: (c) => ({ ...c, login: { maxAttemptsPerWindow: 3, windowSeconds: 900 } }),
      });
      try {
        const attempt = (username: string, headers: Record<string, string> = {}) =>
          limited.call('POST', '/api/v1/auth/login', { body: { username, password: 'a guessed password' }, headers });
        const statuses = [];
        for (let i = 0; i < 3; i += 1) statuses.push((await attempt('target.officer')).statusCode);
        expect(statuses).toEqual([401, 401, 401]);
        const blocked = await attempt('target.officer');
        expect(blocked.statusCode).toBe(429);
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
        expect(blocked.json()).toMatchObject({ code: 'request/rate-limited' });
        // trustProxy is off: a spoofed forwarding header must not reset the limit.
        expect((await attempt('target.officer', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(429);
        expect((await attempt('TARGET.officer ')).statusCode).toBe(429);
        // The key includes the username, so the real officer elsewhere is not locked out.
        expect((await attempt('someone.else')).statusCode).toBe(401);
      } finally {
        await limited.stop();
      }
    });
  });

  describe('sessions', () => {
    it('rejects a cookie-authenticated change without the CSRF token, and with a wrong one', async () => {
      const body = { name: 'ci', scopes: ['profile:read'], expiresInDays: 1 };
      const missing = await node.call('POST', '/api/v1/tokens', { as: admin, body, withoutCsrf: true });
      expect(missing.statusCode).toBe(403);
      expect(missing.json()).toMatchObject({ code: 'auth/csrf-token-invalid' });
      const wrong = await node.call('POST', '/api/v1/tokens', {
        as: admin,
        body,
        withoutCsrf: true,
        headers: { 'x-csrf-token': 'csrf_forged' },
      });
      expect(wrong.statusCode).toBe(403);
      const list = await node.call('GET', '/api/v1/tokens', { as: admin });
      expect(list.json<{ tokens: unknown[] }>().tokens).toHaveLength(0);
    });

    it('ends a session after the idle timeout', async () => {
      const officer = await node.user(admin, 'idle.officer', ['duty_officer']);
      node.clock.advance((node.config.session.idleTimeoutSeconds - 5) * 1000);
      expect((await node.call('GET', '/api/v1/auth/session', { as: officer })).statusCode).toBe(200);
      node.clock.advance((node.config.session.idleTimeoutSeconds - 5) * 1000);
      expect((await node.call('GET', '/api/v1/auth/session', { as: officer })).statusCode).toBe(200);
      node.clock.advance((node.config.session.idleTimeoutSeconds + 1) * 1000);
      const expired = await node.call('GET', '/api/v1/auth/session', { as: officer });
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ code: 'auth/session-expired' });
    });

    it('ends a session at the absolute timeout however active it is', async () => {
      const officer = await node.user(admin, 'busy.officer', ['duty_officer']);
      const step = Math.floor(node.config.session.idleTimeoutSeconds / 2) * 1000;
      let elapsed = 0;
      while (elapsed + step < node.config.session.absoluteTimeoutSeconds * 1000) {
        node.clock.advance(step);
        elapsed += step;
        expect((await node.call('GET', '/api/v1/auth/session', { as: officer })).statusCode).toBe(200);
      }
      node.clock.advance(step);
      expect((await node.call('GET', '/api/v1/auth/session', { as: officer })).json()).toMatchObject({
        code: 'auth/session-expired',
      });
    });

    it('logs out on the server side: the old cookie is dead', async () => {
      const officer = await node.user(admin, 'leaving.officer', ['duty_officer']);
      expect((await node.call('POST', '/api/v1/auth/logout', { as: officer })).statusCode).toBe(204);
      expect((await node.call('GET', '/api/v1/auth/session', { as: officer })).statusCode).toBe(401);
    });

    it('disabling an account kills its sessions at once', async () => {
      const officer = await node.user(admin, 'suspended.officer', ['duty_officer']);
      await node.call('POST', `/api/v1/users/${officer.userId}/disable`, { as: admin });
      expect((await node.call('GET', '/api/v1/auth/session', { as: officer })).statusCode).toBe(401);
    });
  });

  describe('API tokens', () => {
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    it('are scoped, shown once, and never grant more than asked', async () => {
      const created = await node.call('POST', '/api/v1/tokens', {
        as: admin,
        body: { name: 'monitoring', scopes: ['metrics:read'], expiresInDays: 30 },
      });
      expect(created.statusCode).toBe(201);
      const { token, record } = created.json<{ token: string; record: { id: string } }>();
      expect((await node.call('GET', '/metrics', { headers: bearer(token) })).statusCode).toBe(200);
      expect((await node.call('GET', '/api/v1/users', { headers: bearer(token) })).statusCode).toBe(403);
      const listed = await node.call('GET', '/api/v1/tokens', { as: admin });
      expect(listed.body).not.toContain(token);
      expect(listed.json<{ tokens: { id: string }[] }>().tokens.map((t) => t.id)).toContain(record.id);
    });

    it('cannot carry a permission the owner lacks', async () => {
      const response = await node.call('POST', '/api/v1/tokens', {
        as: admin,
        body: { name: 'greedy', scopes: ['audit:read'], expiresInDays: 1 },
      });
      expect(response.statusCode).toBe(403);
    });

    it('stop working when revoked or expired, and another user cannot revoke them', async () => {
      const auditor = await node.user(admin, 'token.auditor', ['auditor']);
      const make = async (days: number) =>
        (
          await node.call('POST', '/api/v1/tokens', {
            as: admin,
            body: { name: `t${days}`, scopes: ['profile:read'], expiresInDays: days },
          })
        ).json<{
          token: string;
          record: { id: string };
        }>();
      const revoked = await make(5);
      const notMine = await node.call('DELETE', `/api/v1/tokens/${revoked.record.id}`, { as: auditor });
      expect(notMine.statusCode).toBe(404);
      expect((await node.call('GET', '/api/v1/auth/session', { headers: bearer(revoked.token) })).statusCode).toBe(200);
      expect((await node.call('DELETE', `/api/v1/tokens/${revoked.record.id}`, { as: admin })).statusCode).toBe(204);
      expect((await node.call('GET', '/api/v1/auth/session', { headers: bearer(revoked.token) })).statusCode).toBe(401);
      const shortLived = await make(1);
      node.clock.advance(86_400_000 + 1000);
      expect((await node.call('GET', '/api/v1/auth/session', { headers: bearer(shortLived.token) })).statusCode).toBe(
        401,
      );
    });

    it('refuses a made-up or malformed bearer token', async () => {
      expect(
        (await node.call('GET', '/api/v1/auth/session', { headers: bearer('h247_madeupmadeupmadeupmadeup') }))
          .statusCode,
      ).toBe(401);
      expect(
        (await node.call('GET', '/api/v1/auth/session', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }))
          .statusCode,
      ).toBe(401);
    });
  });
});
