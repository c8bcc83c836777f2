import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preservationDetails } from '../http/requests.fixtures.js';
import { extractPdfPages } from './pdf-text.fixtures.js';

const mla = {
  assistanceTypes: ['taking-evidence'],
  requestingAuthority: 'Parquet de Paris, section J3',
  subjectMatter: 'Investigation into ransomware against hospitals',
  factsSummary: 'Encrypted hospital systems; ransom paid to a wallet.',
  assistanceSought: 'Hearing of a witness working for a Vietnamese host.',
  purpose: 'Identify the operators.',
};

describe('formal document of a response', () => {
  let node: TestNode;
  let supervisor: SignedInUser;

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    supervisor = await node.user(admin, 'doc.supervisor', ['supervisor']);
  });
  afterAll(async () => node.stop());

  it(
    'renders a refusal in the requesting State\u2019s language and English, ' +
      'with grounds, their articles and the reference',
    async () => {
      const created = await node.call('POST', '/api/v1/requests/incoming', {
        as: supervisor,
        body: {
          reference: 'FR-2026-0042',
          requestingState: 'FR',
          type: 'MLA_40',
          legalBasis: 'UN',
          language: 'fr',
          details: mla,
        },
      });
      expect(created.statusCode).toBe(201);
      const id = created.json<{ id: string }>().id;
      const step = async (action: string, payload: Record<string, unknown> = {}) => {
        const response = await node.call('POST', `/api/v1/requests/${id}/transitions`, {
          as: supervisor,
          body: { action, payload },
        });
        expect(response.statusCode, response.body).toBe(200);
      };
      await step('acknowledge');
      await step('assess');
      await step('open-consultation', { information: 'Could the hearing take place by video link?' });
      await step('refuse', {
        reasonCodes: ['ESSENTIAL_INTERESTS'],
        reasons: 'Execution would prejudice an ongoing national security matter <script>x</script>.',
      });
      const events = (await node.call('GET', `/api/v1/requests/${id}/timeline`, { as: supervisor })).json<{
        events: { id: string; action: string }[];
      }>().events;
      const refusal = events.find((e) => e.action === 'refuse');
      expect(refusal).toBeDefined();

      const response = await node.call('GET', `/api/v1/requests/${id}/responses/${refusal?.id ?? ''}/document.pdf`, {
        as: supervisor,
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const pages = await extractPdfPages(response.rawPayload);
      const text = pages.join('\n');
      expect(pages[0]).toContain('Refus');
      expect(text).toContain('Refusal');
      expect(text).toContain('FR-2026-0042');
      // The ground by its title, never its code.
      expect(text).toContain('Prejudice to sovereignty');
      expect(text).not.toContain('ESSENTIAL_INTERESTS');
      expect(text).toMatch(/art\. 40/);
      expect(text).toContain('<script>x</script>');

      const notAResponse = events.find((e) => e.action === 'assess');
      expect(
        (
          await node.call('GET', `/api/v1/requests/${id}/responses/${notAResponse?.id ?? ''}/document.pdf`, {
            as: supervisor,
          })
        ).statusCode,
      ).toBe(404);
    },
  );

  it(
    'cites each ground to the article of the request\u2019s legal basis: Budapest ' +
      'art. 29(5)(a) for a Budapest preservation',
    async () => {
      const created = await node.call('POST', '/api/v1/requests/incoming', {
        as: supervisor,
        body: {
          reference: 'FR-2026-0043',
          requestingState: 'FR',
          type: 'PRESERVATION_42',
          legalBasis: 'BUDAPEST',
          language: 'en',
          details: preservationDetails(),
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      for (const [action, payload] of [
        ['acknowledge', {}],
        ['triage', {}],
        [
          'refuse',
          { reasonCodes: ['POLITICAL_OFFENCE'], reasons: 'The offence is connected with a political offence.' },
        ],
      ] as const) {
        const response = await node.call('POST', `/api/v1/requests/${id}/transitions`, {
          as: supervisor,
          body: { action, payload },
        });
        expect(response.statusCode, response.body).toBe(200);
      }
      const events = (await node.call('GET', `/api/v1/requests/${id}/timeline`, { as: supervisor })).json<{
        events: { id: string; action: string }[];
      }>().events;
      const refusal = events.find((e) => e.action === 'refuse');
      const response = await node.call('GET', `/api/v1/requests/${id}/responses/${refusal?.id ?? ''}/document.pdf`, {
        as: supervisor,
      });
      expect(response.statusCode).toBe(200);
      const text = (await extractPdfPages(response.rawPayload)).join('\n');
      expect(text).toContain('Political offence');
      expect(text).not.toContain('POLITICAL_OFFENCE');
      expect(text).toContain('Budapest Convention art. 29(5)(a)');
      expect(text).toContain('Budapest Convention art. 29(1)');
      expect(text).not.toContain('art. 27(4)');
    },
  );
});
