import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBin, TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const example = fileURLToPath(new URL('../../../docs/examples/provider-api.mjs', import.meta.url));
const authorisation = {
  body: 'People\u2019s Procuracy of Hà Nội',
  reviewType: 'PROSECUTORIAL',
  decisionReference: 'QĐ 9/2026',
};
const scope = {
  identifiers: [{ kind: 'email', address: 'suspect@example.net' }],
  dataCategories: ['subscriber', 'traffic'],
  dateRange: { from: '2026-10-01T00:00:00+07:00', to: '2026-10-31T00:00:00+07:00', timeZone: 'Asia/Ho_Chi_Minh' },
};

async function run(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [example, ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

/**
 * The integration example in docs/examples runs as a provider's system would: against a live node, with a scoped token.
 */
describe('docs/examples/provider-api.mjs', () => {
  let node: TestNode;
  let dir: string;
  let env: Record<string, string>;
  let duty: SignedInUser;
  let preservationId: string;
  let productionId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'h247-provider-example-'));
    // `hanoi247` on the PATH, as an integrator would have it.
    writeFileSync(join(dir, 'hanoi247'), `#!/bin/sh\nexec "${process.execPath}" "${cliBin}" "$@"\n`);
    chmodSync(join(dir, 'hanoi247'), 0o755);
    node = await TestNode.start();
    const url = await node.listen();
    const admin = await node.administrator();
    duty = await node.user(admin, 'ex.duty', ['duty_officer']);
    const supervisor = await node.user(admin, 'ex.supervisor', ['supervisor']);
    const provider = await node.user(admin, 'ex.provider', ['provider_user']);
    const providerId = (
      await node.call('POST', '/api/v1/providers', {
        as: admin,
        body: {
          legalName: 'ExampleMail',
          country: 'VN',
          type: 'PLATFORM',
          contacts: [{ role: 'technical', name: 'API team' }],
          dataCategories: ['subscriber', 'traffic'],
          channel: 'api',
          languages: ['en'],
        },
      })
    ).json<{ id: string }>().id;
    await node.call('POST', `/api/v1/providers/${providerId}/members`, {
      as: admin,
      body: { userId: provider.userId },
    });
    const served = async (body: Record<string, unknown>, requestId?: string) => {
      const made =
        requestId === undefined
          ? (await node.call('POST', '/api/v1/orders', { as: duty, body })).json<{ id: string }>()
          : (
              await node.call('POST', `/api/v1/requests/${requestId}/domestic-orders`, {
                as: duty,
                body: { orders: [body] },
              })
            ).json<{ orders: { id: string }[] }>().orders[0]!;
      await node.call('POST', `/api/v1/orders/${made.id}/transitions`, {
        as: supervisor,
        body: { action: 'authorise', payload: {} },
      });
      await node.call('POST', `/api/v1/orders/${made.id}/transitions`, {
        as: duty,
        body: { action: 'serve', payload: {} },
      });
      return made.id;
    };
    preservationId = await served({
      type: 'PRESERVE_25',
      providerId,
      authorisation,
      grounds: 'Logs are deleted after 30 days.',
      scope,
      durationDays: 90,
      nonDisclosure: { required: true, until: null },
    });
    const request = (
      await node.call('POST', '/api/v1/requests/incoming', {
        as: duty,
        body: {
          reference: 'FR-2026-EX1',
          requestingState: 'FR',
          type: 'STORED_DATA_44',
          legalBasis: 'UN',
          language: 'en',
          details: {
            requestingAuthority: 'BEPI',
            subjectMatter: 'Ransomware',
            factsSummary: 'A hospital was encrypted.',
            assistanceSought: 'Login records',
            purpose: 'Identify the operators',
            dataDescription: 'Login IPs',
            identifiers: scope.identifiers,
          },
        },
      })
    ).json<{ id: string }>();
    for (const [as, action] of [
      [duty, 'acknowledge'],
      [duty, 'assess'],
      [supervisor, 'accept'],
    ] as const) {
      await node.call('POST', `/api/v1/requests/${request.id}/transitions`, { as, body: { action, payload: {} } });
    }
    productionId = await served(
      {
        providerId,
        type: 'SUBSCRIBER_27B',
        authorisation,
        scope: { dataCategories: ['subscriber'], dateRange: scope.dateRange },
      },
      request.id,
    );
    const token = (
      await node.call('POST', '/api/v1/tokens', {
        as: provider,
        body: { name: 'provider system', scopes: ['provider-orders:respond'], expiresInDays: 7 },
      })
    ).json<{ token: string }>().token;
    writeFileSync(join(dir, 'node.json'), (await node.call('GET', '/federation/v1/descriptor')).body);
    writeFileSync(join(dir, 'subscriber.csv'), 'name,email\nNguyen Van A,suspect@example.net\n');
    env = { HANOI247_URL: url, HANOI247_TOKEN: token, PATH: `${dir}${delimiter}${process.env['PATH'] ?? ''}` };
  });
  afterAll(async () => {
    await node.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies, acknowledges and confirms preservation, then delivers production with its own hash', async () => {
    const result = await run(
      [
        '--descriptor',
        join(dir, 'node.json'),
        '--preserve',
        'Subscriber record and login log',
        '--produce',
        productionId,
        join(dir, 'subscriber.csv'),
        'subscriber',
      ],
      env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2 order\(s\) served on this provider/);
    expect(result.stdout).toMatch(/VN-ORD-2026-\d{6}: VALID: order/);
    expect(result.stdout).toMatch(
      /delivered subscriber\.csv \(\d+ bytes, sha256 [0-9a-f]{64}\) as evidence [0-9a-f-]{36}; order PRODUCED/,
    );
    const preservation = (await node.call('GET', `/api/v1/orders/${preservationId}`, { as: duty })).json<{
      state: string;
      preservedWhat: string;
    }>();
    expect(preservation).toMatchObject({ state: 'PRESERVED', preservedWhat: 'Subscriber record and login log' });
    expect(
      (await node.call('GET', `/api/v1/orders/${productionId}`, { as: duty })).json<{ state: string }>().state,
    ).toBe('PRODUCED');
  });

  it('refuses to act on an order that does not verify against the descriptor given', async () => {
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ descriptor: { v: 1 }, signature: 'x' }));
    const result = await run(['--descriptor', join(dir, 'other.json')], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/NOT VERIFIED, not acted upon/);
  });
});
