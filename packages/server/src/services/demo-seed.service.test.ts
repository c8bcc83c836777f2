import { operatorPrincipal, userPrincipal } from '@hanoi247/core';
import { TestNode } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../auth/totp.js';
import { seedDemoAccounts, type DemoAccount, type SeededDemoAccount } from './demo-seed.service.js';

const operator = { principal: operatorPrincipal('demo'), requestId: null };
const accounts: DemoAccount[] = [
  { username: 'vn.duty', displayName: 'Duty officer (demo)', role: 'duty_officer', password: 'a demo passphrase 1' },
  { username: 'vn.auditor', displayName: 'Auditor (demo)', role: 'auditor', password: 'a demo passphrase 2' },
];

describe('demo accounts', () => {
  let node: TestNode;
  let seeded: SeededDemoAccount[] | null;

  beforeAll(async () => {
    node = await TestNode.start();
    seeded = await seedDemoAccounts(node.app.node, operator, accounts);
  });
  afterAll(async () => node.stop());

  const account = (username: string): SeededDemoAccount => {
    const found = seeded?.find((a) => a.username === username);
    if (found === undefined) throw new Error(`${username} was not seeded`);
    return found;
  };

  it('signs in with password and a code from the preset secret, with no enrolment step', async () => {
    const duty = account('vn.duty');
    expect(duty.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    node.clock.advance(30_000);
    const response = await node.call('POST', '/api/v1/auth/login', {
      body: { username: 'vn.duty', password: duty.password, totpCode: totpCodeAt(duty.totpSecret, node.clock.now()) },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'signed-in',
      user: { username: 'vn.duty', roles: ['duty_officer'] },
    });
  });

  it('stores the preset secrets sealed, never as the base32 the demo prints', async () => {
    const rows = await node.app.node.database.db.selectFrom('users').select(['username', 'totp_secret']).execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.totp_secret).toMatch(/^v1:/);
      expect(row.totp_secret).not.toContain(account(row.username).totpSecret);
    }
  });

  it('gives each account an API token limited to what its role grants', async () => {
    const bearer = (username: string) => ({ headers: { authorization: `Bearer ${account(username).apiToken}` } });
    expect((await node.call('GET', '/api/v1/requests', bearer('vn.duty'))).statusCode).toBe(200);
    expect((await node.call('GET', '/api/v1/requests', bearer('vn.auditor'))).statusCode).toBe(403);
    expect((await node.call('GET', '/api/v1/audit', bearer('vn.auditor'))).statusCode).toBe(200);
  });

  it('audits the accounts, their preset second factors and tokens as the operator\u2019s doing', async () => {
    const rows = await node.app.node.database.db
      .selectFrom('audit_entries')
      .select(['action', 'actor_name'])
      .where('action', 'in', ['user.created', 'user.totp-preset', 'token.created'])
      .execute();
    expect(rows.map((r) => r.action).sort()).toEqual([
      'token.created',
      'token.created',
      'user.created',
      'user.created',
      'user.totp-preset',
      'user.totp-preset',
    ]);
    expect(new Set(rows.map((r) => r.actor_name))).toEqual(new Set(['cli:demo']));
  });

  it('runs once: a node that has users is left alone', async () => {
    expect(await seedDemoAccounts(node.app.node, operator, [{ ...accounts[0]!, username: 'vn.other' }])).toBeNull();
    const users = await node.app.node.database.db.selectFrom('users').select('username').execute();
    expect(users.map((u) => u.username).sort()).toEqual(['vn.auditor', 'vn.duty']);
  });

  it('refuses anyone but the operator at the console, even an administrator', async () => {
    const admin = userPrincipal({ id: 'u-admin', username: 'admin', roles: ['administrator'] }, 'session');
    await expect(
      seedDemoAccounts(node.app.node, { principal: admin, requestId: null }, accounts),
    ).rejects.toMatchObject({ code: 'auth/forbidden' });
    await expect(seedDemoAccounts(node.app.node, { principal: null, requestId: null }, accounts)).rejects.toMatchObject(
      { code: 'auth/unauthenticated' },
    );
  });
});
