import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, stubFetch } from '../test/fetch-stub.js';
import { unreadableTexts } from '../test/readable-scan.js';
import { renderWithApp } from '../test/render.js';
import { ReportFraudPage } from './ReportFraudPage.js';
import { ReportStatusPage } from './ReportStatusPage.js';

const challenge = { challenge: 'v1.test.1.1.mac', bits: 1, expiresAt: '2026-12-08T10:00:00.000Z' };
const receipt = { acknowledgementNumber: 'VN-FR-2026-000042', statusToken: 'T'.repeat(43) };

describe('the public fraud report wizard', () => {
  beforeEach(async () => {
    await i18next.changeLanguage('en');
  });
  afterEach(async () => {
    await i18next.changeLanguage('vi');
  });

  it('asks step by step, checks identifiers as typed, and sends the report with its proof-of-work', async () => {
    const user = userEvent.setup();
    const network = stubFetch({
      'GET /api/v1/fraud/challenge': () => json(200, challenge),
      'POST /api/v1/fraud/citizen-reports': () => json(201, receipt),
    });
    const { container } = renderWithApp(<ReportFraudPage />);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Describe what happened.')).toBeTruthy();
    await user.type(screen.getByLabelText(/What happened\?/), 'They asked me to pay <script>alert(1)</script>');
    await user.selectOptions(screen.getByLabelText(/Kind of scam/), 'JOB_TASK');
    await user.selectOptions(screen.getByLabelText(/How did they first contact you/), 'zalo');
    await user.type(screen.getByLabelText(/When did it happen/), '02/11/2026 14:03');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Add a transfer' }));
    await user.type(screen.getByLabelText(/^Amount/), '5000000');
    await user.type(screen.getByLabelText(/Date and time of the transfer/), '02/11/2026 14:20');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Add a phone, account or website' }));
    const value = screen.getByLabelText(/^Value/);
    await user.type(value, '12');
    expect(screen.getByText(/does not look like a valid value/)).toBeTruthy();
    await user.clear(value);
    await user.type(value, '0987 654 321');
    expect(screen.queryByText(/does not look like a valid value/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Transfers: 1')).toBeTruthy();
    // What the citizen wrote is shown as text, never run or parsed as markup.
    expect(screen.getByText(/<script>alert\(1\)<\/script>/)).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send the report' }));
    await screen.findByText('VN-FR-2026-000042');
    const sent = network.sent.find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      scamType: 'JOB_TASK',
      firstContact: 'zalo',
      transfers: [{ amount: 5_000_000, currency: 'VND' }],
      identifiers: [{ type: 'phone', value: '0987 654 321' }],
      proofOfWork: { challenge: challenge.challenge },
    });
    const link = screen.getByTestId('status-link');
    expect((link as HTMLInputElement).value).toContain(`#/report-status/VN-FR-2026-000042/${receipt.statusToken}`);
    expect(unreadableTexts(container)).toEqual([]);
  });

  it('keeps the citizen on the money step while a transfer’s amount is not a number', async () => {
    const user = userEvent.setup();
    stubFetch({ 'GET /api/v1/fraud/challenge': () => json(200, challenge) });
    renderWithApp(<ReportFraudPage />);
    await user.type(screen.getByLabelText(/What happened\?/), 'A fake shop took my money.');
    await user.selectOptions(screen.getByLabelText(/Kind of scam/), 'PURCHASE_ECOMMERCE');
    await user.selectOptions(screen.getByLabelText(/How did they first contact you/), 'facebook');
    await user.type(screen.getByLabelText(/When did it happen/), '02/11/2026 14:03');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Add a transfer' }));
    await user.type(screen.getByLabelText(/^Amount/), 'five million');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Write the amount as a number, such as 5000000.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a phone, account or website' })).toBeNull();
  });

  it('shows the status in words, the history, and says "no report" for a wrong link', async () => {
    stubFetch({
      'GET /api/v1/fraud/citizen-reports/VN-FR-2026-000042': (request) =>
        request.headers['x-report-token'] === receipt.statusToken
          ? json(200, {
              acknowledgementNumber: receipt.acknowledgementNumber,
              status: 'under-review',
              scamType: 'JOB_TASK',
              reportedAt: '2026-11-02T08:00:00.000Z',
              timeline: [
                { kind: 'status', status: 'received', at: '2026-11-02T08:00:00.000Z' },
                { kind: 'status', status: 'under-review', at: '2026-11-03T08:00:00.000Z' },
              ],
            })
          : json(404, { code: 'fraud/citizen-report-not-found', status: 404, title: 'Not found', detail: 'no' }),
    });
    const { container, unmount } = renderWithApp(
      <ReportStatusPage acknowledgementNumber={receipt.acknowledgementNumber} token={receipt.statusToken} />,
    );
    await waitFor(() => expect(screen.getByTestId('report-status').textContent).toBe('Under review'));
    expect(screen.getByText(/Received$/)).toBeTruthy();
    expect(unreadableTexts(container)).toEqual([]);
    unmount();
    renderWithApp(<ReportStatusPage acknowledgementNumber={receipt.acknowledgementNumber} token={'W'.repeat(43)} />);
    await screen.findByText(/No report matches this link/);
  });
});
