import { requestTypeCatalogue } from '@hanoi247/core';
import { screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RequestType } from '../api/types.js';
import { expectReadable } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { requestView } from '../test/request-view.js';
import { RequestFacts } from './RequestFacts.js';

/** A preservation request as an officer in Hanoi drafts it: 1 Oct 00:00 local is 30 Sep 17:00 UTC. */
const request = requestView('PRESERVATION_42', 'ACCEPTED', {
  details: {
    seekingAuthority: 'Cục An ninh mạng (A05), Bộ Công an',
    offenceSummary: 'Lừa đảo đầu tư qua mạng',
    dataCategories: ['subscriber', 'traffic'],
    confidentiality: { requested: true, noUserNotification: true },
    identifiers: [
      { kind: 'account', service: 'Zalo', handle: 'nguyenvan.a' },
      { kind: 'ip', address: '203.0.113.7', port: 443, observedAt: '2026-10-30T14:03:11+07:00' },
    ],
    dateRange: { from: '2026-09-30T17:00:00Z', to: '2026-10-31T16:59:00Z' },
    mlaWillFollow: true,
  },
  conditions: [
    {
      id: 'c1',
      kind: 'CONFIDENTIALITY',
      text: 'Chỉ dùng cho vụ án này',
      status: 'proposed',
      eventId: 'e1',
      createdAt: '2026-11-02T01:00:00Z',
      decidedAt: null,
    },
  ],
});
const preservation: RequestType | undefined = requestTypeCatalogue().find((t) => t.code === 'PRESERVATION_42');

async function shownIn(language: 'vi' | 'en') {
  await i18next.changeLanguage(language);
  return renderWithApp(<RequestFacts request={request} requestType={preservation} />);
}

// The officer's browser runs in Hanoi, whatever zone the test machine runs in (Node reads TZ when it changes).
beforeAll(() => {
  vi.stubEnv('TZ', 'Asia/Ho_Chi_Minh');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('the facts of a request', () => {
  it('reads in Vietnamese: category names, sentences, an identifier table, zoned dates, no raw data', async () => {
    const { container } = await shownIn('vi');
    expectReadable(container);
    expect(screen.getByText('Dữ liệu thuê bao, Dữ liệu lưu lượng')).toBeDefined();
    expect(container.textContent).toContain('Yêu cầu phải được giữ bí mật. Không được thông báo cho người dùng.');
    const table = container.querySelector('td table') as HTMLElement;
    expect(within(table).getByText('Tài khoản')).toBeDefined();
    expect(within(table).getByText('Zalo')).toBeDefined();
    expect(within(table).getByText('203.0.113.7:443')).toBeDefined();
    expect(within(table).getByText('14:03 30 thg 10, 2026 (Asia/Ho_Chi_Minh)')).toBeDefined();
    expect(screen.getByText('Có')).toBeDefined();
    expect(
      screen.getByText('Từ 00:00 1 thg 10, 2026 (Asia/Ho_Chi_Minh) đến 23:59 31 thg 10, 2026 (Asia/Ho_Chi_Minh)'),
    ).toBeDefined();
    expect(screen.getByText(/Căn cứ pháp lý: Công ước của Liên hợp quốc về chống tội phạm mạng Điều 42/)).toBeDefined();
    expect(screen.getAllByText('chưa kiểm chứng')).toHaveLength(1);
    expect(container.textContent).not.toContain('[unverified]');
  });

  it('reads in English the same way', async () => {
    const { container } = await shownIn('en');
    expectReadable(container);
    expect(screen.getByText('Subscriber information, Traffic data')).toBeDefined();
    expect(screen.getByText('The request must be kept confidential. The user must not be notified.')).toBeDefined();
    expect(screen.getByText('IP address')).toBeDefined();
    expect(screen.getByText('Yes')).toBeDefined();
    expect(
      screen.getByText('1 Oct 2026, 00:00 (Asia/Ho_Chi_Minh) to 31 Oct 2026, 23:59 (Asia/Ho_Chi_Minh)'),
    ).toBeDefined();
    expect(screen.getByText('30 Oct 2026, 14:03 (Asia/Ho_Chi_Minh)')).toBeDefined();
    expect(screen.getByText('Confidentiality: Chỉ dùng cho vụ án này (proposed)')).toBeDefined();
    expect(screen.getAllByText('unverified')).toHaveLength(1);
  });

  it('puts choices, calendar days and nested facts of an MLA request in words', async () => {
    await i18next.changeLanguage('vi');
    const mla = requestView('MLA_40', 'TRIAGE', {
      details: {
        assistanceTypes: ['taking-evidence', 'stored-electronic-data'],
        deadlineSought: { date: '2027-01-15', reasons: 'Thời hiệu truy cứu sắp hết' },
      },
    });
    const type: RequestType | undefined = requestTypeCatalogue().find((t) => t.code === 'MLA_40');
    const { container } = renderWithApp(<RequestFacts request={mla} requestType={type} />);
    expectReadable(container);
    expect(screen.getByText('Thu thập chứng cứ hoặc lời khai')).toBeDefined();
    expect(screen.getByText('Truy cập và cung cấp dữ liệu điện tử được lưu trữ')).toBeDefined();
    expect(container.textContent).toContain('Ngày: 15 thg 1, 2027');
    expect(container.textContent).not.toContain('taking-evidence');
  });
});
