import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preservationDetails, requestApi } from '../http/requests.fixtures.js';
import { bodyFillPerPage } from './page-fill.fixtures.js';
import { extractPdfPages } from './pdf-text.fixtures.js';

/** Below this share of its body height a page that is not the last reads as mostly empty. */
const leastFill = 0.4;

describe('the signatory block and the page fill of formal documents', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let supervisor: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    duty = await node.user(admin, 'sign.duty', ['duty_officer']);
    supervisor = await node.user(admin, 'sign.supervisor', ['supervisor']);
    api = requestApi<SignedInUser>(node);
  });
  afterAll(async () => node.stop());

  const pdf = async (path: string): Promise<{ bytes: Buffer; text: string }> => {
    const response = await node.call('GET', path, { as: duty });
    expect(response.statusCode, response.body).toBe(200);
    const bytes = response.rawPayload;
    return { bytes, text: (await extractPdfPages(bytes)).join('\n').replace(/\s+/g, ' ') };
  };
  const requestPdf = (id: string) => pdf(`/api/v1/requests/${id}/document.pdf?languages=vi,en`);
  const submitted = async (): Promise<string> => {
    const draft = await api.draft(duty, {
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      requestedState: 'SG',
      language: 'en',
      details: preservationDetails(),
    });
    await api.move(duty, draft.id, 'submit');
    return draft.id;
  };

  it('says in words that a request is not yet approved, then names the approving officer, role and time', async () => {
    const id = await submitted();
    const before = await requestPdf(id);
    expect(before.text).toContain('Phê duyệt Chưa được phê duyệt');
    expect(before.text).toContain('Approval Not yet approved');
    expect(before.text).not.toContain('sign.supervisor');

    node.clock.advance(60_000);
    await api.move(supervisor, id, 'approve');
    const approvedAt = (await api.timeline(duty, id)).find((e) => e.action === 'approve')?.occurredAt ?? '';
    const after = await requestPdf(id);
    expect(after.text).not.toContain('Not yet approved');
    expect(after.text).not.toContain('Chưa được phê duyệt');
    const utcMinutes = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    for (const expected of [
      'Người phê duyệt sign.supervisor',
      'Chức vụ Lãnh đạo phê duyệt',
      'Approved by sign.supervisor',
      'Role Supervisor',
      `Approved on ${utcMinutes.format(new Date(approvedAt))}`,
    ]) {
      expect(after.text).toContain(expected);
    }
    // The drafter submitted it; only the supervisor approved it.
    expect(after.text).not.toContain('sign.duty');
  });

  it('fills every page but the last at least 40% for a typical bilingual request', async () => {
    const id = await submitted();
    await api.move(supervisor, id, 'approve');
    const fills = await bodyFillPerPage((await requestPdf(id)).bytes);
    // Each version runs onto a second page; neither that page nor any other but the last is
    // left with a few lines at its top (page-flow.test.ts shows the versions sharing a page).
    expect(fills.length).toBeGreaterThan(1);
    for (const fill of fills.slice(0, -1)) expect(fill).toBeGreaterThanOrEqual(leastFill);
  });

  it('names the officer who decided a response and says an incoming request was approved elsewhere', async () => {
    const received = await api.receive(supervisor, {
      reference: 'FR-2026-0601',
      requestingState: 'FR',
      type: 'PRESERVATION_42',
      legalBasis: 'BUDAPEST',
      language: 'fr',
      details: preservationDetails(),
    });
    expect((await requestPdf(received.id)).text).toContain('Approval Not approved on this node');
    await api.move(supervisor, received.id, 'acknowledge');
    await api.move(supervisor, received.id, 'triage');
    await api.move(supervisor, received.id, 'refuse', {
      reasonCodes: ['POLITICAL_OFFENCE'],
      reasons: 'Connected with a political offence.',
    });
    const timeline = await node.call('GET', `/api/v1/requests/${received.id}/timeline`, { as: supervisor });
    const refusal = timeline
      .json<{ events: { id: string; action: string }[] }>()
      .events.find((e) => e.action === 'refuse');
    const { text } = await pdf(`/api/v1/requests/${received.id}/responses/${refusal?.id ?? ''}/document.pdf`);
    expect(text).toContain('Décidé par sign.supervisor');
    expect(text).toContain('Fonction Superviseur');
    expect(text).toContain('Decided by sign.supervisor');
    expect(text).toContain('Role Supervisor');
  });
});
