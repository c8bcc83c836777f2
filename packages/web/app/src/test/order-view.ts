import { orderStates, orderTypes } from '@hanoi247/core';
import type { DomesticOrder } from '../api/order-types.js';

/**
 * A domestic order as GET /api/v1/orders/:id shows it (server's officer order view), its
 * title and state label taken from core's registries rather than typed again.
 */
export function orderView(state: string, overrides: Partial<DomesticOrder> = {}): DomesticOrder {
  const label = orderStates.find((s) => s.name === state)?.label ?? { en: state, vi: state };
  return {
    id: '0193f0c2-9000-7000-8000-00000000b001',
    reference: 'VN-ORD-2026-000042',
    type: 'PRESERVE_25',
    typeTitle: orderTypes.PRESERVE_25.title,
    legalSource: { instrument: 'DOMESTIC', article: '12', paragraph: '2' },
    state,
    stateLabel: label,
    emergencyJustification: null,
    emergency: null,
    terms: {
      authorisation: { body: 'Tòa án nhân dân TP Hà Nội', reviewType: 'JUDICIAL', decisionReference: 'QĐ 5/2026' },
      grounds: 'Thực hiện yêu cầu VN-2026-000123 của Singapore',
      scope: {
        identifiers: [{ kind: 'ip', address: '2001:db8::7', port: 8443, observedAt: '2026-10-30T14:03:11+08:00' }],
        dataCategories: ['subscriber', 'traffic'],
        dateRange: { from: '2026-09-30T17:00:00Z', to: '2026-10-31T16:59:00Z', timeZone: 'Asia/Ho_Chi_Minh' },
      },
      durationDays: 90,
      authorisedPeriod: null,
      nonDisclosure: { required: true, until: null },
    },
    periods: [],
    preservedUntil: null,
    preservedWhat: null,
    objection: null,
    servedAt: null,
    revision: 0,
    deadlines: [],
    availableActions: [],
    withheldActions: [],
    updatedAt: '2026-11-23T02:00:00Z',
    version: 1,
    provider: { id: '0193f0c2-9000-7000-8000-00000000c001', legalName: 'Example Platform (VN) Co., Ltd.' },
    requestId: '0193f0c2-8000-7000-8000-00000000a001',
    requestReference: 'VN-2026-000123',
    draftedBy: ['truc'],
    authorisedBy: null,
    authorisedAt: null,
    createdAt: '2026-11-23T01:00:00Z',
    ...overrides,
  };
}
