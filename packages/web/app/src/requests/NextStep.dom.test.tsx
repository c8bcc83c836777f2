import { nextStep, snapshotForView } from '../test/next-step.fixtures.js';
import { act, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render.js';
import { requestView } from '../test/request-view.js';
import { NextStep } from './NextStep.js';

const sentence = () => screen.getByTestId('next-step').textContent ?? '';

describe('the next step of a request', () => {
  afterEach(async () => {
    await act(() => i18next.changeLanguage('vi'));
  });

  it('tells the officer it is their action, with the clock, in their language', async () => {
    const dueAt = new Date(Date.now() + 58 * 60_000).toISOString();
    const view = requestView('PRESERVATION_42', 'RECEIVED', {
      nextStep: nextStep(snapshotForView('PRESERVATION_42', 'RECEIVED', 'incoming'), 'duty_officer', dueAt),
    });
    renderWithApp(<NextStep request={view} />);
    expect(sentence()).toMatch(/^Bước tiếp theoViệc của bạn: Xác nhận/);
    expect(sentence()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await act(() => i18next.changeLanguage('en'));
    expect(sentence()).toMatch(/Your action: Acknowledge/);
  });

  it('names the role a colleague needs and why the viewer has no button', () => {
    const view = requestView('PRESERVATION_42', 'SUBMITTED', {
      direction: 'outgoing',
      requestingState: 'VN',
      requestedState: 'SG',
      nextStep: nextStep(snapshotForView('PRESERVATION_42', 'SUBMITTED', 'outgoing'), 'duty_officer', null),
    });
    renderWithApp(<NextStep request={view} />);
    expect(sentence()).toContain('Đang chờ lãnh đạo phê duyệt: Phê duyệt');
    expect(sentence()).toContain('Bước này cần vai trò lãnh đạo phê duyệt');
  });

  it('names the partner State in the reader’s language once the request is sent', async () => {
    const view = requestView('PRESERVATION_42', 'SENT', {
      direction: 'outgoing',
      requestingState: 'VN',
      requestedState: 'SG',
      nextStep: nextStep(snapshotForView('PRESERVATION_42', 'SENT', 'outgoing'), 'duty_officer', null),
    });
    renderWithApp(<NextStep request={view} />);
    await act(() => i18next.changeLanguage('en'));
    expect(sentence()).toContain('Waiting for Singapore: Acknowledge');
  });
});
