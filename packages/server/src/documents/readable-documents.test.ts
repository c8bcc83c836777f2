import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preservationDetails } from '../http/requests.fixtures.js';
import { extractPdfPages } from './pdf-text.fixtures.js';
import { unreadableIn } from './readable-text.fixtures.js';

// Sessions outlive a few minutes, not a day: enough to tell the record's time from the download's.
const fiveMinutes = 300_000;
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('formal documents read as a court clerk reads them', () => {
  let node: TestNode;
  let supervisor: SignedInUser;

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    supervisor = await node.user(admin, 'readable.supervisor', ['supervisor']);
  });
  afterAll(async () => node.stop());

  async function receive(reference: string, basis: 'UN' | 'BUDAPEST'): Promise<string> {
    const created = await node.call('POST', '/api/v1/requests/incoming', {
      as: supervisor,
      body: {
        reference,
        requestingState: 'FR',
        type: 'PRESERVATION_42',
        legalBasis: basis,
        language: 'fr',
        details: {
          ...preservationDetails(),
          // Entered in Paris as 1 Oct 2026 00:00 to 31 Oct 23:59 local time.
          dateRange: { from: '2026-09-30T22:00:00Z', to: '2026-10-31T22:59:00Z' },
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<{ id: string }>().id;
  }

  async function pdfText(path: string): Promise<{ text: string; bytes: Buffer }> {
    const response = await node.call('GET', path, { as: supervisor });
    expect(response.statusCode, response.body).toBe(200);
    return { text: (await extractPdfPages(response.rawPayload)).join('\n'), bytes: response.rawPayload };
  }

  it('prints a request with values in each language, no raw data, and one unverified note per section', async () => {
    const id = await receive('FR-2026-0501', 'UN');
    const { text } = await pdfText(`/api/v1/requests/${id}/document.pdf?languages=vi,en`);
    expect(unreadableIn(text)).toEqual([]);
    for (const expected of [
      'Dữ liệu thuê bao, Dữ liệu lưu lượng',
      'Subscriber information, Traffic data',
      'Yêu cầu phải được giữ bí mật. Không được thông báo cho người dùng.',
      'The request must be kept confidential. The user must not be notified.',
      'Từ 22:00 30 thg 9, 2026 (UTC) đến 22:59 31 thg 10, 2026 (UTC)',
      '30 Sept 2026, 22:00 (UTC) to 31 Oct 2026, 22:59 (UTC)',
      'Công ước của Liên hợp quốc về chống tội phạm mạng Điều 42',
      'UN Convention against Cybercrime art. 42',
      'Loại dữ liệu',
      'Data categories',
      'Mức độ ưu tiên',
    ]) {
      expect(text).toContain(expected);
    }
    // Two sections in two languages: the note once in each, never a mark after every citation.
    expect(count(text, 'Chưa kiểm chứng:')).toBe(2);
    expect(count(text, 'Unverified:')).toBe(2);
  });

  it('dates a request\u2019s paper by the record, so a download minutes later gives the same document', async () => {
    const id = await receive('FR-2026-0502', 'UN');
    const first = await pdfText(`/api/v1/requests/${id}/document.pdf?languages=en`);
    node.clock.advance(fiveMinutes);
    const later = await pdfText(`/api/v1/requests/${id}/document.pdf?languages=en`);
    expect(later.bytes.equals(first.bytes)).toBe(true);
    expect(first.text).toContain('2026-11-01');
  });

  it('prints a refusal with the ground\u2019s title and state names, dated when it was decided', async () => {
    const id = await receive('FR-2026-0503', 'BUDAPEST');
    for (const [action, payload] of [
      ['acknowledge', {}],
      ['triage', {}],
      ['refuse', { reasonCodes: ['POLITICAL_OFFENCE'], reasons: 'Connected with a political offence.' }],
    ] as const) {
      const response = await node.call('POST', `/api/v1/requests/${id}/transitions`, {
        as: supervisor,
        body: { action, payload },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const events = (await node.call('GET', `/api/v1/requests/${id}/timeline`, { as: supervisor })).json<{
      events: { id: string; action: string; occurredAt: string }[];
    }>().events;
    const refusal = events.find((e) => e.action === 'refuse');
    const path = `/api/v1/requests/${id}/responses/${refusal?.id ?? ''}/document.pdf`;
    const first = await pdfText(path);
    node.clock.advance(fiveMinutes);
    const later = await pdfText(path);
    expect(unreadableIn(first.text)).toEqual([]);
    expect(first.text).toContain('Motif');
    expect(first.text).toContain('Ground');
    expect(first.text).toContain('Budapest Convention art. 29(5)(a)');
    expect(first.text).toContain('Convention de Budapest art. 29(5)(a)');
    expect(first.text).toContain('France (FR)');
    expect(later.bytes.equals(first.bytes)).toBe(true);
  });

  it('prints the fixed choices and calendar days of an MLA request in words', async () => {
    const created = await node.call('POST', '/api/v1/requests/incoming', {
      as: supervisor,
      body: {
        reference: 'FR-2026-0504',
        requestingState: 'FR',
        type: 'MLA_40',
        legalBasis: 'UN',
        language: 'fr',
        details: {
          assistanceTypes: ['taking-evidence', 'stored-electronic-data'],
          requestingAuthority: 'Parquet de Paris, section J3',
          subjectMatter: 'Investigation into ransomware against hospitals',
          factsSummary: 'Encrypted hospital systems; ransom paid to a wallet.',
          assistanceSought: 'Hearing of a witness working for a Vietnamese host.',
          purpose: 'Identify the operators.',
          deadlineSought: { date: '2027-01-15', reasons: 'The limitation period runs out.' },
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const { text } = await pdfText(`/api/v1/requests/${id}/document.pdf?languages=vi,en`);
    expect(unreadableIn(text)).toEqual([]);
    expect(text).not.toContain('taking-evidence');
    for (const expected of [
      'Thu thập chứng cứ hoặc lời khai',
      'Taking evidence or statements',
      'Ngày: 15 tháng 1, 2027',
      'Date: 15 January 2027',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
