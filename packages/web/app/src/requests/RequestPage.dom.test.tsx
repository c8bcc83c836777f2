import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rememberSignedIn } from '../auth/session-expiry.js';
import { json, stubFetch } from '../test/fetch-stub.js';
import { expectReadable } from '../test/readable-scan.js';
import { requestTypesBody, stateMachinesBody } from '../test/reference.fixtures.js';
import { renderWithApp } from '../test/render.js';
import { requestView } from '../test/request-view.js';
import { RequestPage } from './RequestPage.js';

/** An incoming preservation request from Singapore, accepted, with its clocks, evidence and history. */
const request = requestView('PRESERVATION_42', 'ACCEPTED', {
  details: {
    seekingAuthority: 'Singapore Police Force, Technology Crime Investigation Branch',
    dataCategories: ['subscriber', 'traffic'],
    confidentiality: { requested: true, noUserNotification: false },
    identifiers: [{ kind: 'ip', address: '2001:db8::7', port: 8443, observedAt: '2026-10-30T14:03:11+08:00' }],
    dateRange: { from: '2026-09-30T16:00:00Z', to: '2026-10-31T15:59:00Z' },
    mlaWillFollow: true,
  },
  deadlines: [
    {
      id: 'd1',
      requestId: '0193f0c2-8000-7000-8000-00000000a001',
      startedAt: '2099-11-22T01:00:00Z',
      warnAt: '2099-11-22T20:00:00Z',
      ruleId: 'order-acknowledgement',
      dueAt: '2099-11-23T01:00:00Z',
      status: 'open',
      closedAt: null,
      escalatedAt: null,
    },
  ],
  missing: [{ path: '/details/contact24x7', message: 'is required' }],
  preservedUntil: '2027-02-01T00:00:00Z',
});
const session = () =>
  json(200, {
    user: { id: 'u-me', username: 'truc', roles: ['duty_officer'] },
    permissions: ['requests:read'],
    csrfToken: 'csrf',
  });

beforeAll(() => {
  vi.stubEnv('TZ', 'Asia/Singapore');
});
afterAll(() => {
  vi.unstubAllEnvs();
});
afterEach(async () => {
  await i18next.changeLanguage('vi');
});

describe('the request page', () => {
  for (const [language, categories, missingLabel, actor] of [
    ['vi', 'Dữ liệu thuê bao, Dữ liệu lưu lượng', 'Đầu mối liên lạc 24/7: is required', /^Hệ thống của đối tác ·/],
    [
      'en',
      'Subscriber information, Traffic data',
      'Contact reachable around the clock: is required',
      /^Partner’s node ·/,
    ],
  ] as const) {
    it(`shows only readable text in ${language}: no timestamp, code or JSON anywhere on the page`, async () => {
      rememberSignedIn(true);
      await i18next.changeLanguage(language);
      stubFetch({
        'GET /api/v1/auth/session': session,
        [`GET /api/v1/requests/${request.id}`]: () => json(200, request),
        'GET /api/v1/request-types': () => json(200, requestTypesBody),
        'GET /api/v1/state-machines': () => json(200, stateMachinesBody),
        'GET /api/v1/timeline-notes': () => json(200, { notes: [], channels: {} }),
        [`GET /api/v1/requests/${request.id}/timeline`]: () =>
          json(200, {
            events: [
              {
                id: 'e1',
                kind: 'transition',
                action: 'accept',
                fromState: 'TRIAGE',
                toState: 'ACCEPTED',
                responseKind: 'ACCEPT',
                actorName: 'peer',
                occurredAt: '2026-11-22T23:30:00.000Z',
                payload: {},
              },
            ],
          }),
      });
      const { container } = renderWithApp(<RequestPage id={request.id} />);
      expect(await screen.findByText(categories)).toBeDefined();
      expect(await screen.findByText(missingLabel)).toBeDefined();
      // The timeline loads on its own: scan once it is there too.
      expect(await screen.findByText(actor)).toBeDefined();
      expect(container.textContent).toContain('(Asia/Singapore)');
      expectReadable(container);
    });
  }
});
