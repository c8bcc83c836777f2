import { validateRequestDetails } from '@hanoi247/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RequestView } from '../api/types.js';
import { draftDetails, formFromRequest, newDraft } from './draft-body.js';

// Officers work in Hanoi; the zone is set for this file so local-to-UTC conversion is really exercised.
beforeAll(() => {
  vi.stubEnv('TZ', 'Asia/Ho_Chi_Minh');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const realtimeDetails = {
  requestingAuthority: 'A05, Ministry of Public Security',
  factsSummary: 'An ongoing extortion campaign controlled from one server.',
  communications: 'Connections to and from the command server',
  ownerOrLocation: 'Server hosted by a provider in the requested State',
  justification: 'Only real-time collection shows the live operators',
  periodJustification: 'One month covers the next expected wave',
  identifiers: [{ kind: 'ip', value: '203.0.113.7', port: '443', observedAt: '2026-10-30T14:03:11+07:00' }],
};

describe('the period in the draft body', () => {
  it('sends local times typed in Hanoi as UTC instants, in the shape core validates', () => {
    const form = {
      ...newDraft,
      type: 'REALTIME_TRAFFIC_45',
      details: { ...realtimeDetails, collectionPeriod: { from: '2026-11-03T00:00', to: '2026-12-03T08:30' } },
    };
    const details = draftDetails(form);
    expect(details['collectionPeriod']).toEqual({ from: '2026-11-02T17:00:00.000Z', to: '2026-12-03T01:30:00.000Z' });
    const validation = validateRequestDetails('REALTIME_TRAFFIC_45', 'UN', details);
    expect(validation).toMatchObject({ ok: true, missing: [] });
  });

  it('leaves out an empty or half-typed period rather than send what the server refuses', () => {
    const body = (collectionPeriod: unknown) =>
      draftDetails({ ...newDraft, type: 'REALTIME_TRAFFIC_45', details: { ...realtimeDetails, collectionPeriod } });
    expect(body({ from: '', to: '' })).not.toHaveProperty('collectionPeriod');
    expect(body({ from: '2026-11-03T00:00', to: '' })).not.toHaveProperty('collectionPeriod');
    expect(body({ from: '2026-12-03T00:00', to: '2026-11-03T00:00' })).not.toHaveProperty('collectionPeriod');
  });

  it('shows a saved period in local time again, seconds kept, and sends back the same instants', () => {
    const view = {
      type: 'PRESERVATION_42',
      requestedState: 'SG',
      legalBasis: 'UN',
      language: 'en',
      priority: 'urgent',
      emergencyJustification: null,
      details: { dateRange: { from: '2026-10-01T00:00:00+07:00', to: '2026-10-31T23:59:59+07:00' } },
    } as unknown as RequestView;
    const form = formFromRequest(view);
    expect(form.details['dateRange']).toEqual({ from: '2026-10-01T00:00', to: '2026-10-31T23:59:59' });
    expect(draftDetails(form)['dateRange']).toEqual({
      from: '2026-09-30T17:00:00.000Z',
      to: '2026-10-31T16:59:59.000Z',
    });
  });
});
