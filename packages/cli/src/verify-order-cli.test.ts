import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentKey, type SignedDescriptor, type SignedOrder } from '@hanoi247/core';
import { runCli, TestNode } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const providerBody = {
  legalName: 'ExampleMail Viet Nam LLC',
  country: 'VN',
  type: 'PLATFORM',
  contacts: [{ role: 'law-enforcement-desk', name: 'LE response team', email: 'le@examplemail.vn' }],
  dataCategories: ['subscriber', 'traffic'],
  channel: 'api',
  languages: ['vi', 'en'],
};

/** `hanoi247 verify-order` on orders a real node served: the provider's offline check, exit codes and named reasons. */
describe('hanoi247 verify-order', () => {
  let dir: string;
  let signed: SignedOrder;
  let descriptor: SignedDescriptor;
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'h247-verify-order-'));
    const node = await TestNode.start();
    try {
      const admin = await node.administrator();
      const duty = await node.user(admin, 'vo.duty', ['duty_officer']);
      const supervisor = await node.user(admin, 'vo.supervisor', ['supervisor']);
      const providerId = (await node.call('POST', '/api/v1/providers', { as: admin, body: providerBody })).json<{
        id: string;
      }>().id;
      const order = await node.call('POST', '/api/v1/orders', {
        as: duty,
        body: {
          type: 'SUBSCRIBER_27B',
          providerId,
          authorisation: {
            body: 'People\u2019s Procuracy of Hà Nội',
            reviewType: 'PROSECUTORIAL',
            decisionReference: 'QĐ 7/2026',
          },
          grounds: 'Identify the holder of the account used in the fraud.',
          scope: {
            identifiers: [{ kind: 'email', address: 'suspect@example.net' }],
            dataCategories: ['subscriber'],
            dateRange: {
              from: '2026-10-01T00:00:00+07:00',
              to: '2026-10-31T00:00:00+07:00',
              timeZone: 'Asia/Ho_Chi_Minh',
            },
          },
          nonDisclosure: { required: true, until: '2027-06-30' },
        },
      });
      const id = order.json<{ id: string }>().id;
      await node.call('POST', `/api/v1/orders/${id}/transitions`, {
        as: supervisor,
        body: { action: 'authorise', payload: {} },
      });
      await node.call('POST', `/api/v1/orders/${id}/transitions`, { as: duty, body: { action: 'serve', payload: {} } });
      signed = (await node.call('GET', `/api/v1/orders/${id}/signed`, { as: duty })).json<SignedOrder>();
      descriptor = (await node.call('GET', '/federation/v1/descriptor')).json<SignedDescriptor>();
    } finally {
      await node.stop();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for an order checked against the directory\u2019s descriptor, naming who issued it', async () => {
    const result = await runCli([
      'verify-order',
      file('order.json', signed),
      '--descriptor',
      file('node.json', descriptor),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^VALID: order VN-ORD-2026-000001 \(revision 0\)/);
    expect(result.stdout).toContain('anchored by the directory\u2019s descriptor');
  });

  it('exits 0 with the node\u2019s published fingerprint instead of a descriptor file', async () => {
    const fingerprint = currentKey(descriptor.descriptor).signing.fingerprint;
    const result = await runCli([
      'verify-order',
      file('order.json', signed),
      '--expect-fingerprint',
      fingerprint,
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, fingerprint, anchoredBy: 'fingerprint' });
  });

  it.each([
    [
      'altered after signing',
      () => ({
        ...signed,
        order: {
          ...signed.order,
          scope: { ...signed.order.scope, identifiers: [{ kind: 'email', address: 'victim@example.net' }] },
        },
      }),
      'altered',
    ],
    [
      'with its signature swapped',
      () => ({ ...signed, jws: signed.jws.replace(/\.[^.]+$/, '.AAAA') }),
      'signature-invalid',
    ],
    [
      'with a forged issuer',
      () => ({ ...signed, order: { ...signed.order, issuer: { ...signed.order.issuer, country: 'SG' } } }),
      'altered',
    ],
  ])('exits 1 for an order %s, naming why', async (_name, forge, reason) => {
    const result = await runCli([
      'verify-order',
      file('forged.json', forge()),
      '--descriptor',
      file('node.json', descriptor),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^INVALID \\(${reason}\\): `));
  });

  it('exits 1 without a trust anchor: the descriptor inside the file is only the order\u2019s own claim', async () => {
    const result = await runCli(['verify-order', file('order.json', signed)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^INVALID \(not-anchored\)/);
  });

  it('exits 2 for a file that is missing or not JSON', async () => {
    expect((await runCli(['verify-order', join(dir, 'missing.json')])).code).toBe(2);
    const notJson = await runCli(['verify-order', file('garbage.json', 'not json {')]);
    expect([notJson.code, notJson.stderr]).toEqual([2, expect.stringContaining('is not JSON') as unknown]);
  });
});
