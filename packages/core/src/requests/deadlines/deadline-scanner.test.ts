import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../support/clock.js';
import { creationDeadlines, planTransition } from '../plan-transition.js';
import { addDays, addHours, orderActor, snapshot, supervisor, systemActor, t0 } from '../request.fixtures.js';
import type { RequestSnapshot } from '../request-snapshot.js';
import type { DeadlineEffect } from './deadline-effects.js';
import type { DeadlineStatus } from '../../lifecycle/clock-scanner.js';
import { scanDeadlines, type DeadlineAlarm, type DeadlineInstance } from './deadline-scanner.js';

/** The server's deadline table in miniature: effects open rows, the scanner's alarms move their status. */
class DeadlineTable {
  rows: DeadlineInstance[] = [];

  apply(effects: readonly DeadlineEffect[]): void {
    for (const effect of effects) {
      const index = this.rows.findIndex((r) => r.ruleId === effect.ruleId);
      if (effect.kind === 'start') {
        const row = {
          id: `d-${effect.ruleId}`,
          requestId: 'req-1',
          ruleId: effect.ruleId,
          status: 'open' as const,
          dueAt: effect.dueAt,
          warnAt: effect.warnAt,
        };
        if (index >= 0) this.rows[index] = row;
        else this.rows.push(row);
      } else if (index >= 0) {
        this.rows[index] = { ...this.rows[index]!, status: effect.kind === 'close' ? effect.outcome : 'suspended' };
      }
    }
  }

  scan(now: Date): DeadlineAlarm[] {
    const alarms = scanDeadlines(this.rows, now);
    for (const alarm of alarms) {
      this.rows = this.rows.map((r) => (r.id === alarm.deadlineId ? { ...r, status: alarm.nextStatus } : r));
    }
    return alarms;
  }
}

const instance = (ruleId: string, status: DeadlineStatus, dueAt: Date, warnAt: Date): DeadlineInstance => ({
  id: 'd-1',
  requestId: 'req-1',
  ruleId,
  status,
  dueAt: dueAt.toISOString(),
  warnAt: warnAt.toISOString(),
});
const hour = 3_600_000;

describe('scanDeadlines', () => {
  it('warns at warnAt and breaches an SLA at dueAt, escalating, with the travelling clock', () => {
    const clock = new ManualClock(t0);
    const table = new DeadlineTable();
    table.apply(
      creationDeadlines(
        snapshot({ type: 'MLA_40', state: 'RECEIVED', direction: 'incoming', emergency: true }),
        clock.now(),
      ),
    );
    clock.advance(44 * 60_000);
    expect(table.scan(clock.now())).toEqual([]);
    clock.advance(60_000);
    expect(table.scan(clock.now())).toEqual([
      {
        deadlineId: 'd-acknowledge-urgent',
        requestId: 'req-1',
        ruleId: 'acknowledge-urgent',
        alarm: 'warning',
        nextStatus: 'warned',
        systemAction: null,
        escalateTo: 'supervisor',
      },
    ]);
    clock.advance(10 * 60_000);
    expect(table.scan(clock.now())).toEqual([]);
    clock.advance(5 * 60_000);
    expect(table.scan(clock.now()).map((a) => [a.alarm, a.nextStatus, a.systemAction])).toEqual([
      ['breach', 'breached', null],
    ]);
    clock.advance(hour);
    expect(table.scan(clock.now())).toEqual([]);
  });

  it('breaches an SLA at once when the scan comes after dueAt without a warning', () => {
    expect(
      scanDeadlines([instance('acknowledge-standard', 'open', addHours(t0, -1), addHours(t0, -5))], t0).map(
        (a) => a.alarm,
      ),
    ).toEqual(['breach']);
  });

  it('is quiet once the request is acknowledged in time', () => {
    const table = new DeadlineTable();
    const received = snapshot({ type: 'MLA_40', state: 'RECEIVED', direction: 'incoming' });
    table.apply(creationDeadlines(received, t0));
    table.apply(planTransition(received, 'acknowledge', {}, supervisor, addHours(t0, 2), {}).deadlines);
    expect(table.rows.map((r) => r.status)).toEqual(['met']);
    expect(table.scan(addDays(t0, 30))).toEqual([]);
  });

  it('expires a preservation only after the requester was warned, and performs expire', () => {
    const clock = new ManualClock(t0);
    const table = new DeadlineTable();
    let request: RequestSnapshot = snapshot({
      type: 'PRESERVATION_42',
      state: 'DOMESTIC_ORDER_ISSUED',
      direction: 'incoming',
    });
    const preservedUntil = addDays(t0, 60).toISOString();
    const confirmed = planTransition(request, 'confirm-preserved', { preservedUntil }, orderActor, clock.now());
    table.apply(confirmed.deadlines);
    request = { ...request, state: confirmed.to };
    clock.set(addDays(t0, 46));
    expect(table.scan(clock.now()).map((a) => [a.ruleId, a.alarm, a.escalateTo])).toEqual([
      ['preservation-period', 'warning', 'duty_officer'],
    ]);
    clock.set(preservedUntil);
    const [expiry] = table.scan(clock.now());
    expect(expiry).toMatchObject({ alarm: 'expiry', nextStatus: 'expired', systemAction: 'expire' });
    const expired = planTransition(request, expiry!.systemAction!, {}, systemActor, clock.now());
    expect(expired.to).toBe('EXPIRED');
    expect(expired.deadlines).toContainEqual({ kind: 'close', ruleId: 'preservation-period', outcome: 'met' });
  });

  it('after a scan gap, warns first and expires on the next scan', () => {
    const table = new DeadlineTable();
    table.rows = [instance('preservation-period', 'open', addDays(t0, 60), addDays(t0, 46))];
    const late = addDays(t0, 61);
    expect(table.scan(late).map((a) => a.alarm)).toEqual(['warning']);
    expect(table.scan(late).map((a) => [a.alarm, a.systemAction])).toEqual([['expiry', 'expire']]);
    expect(table.scan(addDays(late, 1))).toEqual([]);
  });

  it('hard-stops real-time collection at authorisedEnd, warned or not', () => {
    const clock = new ManualClock(t0);
    const table = new DeadlineTable();
    const authorisedEnd = addDays(t0, 7);
    const request = snapshot({ type: 'INTERCEPTION_46', state: 'ACCEPTED', direction: 'incoming' });
    table.apply(
      planTransition(
        request,
        'authorise-domestically',
        { authorisedStart: t0.toISOString(), authorisedEnd: authorisedEnd.toISOString() },
        supervisor,
        clock.now(),
      ).deadlines,
    );
    clock.set(authorisedEnd);
    const [stop] = table.scan(clock.now());
    expect(stop).toMatchObject({
      ruleId: 'authorised-collection-end',
      alarm: 'hard-stop',
      nextStatus: 'expired',
      systemAction: 'hard-stop',
      escalateTo: 'supervisor',
    });
    const stopped = planTransition({ ...request, state: 'ACTIVE' }, stop!.systemAction!, {}, systemActor, clock.now());
    expect(stopped.to).toBe('EXPIRED');
    expect(stopped.deadlines).toEqual([{ kind: 'close', ruleId: 'authorised-collection-end', outcome: 'met' }]);
    expect(
      scanDeadlines([instance('authorised-collection-end', 'warned', t0, addHours(t0, -24))], t0).map((a) => a.alarm),
    ).toEqual(['hard-stop']);
  });

  it('ignores rules it does not know', () => {
    expect(scanDeadlines([instance('no-such-rule', 'open', t0, t0)], addDays(t0, 1))).toEqual([]);
  });

  it('never alarms on a suspended, met, cancelled, breached or expired deadline (property)', () => {
    const rules = [
      'acknowledge-urgent',
      'acknowledge-standard',
      'written-confirmation',
      'preservation-period',
      'authorised-collection-end',
      'deadline-sought',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.constantFrom<DeadlineStatus>('suspended', 'met', 'cancelled', 'breached', 'expired'),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (ruleId, status, scanHours, warnHours) => {
          const due = addHours(t0, 100);
          expect(
            scanDeadlines([instance(ruleId, status, due, addHours(due, -warnHours))], addHours(t0, scanHours)),
          ).toEqual([]);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it(
    'raises at most one alarm per deadline, never an expiry on an unwarned one, ' + 'nothing before warnAt (property)',
    () => {
      const rules = ['acknowledge-standard', 'preservation-period', 'authorised-collection-end'];
      fc.assert(
        fc.property(
          fc.constantFrom(...rules),
          fc.constantFrom<DeadlineStatus>('open', 'warned'),
          fc.integer({ min: 0, max: 500 }),
          fc.integer({ min: -600, max: 600 }),
          (ruleId, status, warnHours, scanHours) => {
            const due = addHours(t0, 100);
            const warnAt = addHours(due, -warnHours);
            const now = addHours(t0, scanHours);
            const alarms = scanDeadlines([instance(ruleId, status, due, warnAt)], now);
            expect(alarms.length).toBeLessThanOrEqual(1);
            if (now < warnAt && now < due) expect(alarms).toEqual([]);
            if (status === 'open') expect(alarms.map((a) => a.alarm)).not.toContain('expiry');
            if (now >= due && ruleId !== 'preservation-period') expect(alarms).toHaveLength(1);
          },
        ),
        { seed: 42, numRuns: 200 },
      );
    },
  );
});
