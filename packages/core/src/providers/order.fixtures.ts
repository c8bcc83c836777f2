import { permissionsOf } from '../auth/roles.js';
import type { OrderInput } from './order-input.js';
import type { OrderActor, OrderSnapshot } from './order-snapshot.js';
import type { OrderTypeCode } from './order-types.js';
import { msPerDay, msPerHour } from '../support/time-units.js';

export const t0 = new Date('2026-11-02T08:00:00.000Z');
/** Spans in UTC, the zone the order tests count in (no daylight saving, so a day is 24 hours). */
export const dayMs = msPerDay;
export const hourMs = msPerHour;

export const drafter: OrderActor = {
  side: 'officer',
  userId: 'officer-drafter',
  permissions: permissionsOf(['duty_officer']),
};
export const supervisor: OrderActor = {
  side: 'officer',
  userId: 'officer-supervisor',
  permissions: permissionsOf(['supervisor']),
};
export const provider: OrderActor = {
  side: 'provider',
  userId: 'provider-user',
  permissions: permissionsOf(['provider_user']),
};
export const clock: OrderActor = { side: 'system', userId: null, permissions: permissionsOf([]) };

export function orderSnapshot(overrides: Partial<OrderSnapshot> & { type?: OrderTypeCode } = {}): OrderSnapshot {
  const type = overrides.type ?? 'PRESERVE_25';
  return {
    type,
    state: 'CREATED',
    emergency: false,
    draftedBy: ['officer-drafter'],
    durationDays: type === 'PRESERVE_25' ? 90 : null,
    periods: [],
    authorisedPeriod:
      type === 'RT_TRAFFIC_29' || type === 'INTERCEPT_30'
        ? { start: '2026-11-01T00:00:00+07:00', end: '2026-12-01T00:00:00+07:00' }
        : null,
    executesForeignRequest: false,
    ...overrides,
  };
}

/** A complete order as an officer drafts it, written by hand from Art. 24. */
export function orderInput(overrides: Partial<OrderInput> = {}): OrderInput {
  return {
    type: 'PRESERVE_25',
    providerId: '0190f1c2-0000-7000-8000-0000000000a1',
    authorisation: {
      body: 'People\u2019s Procuracy of Hà Nội',
      reviewType: 'PROSECUTORIAL',
      decisionReference: 'QĐ 12/2026/VKS',
    },
    grounds:
      'Preservation requested by France (Art. 42) in a ransomware investigation; the logs are deleted after 30 days.',
    scope: {
      identifiers: [{ kind: 'account', service: 'ExampleMail', handle: 'suspect@example.net' }],
      dataCategories: ['subscriber', 'traffic'],
      dateRange: { from: '2026-10-01T00:00:00+07:00', to: '2026-10-31T23:59:59+07:00', timeZone: 'Asia/Ho_Chi_Minh' },
    },
    durationDays: 90,
    nonDisclosure: { required: true, until: null },
    ...overrides,
  };
}
