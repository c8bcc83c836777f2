import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { totpCodeAt } from '@hanoi247/server';
import { ServeProcess } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Session {
  cookie: string;
  csrfToken: string;
}

/** Drives the real `hanoi247 serve` process over HTTP, as a newcomer following the README would. */
describe('hanoi247 serve, end to end', () => {
  let dataDir: string;
  let serve: ServeProcess;
  let url: string;
  const args = () => [
    '--data',
    dataDir,
    '--country',
    'VN',
    '--node-name',
    'Viet Nam e2e',
    '--port',
    '0',
    '--log-level',
    'warn',
  ];

  const call = async (method: string, path: string, options: { body?: unknown; session?: Session } = {}) => {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.session !== undefined) {
      headers['cookie'] = options.session.cookie;
      headers['x-csrf-token'] = options.session.csrfToken;
    }
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>),
    };
  };

  /** First sign-in: password, then enrol the authenticator the node hands out. */
  const signInFirstTime = async (username: string, password: string): Promise<Session> => {
    const first = await call('POST', '/api/v1/auth/login', { body: { username, password } });
    expect(first.body).toMatchObject({ status: 'totp-enrolment-required' });
    const { enrolmentToken, secret } = first.body as { enrolmentToken: string; secret: string };
    const enrolled = await fetch(`${url}/api/v1/auth/totp/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enrolmentToken, totpCode: totpCodeAt(secret, new Date()) }),
    });
    expect(enrolled.status).toBe(200);
    const setCookie = enrolled.headers.getSetCookie().find((c) => c.startsWith('__Host-h247_session='));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const body = (await enrolled.json()) as { csrfToken: string };
    return { cookie: (setCookie ?? '').split(';')[0] ?? '', csrfToken: body.csrfToken };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'h247-e2e-'));
    ({ process: serve, url } = await ServeProcess.start(args()));
  });
  afterAll(async () => {
    await serve.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let admin: Session;
  let officerId: string;

  it('prints a one-time bootstrap token and creates the first administrator with it', async () => {
    const token = /(h247b_[A-Za-z0-9_-]{43})/.exec(serve.output)?.[1];
    expect(token).toBeDefined();
    const created = await call('POST', '/api/v1/bootstrap', {
      body: { token, username: 'admin', displayName: 'Quản trị viên', password: 'e2e chief of node passphrase' },
    });
    expect(created.status).toBe(201);
    const again = await call('POST', '/api/v1/bootstrap', {
      body: { token, username: 'admin2', displayName: 'x', password: 'another passphrase!' },
    });
    expect(again.status).toBe(409);
  });

  it('signs the administrator in with password and TOTP', async () => {
    admin = await signInFirstTime('admin', 'e2e chief of node passphrase');
    const session = await call('GET', '/api/v1/auth/session', { session: admin });
    expect(session.body).toMatchObject({ user: { username: 'admin', roles: ['administrator'] } });
  });

  it('creates a duty officer and reads the user list through an authenticated route', async () => {
    const created = await call('POST', '/api/v1/users', {
      session: admin,
      body: {
        username: 'duty.hanoi',
        displayName: 'Trực ban Hà Nội',
        roles: ['duty_officer'],
        password: 'duty officer passphrase',
      },
    });
    expect(created.status).toBe(201);
    officerId = (created.body as { id: string }).id;
    const users = await call('GET', '/api/v1/users', { session: admin });
    expect((users.body as { users: { username: string }[] }).users.map((u) => u.username)).toEqual([
      'admin',
      'duty.hanoi',
    ]);
    expect((await call('GET', '/api/v1/users')).status).toBe(401);
  });

  it('shuts down gracefully and comes back with everything still there', async () => {
    expect(await serve.stop()).toBe(0);
    ({ process: serve, url } = await ServeProcess.start(args()));
    expect(serve.output).not.toMatch(/h247b_/);
    const users = await call('GET', '/api/v1/users', { session: admin });
    expect(users.status).toBe(200);
    expect((users.body as { users: { id: string }[] }).users.map((u) => u.id)).toContain(officerId);
    const officer = await signInFirstTime('duty.hanoi', 'duty officer passphrase');
    const me = await call('GET', '/api/v1/auth/session', { session: officer });
    expect(me.body).toMatchObject({ user: { username: 'duty.hanoi', roles: ['duty_officer'] } });
    expect((await call('GET', '/api/v1/users', { session: officer })).status).toBe(403);
  });

  it(
    'answers what no route sees (bad URL encoding, oversized headers) as problem ' +
      'details with the security headers',
    async () => {
      const answers = [
        { response: await fetch(`${url}/api/v1/requests/%ZZ`), status: 400, code: 'request/bad-url' },
        {
          response: await fetch(`${url}/healthz`, { headers: { 'x-padding': 'p'.repeat(20 * 1024) } }),
          status: 431,
          code: 'request/headers-too-large',
        },
      ];
      for (const { response, status, code } of answers) {
        expect(response.status).toBe(status);
        expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        const body = (await response.json()) as { code: string; requestId: string };
        expect(body.code).toBe(code);
        expect(response.headers.get('x-request-id')).toBe(body.requestId);
      }
    },
  );

  it('serves the web page, readiness and API docs', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('hanoi247');
    expect((await call('GET', '/readyz')).body).toEqual({ status: 'ready' });
    expect((await fetch(`${url}/api/v1/docs/`)).status).toBe(200);
  });
});
