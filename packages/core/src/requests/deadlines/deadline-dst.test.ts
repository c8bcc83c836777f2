import { describe, expect, it } from 'vitest';
import { msPerHour } from '../../support/time-units.js';
import { completeDetails, snapshot } from '../request.fixtures.js';
import { defaultDeadlineSettings, type DeadlineSettings } from './deadline-rules.js';
import { deadlineEffects } from './deadline-effects.js';

/**
 * ADR 0011: a node counts its legal days on the calendar of its own zone (`node.timeZone`);
 * hours stay absolute. These clocks run on a partner's node in Paris, across the change of
 * 28 March 2027 (+01:00 to +02:00), and on a node in Ho Chi Minh City, which keeps none.
 */
const inZone = (timeZone: string): DeadlineSettings => ({ ...defaultDeadlineSettings, timeZone });
const paris = inZone('Europe/Paris');
const hanoi = inZone('Asia/Ho_Chi_Minh');

const preservation = snapshot({ type: 'PRESERVATION_42', state: 'DOMESTIC_ORDER_ISSUED', direction: 'incoming' });
const confirm = (settings: DeadlineSettings, preservedUntil: string) =>
  deadlineEffects(preservation, 'confirm-preserved', { preservedUntil }, settings, new Date('2027-02-01T10:00:00Z'));

describe('legal days of the request clocks across a daylight-saving change', () => {
  it('warns 14 calendar days before a preservation ends, at the same wall-clock time in Paris', () => {
    // Ends 2 April 18:00 (+02:00); 14 days before is 19 March 18:00, still +01:00.
    expect(confirm(paris, '2027-04-02T18:00:00+02:00')).toEqual([
      {
        kind: 'start',
        ruleId: 'preservation-period',
        dueAt: '2027-04-02T16:00:00.000Z',
        warnAt: '2027-03-19T17:00:00.000Z',
      },
    ]);
  });

  it('keeps 24-hour days where the node counts in UTC (the default) or in a zone without daylight saving', () => {
    const due = Date.parse('2027-04-02T16:00:00Z');
    for (const settings of [defaultDeadlineSettings, hanoi]) {
      const [effect] = confirm(settings, '2027-04-02T18:00:00+02:00');
      expect(effect).toMatchObject({ dueAt: '2027-04-02T16:00:00.000Z' });
      expect(due - Date.parse((effect as { warnAt: string }).warnAt)).toBe(14 * 24 * msPerHour);
    }
  });

  it('ends the day sought at midnight where the node counts, three calendar days warned before', () => {
    const details = { ...completeDetails('MLA_40'), deadlineSought: { date: '2027-03-30', reasons: 'Trial' } };
    const received = snapshot({ type: 'MLA_40', state: 'RECEIVED', direction: 'incoming', details });
    const sought = (settings: DeadlineSettings) =>
      deadlineEffects(received, 'receive', {}, settings, new Date('2027-03-01T00:00:00Z')).find(
        (e) => e.ruleId === 'deadline-sought',
      );
    expect(sought(paris)).toMatchObject({ dueAt: '2027-03-30T21:59:59.999Z', warnAt: '2027-03-27T22:59:59.999Z' });
    expect(sought(hanoi)).toMatchObject({ dueAt: '2027-03-30T16:59:59.999Z', warnAt: '2027-03-27T16:59:59.999Z' });
    expect(sought(defaultDeadlineSettings)).toMatchObject({
      dueAt: '2027-03-30T23:59:59.999Z',
      warnAt: '2027-03-27T23:59:59.999Z',
    });
  });

  it('keeps hours absolute: a 24-hour acknowledgement across the change ends at 13:00, not noon', () => {
    const received = snapshot({ type: 'MLA_40', state: 'RECEIVED', direction: 'incoming' });
    const now = new Date('2027-03-27T12:00:00+01:00');
    expect(deadlineEffects(received, 'receive', {}, paris, now)).toEqual([
      {
        kind: 'start',
        ruleId: 'acknowledge-standard',
        dueAt: '2027-03-28T11:00:00.000Z',
        warnAt: '2027-03-28T07:00:00.000Z',
      },
    ]);
  });
});
