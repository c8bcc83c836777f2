import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every class of bad input gets a 4xx problem answer naming what was wrong, and
 * nothing is written: the user count and audit count are unchanged afterwards.
 */
describe('bad input', () => {
  let node: TestNode;
  let admin: SignedInUser;
  const valid = {
    username: 'valid.officer',
    displayName: 'Valid Officer',
    roles: ['duty_officer'],
    password: 'a valid long passphrase',
  };

  const raw = (payload: string, contentType = 'application/json', extra: Record<string, string> = {}) =>
    node.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload,
      headers: { 'content-type': contentType, cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, ...extra },
    });

  const counts = async () => {
    const db = node.app.node.database.db;
    const users = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const audit = await db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return { users: Number(users.n), audit: Number(audit.n) };
  };

  const expectProblem = (
    response: { statusCode: number; headers: Record<string, unknown>; json: <T>() => T },
    status: number,
    code: string,
  ) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json<{
      code: string;
      status: number;
      type: string;
      requestId: string;
      detail: string;
      errors?: { path: string; message: string; in?: string }[];
    }>();
    expect(body).toMatchObject({ code, status, type: `urn:hanoi247:problem:${code}` });
    expect(body.requestId).toBe(response.headers['x-request-id']);
    return body;
  };

  beforeAll(async () => {
    node = await TestNode.start({ configure: (c) => ({ ...c, http: { ...c.http, bodyLimitBytes: 4096 } }) });
    admin = await node.administrator();
  });
  afterAll(async () => node.stop());

  it('malformed JSON', async () => {
    const before = await counts();
    expectProblem(await raw('{"username": "x",'), 400, 'request/malformed-json');
    expect(await counts()).toEqual(before);
  });

  it('unknown or extra fields, named in the answer', async () => {
    const before = await counts();
    const body = expectProblem(
      await raw(JSON.stringify({ ...valid, status: 'approved' })),
      400,
      'request/validation-failed',
    );
    expect(body.errors).toContainEqual(expect.objectContaining({ path: '/status', in: 'body' }));
    expect(await counts()).toEqual(before);
  });

  it('wrong types, named in the answer', async () => {
    const body = expectProblem(
      await raw(JSON.stringify({ ...valid, roles: 'administrator' })),
      400,
      'request/validation-failed',
    );
    expect(body.errors?.[0]?.path).toBe('/roles');
    const unknownRole = expectProblem(
      await raw(JSON.stringify({ ...valid, roles: ['root'] })),
      400,
      'request/validation-failed',
    );
    expect(unknownRole.errors?.[0]?.path).toBe('/roles/0');
  });

  it('oversize bodies get 413', async () => {
    const before = await counts();
    expectProblem(
      await raw(JSON.stringify({ ...valid, displayName: 'x'.repeat(5000) })),
      413,
      'request/body-too-large',
    );
    expect(await counts()).toEqual(before);
  });

  it('wrong content types get 415, including text/plain and form posts', async () => {
    const before = await counts();
    expectProblem(await raw(JSON.stringify(valid), 'text/plain'), 415, 'request/unsupported-media-type');
    expectProblem(await raw('username=x', 'application/x-www-form-urlencoded'), 415, 'request/unsupported-media-type');
    expectProblem(await raw('<user/>', 'application/xml'), 415, 'request/unsupported-media-type');
    expect(await counts()).toEqual(before);
  });

  it('invalid ids in the path', async () => {
    for (const id of ['not-a-uuid', "1' OR '1'='1", '..%2F..%2Fetc%2Fpasswd']) {
      const response = await node.call('POST', `/api/v1/users/${id}/disable`, { as: admin });
      const body = expectProblem(response, 400, 'request/validation-failed');
      expect(body.errors?.[0]?.path).toBe('/userId');
    }
    const missing = await node.call('POST', '/api/v1/users/01900000-0000-7000-8000-000000000000/disable', {
      as: admin,
    });
    expectProblem(missing, 404, 'user/not-found');
  });

  it('__proto__ and constructor keys are refused and pollute nothing', async () => {
    const before = await counts();
    expectProblem(await raw(`{"username":"p","__proto__":{"isAdmin":true}}`), 400, 'request/forbidden-key');
    expectProblem(
      await raw(`{"username":"p","constructor":{"prototype":{"isAdmin":true}}}`),
      400,
      'request/forbidden-key',
    );
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it(
    'SQL- and script-looking strings are data: refused where the format forbids ' +
      'them, stored verbatim where text is allowed',
    async () => {
      const sqlish = expectProblem(
        await raw(JSON.stringify({ ...valid, username: "x'; DROP TABLE users; --" })),
        400,
        'request/validation-failed',
      );
      expect(sqlish.errors?.[0]?.path).toBe('/username');
      const script = "<script>alert(1)</script> Robert'); DROP TABLE users;--";
      const created = await raw(JSON.stringify({ ...valid, username: 'script.test', displayName: script }));
      expect(created.statusCode).toBe(201);
      expect(created.headers['content-type']).toMatch(/^application\/json/);
      expect(created.json<{ displayName: string }>().displayName).toBe(script);
      const listed = await node.call('GET', '/api/v1/users', { as: admin });
      expect(listed.json<{ users: { displayName: string }[] }>().users.map((u) => u.displayName)).toContain(script);
    },
  );

  it('control characters in stored text are refused', async () => {
    const body = expectProblem(
      await raw(JSON.stringify({ ...valid, displayName: 'line\r\nInjected: header' })),
      400,
      'request/validation-failed',
    );
    expect(body.errors?.[0]?.path).toBe('/displayName');
  });

  it('unknown query parameters and bad query values are refused', async () => {
    const auditor = await node.user(admin, 'bad.input.auditor', ['auditor']);
    expectProblem(
      await node.call('GET', '/api/v1/audit?limit=100000', { as: auditor }),
      400,
      'request/validation-failed',
    );
    expectProblem(
      await node.call('GET', '/api/v1/audit?orderBy=password', { as: auditor }),
      400,
      'request/validation-failed',
    );
    expectProblem(
      await node.call('GET', '/api/v1/audit?from=yesterday', { as: auditor }),
      400,
      'request/validation-failed',
    );
    expectProblem(await node.call('GET', '/api/v1/audit?cursor=AAAA', { as: auditor }), 400, 'audit/invalid-cursor');
  });

  it('unknown routes answer with a problem, not a stack trace', async () => {
    const body = expectProblem(
      await node.call('GET', '/api/v1/nothing-here', { as: admin }),
      404,
      'request/route-not-found',
    );
    expect(body.detail).toContain('/api/v1/nothing-here');
  });
});
