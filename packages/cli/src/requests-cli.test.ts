import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestNode, runCli, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const preservation = {
  type: 'PRESERVATION_42',
  legalBasis: 'UN',
  requestedState: 'SG',
  language: 'en',
  priority: 'urgent',
  details: {
    seekingAuthority: 'A05, Ministry of Public Security of Viet Nam',
    offenceSummary: 'Online investment fraud against 40 victims (UN art. 13).',
    dataToPreserve: 'Subscriber and traffic data of the account used to collect payments.',
    dataCategories: ['subscriber', 'traffic'],
    custodianOrLocation: 'Example Platform Pte Ltd, Singapore',
    necessity: 'The suspect deletes accounts within days of each scam.',
    mlaWillFollow: true,
    identifiers: [{ kind: 'account', service: 'Example Platform', handle: 'invest.quick.vn' }],
    contact24x7: 'A05 24/7 desk, +84 24 0000 0000',
  },
};

describe('hanoi247 requests (API client)', () => {
  let node: TestNode;
  let url: string;
  let dir: string;
  const tokens: Record<string, string> = {};

  const tokenFor = async (user: SignedInUser, scopes: string[]) => {
    const response = await node.call('POST', '/api/v1/tokens', {
      as: user,
      body: { name: 'cli', scopes, expiresInDays: 7 },
    });
    return response.json<{ token: string }>().token;
  };
  const cli = (who: string, args: string[]) =>
    runCli(['requests', ...args], { env: { HANOI247_URL: url, HANOI247_TOKEN: tokens[who] ?? '' } });

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    const officer = await node.user(admin, 'cli.officer', ['duty_officer']);
    const supervisor = await node.user(admin, 'cli.supervisor', ['supervisor']);
    tokens['officer'] = await tokenFor(officer, ['requests:read', 'requests:draft']);
    tokens['supervisor'] = await tokenFor(supervisor, ['requests:read', 'requests:draft', 'requests:approve']);
    url = await node.app.listen({ host: '127.0.0.1', port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'h247-cli-req-'));
  });
  afterAll(async () => {
    await node.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('drafts, submits, approves with a second officer, sends, lists and exports the formal document', async () => {
    writeFileSync(join(dir, 'preservation.json'), JSON.stringify(preservation));
    const created = await cli('officer', ['create', '--from', join(dir, 'preservation.json'), '--json']);
    expect(created.code).toBe(0);
    const { id, reference } = JSON.parse(created.stdout) as { id: string; reference: string };
    expect(reference).toMatch(/^VN-2026-\d{6}$/);

    expect((await cli('officer', ['transition', id, 'submit'])).stdout).toMatch(/state SUBMITTED/);
    const selfApproval = await cli('officer', ['transition', id, 'approve']);
    expect(selfApproval.code).toBe(2);
    expect(selfApproval.stderr).toMatch(/requests:approve/);
    expect((await cli('supervisor', ['transition', id, 'approve'])).stdout).toMatch(/state APPROVED/);
    expect((await cli('officer', ['transition', id, 'send'])).stdout).toMatch(/state SENT/);

    const listed = await cli('officer', ['list', '--direction', 'outgoing']);
    expect(listed.stdout).toMatch(new RegExp(`${reference}\\s+PRESERVATION_42\\s+outgoing\\s+SENT\\s+urgent\\s+VN→SG`));

    const pdfFile = join(dir, 'request.pdf');
    const shown = await cli('officer', ['show', id, '--pdf', pdfFile]);
    expect(shown.stdout).toMatch(/Request for expedited preservation of stored electronic data/);
    expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('explains a refused step with the allowed actions and exits 2', async () => {
    writeFileSync(join(dir, 'draft.json'), JSON.stringify({ ...preservation, details: {} }));
    const { id } = JSON.parse(
      (await cli('officer', ['create', '--from', join(dir, 'draft.json'), '--json'])).stdout,
    ) as { id: string };
    const send = await cli('officer', ['transition', id, 'send']);
    expect(send.code).toBe(2);
    expect(send.stderr).toMatch(
      /send is not allowed from DRAFT; allowed: submit, withdraw \(request\/illegal-transition\)/,
    );
    const submit = await cli('officer', ['transition', id, 'submit']);
    expect(submit.code).toBe(2);
    expect(submit.stderr).toMatch(/request\/incomplete/);
    expect(submit.stderr).toMatch(/\/details\/dataToPreserve: .*art\. 42\(2\)\(c\)/);
  });

  it('refuses bad files, missing tokens and unknown ids clearly', async () => {
    writeFileSync(join(dir, 'broken.json'), '{ "type": ');
    const broken = await cli('officer', ['create', '--from', join(dir, 'broken.json')]);
    expect(broken).toMatchObject({ code: 2 });
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON/);
    const noToken = await runCli(['requests', 'list'], { env: { HANOI247_URL: url } });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/HANOI247_TOKEN/);
    const missing = await cli('officer', ['show', '01900000-0000-7000-8000-000000000000']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/request\/not-found/);
    const unreachable = await runCli(['requests', 'list'], {
      env: { HANOI247_URL: 'http://127.0.0.1:9', HANOI247_TOKEN: 'h247_x' },
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/cannot reach/);
  });
});
