import { timelineNoteSchema } from '@hanoi247/core';
import { describe, expect, it } from 'vitest';
import { noteFromEnglish } from './english-notes.js';

/** The sentences earlier versions wrote, exactly as they wrote them, and what each becomes. */
describe('noteFromEnglish', () => {
  it.each([
    [
      { note: 'Domestic order(s) SG-ORD-2026-000001, SG-ORD-2026-000002' },
      { notes: [{ code: 'order.drafted', params: { orders: ['SG-ORD-2026-000001', 'SG-ORD-2026-000002'] } }] },
    ],
    [
      { note: 'Domestic order SG-ORD-2026-000001 renewed until 2027-03-08T10:15:00.000Z' },
      {
        notes: [
          { code: 'order.renewed', params: { order: 'SG-ORD-2026-000001', periodEnd: '2027-03-08T10:15:00.000Z' } },
        ],
      },
    ],
    [
      {
        preservedUntil: '2027-03-08T10:15:00.000Z',
        note: 'Preserved by the service provider under domestic order SG-ORD-2026-000001: Login IP log, Oct 2026',
      },
      {
        preservedUntil: '2027-03-08T10:15:00.000Z',
        information: 'Login IP log, Oct 2026',
        notes: [
          {
            code: 'order.preservation-confirmed-before-periods',
            params: { order: 'SG-ORD-2026-000001', until: '2027-03-08T10:15:00.000Z' },
          },
        ],
      },
    ],
    [
      {
        reasonCodes: ['DATA_NOT_HELD'],
        information:
          'The service provider addressed by domestic order SG-ORD-2026-000003 reports that it does not hold the data (DATA_NOT_HELD).',
      },
      {
        reasonCodes: ['DATA_NOT_HELD'],
        notes: [{ code: 'order.data-not-held', params: { order: 'SG-ORD-2026-000003' } }],
      },
    ],
    [
      {
        reasonCodes: ['DATA_NOT_HELD'],
        information:
          'The service provider reports that it does not hold the data: preservation will not ensure its availability.',
      },
      { reasonCodes: ['DATA_NOT_HELD'], notes: [{ code: 'order.data-not-held-unnamed', params: {} }] },
    ],
    [
      {
        type: 'PRESERVATION_42',
        requestedState: 'SG',
        reason: 'a service provider in the communication path is in this State (UN art. 43)',
      },
      { type: 'PRESERVATION_42', requestedState: 'SG', noteCode: 'proposal.art43-third-state' },
    ],
  ])('rewrites %j', (before, after) => {
    const rewritten = noteFromEnglish(before);
    expect(rewritten).toEqual(after);
    // Every note it writes is one the catalogue can put into words.
    for (const note of (rewritten?.['notes'] as unknown[] | undefined) ?? []) {
      expect(timelineNoteSchema.safeParse(note).success, JSON.stringify(note)).toBe(true);
    }
  });

  it('leaves text an officer typed as it was', () => {
    expect(noteFromEnglish({ note: 'Called the provider; they will confirm tomorrow' })).toBeNull();
    expect(noteFromEnglish({ information: 'Domestic order(s) are being prepared' })).toBeNull();
    expect(noteFromEnglish({ reasons: 'Domestic order(s) X' })).toBeNull();
  });
});
