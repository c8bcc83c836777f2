import { clockEffects, type ClockEffect, type ClockRule } from '../lifecycle/clock-effects.js';
import { scanClocks, type ClockAlarm, type ClockInstance } from '../lifecycle/clock-scanner.js';
import type { Duration } from '../requests/deadlines/deadline-rules.js';
import { type LegalSource } from '../requests/legal-source.js';
import { unCite } from '../requests/un-numbering.js';
import type { Bilingual } from '../requests/types/field-spec.js';
import { addLegalDuration, nominalHours, utcZone } from '../support/legal-time.js';
import {
  orderClocks,
  orderClockSource,
  orderTypes,
  type OrderDeadlineSettings,
  type OrderKind,
  type OrderTypeCode,
} from './order-types.js';

export interface OrderClockSubject {
  readonly type: OrderTypeCode;
  readonly emergency: boolean;
  /** The end of the current preservation period, if any. */
  readonly periodEnd: string | null;
  readonly authorisedEnd: string | null;
}

/**
 * The clocks of an order, as data: the provider's acknowledgement and fulfilment (both sides
 * see them), the preservation lapse (a reminder first, then the order expires unless renewed)
 * and the hard stop of collection.
 */
export interface OrderDeadlineRule extends ClockRule {
  readonly title: Bilingual;
  readonly legalSource: LegalSource;
  readonly kind: 'sla' | 'expiry' | 'hard-stop';
  readonly kinds: readonly OrderKind[];
  readonly due: (subject: OrderClockSubject, settings: OrderDeadlineSettings, now: Date) => number | null;
  readonly warnBefore: (subject: OrderClockSubject, settings: OrderDeadlineSettings) => Duration;
  /** At the reminder, renew instead of only warning when the linked request awaits its MLA decision. */
  readonly renewWhileLinkedRequestPending?: true;
}

/** The warning comes when a quarter of the nominal span is left (20 days: 120 hours before). */
const quarter = (d: Duration): Duration => ({ value: nominalHours(d) / 4, unit: 'hours' });
/** Days on the calendar of the node's zone, hours on the clock (ADR 0011). */
const zoneOf = (settings: OrderDeadlineSettings): string => settings.timeZone ?? utcZone;
const after = (now: Date, d: Duration, settings: OrderDeadlineSettings): number =>
  addLegalDuration(now, d, zoneOf(settings)).getTime();
const fulfilActions = ['confirm-preservation', 'deliver-production', 'start-collection'];
const endings = ['withdraw', 'hard-stop', 'expire', 'release', 'end-collection'];

export const orderDeadlineRules: readonly OrderDeadlineRule[] = [
  {
    id: 'order-acknowledgement',
    title: { en: 'Provider acknowledges the order', vi: 'Doanh nghiệp xác nhận đã nhận lệnh' },
    legalSource: orderClockSource,
    kind: 'sla',
    kinds: ['preservation', 'production', 'collection'],
    startOn: ['serve'],
    closeOn: ['acknowledge', 'object', ...endings],
    due: (s, settings, now) => after(now, orderClocks(s.type, s.emergency, settings).acknowledge, settings),
    warnBefore: (s, settings) => quarter(orderClocks(s.type, s.emergency, settings).acknowledge),
    escalateTo: 'supervisor',
  },
  {
    id: 'order-fulfilment',
    title: {
      en: 'Provider preserves, produces or starts collection',
      vi: 'Doanh nghiệp bảo toàn, cung cấp hoặc bắt đầu thu thập',
    },
    legalSource: orderClockSource,
    kind: 'sla',
    kinds: ['preservation', 'production', 'collection'],
    startOn: ['serve'],
    closeOn: [...fulfilActions, 'object', ...endings],
    due: (s, settings, now) => after(now, orderClocks(s.type, s.emergency, settings).fulfil, settings),
    warnBefore: (s, settings) => quarter(orderClocks(s.type, s.emergency, settings).fulfil),
    escalateTo: 'supervisor',
  },
  {
    id: 'order-preservation-lapse',
    title: { en: 'Preservation lapses at the end of its period', vi: 'Hết thời hạn bảo toàn' },
    legalSource: unCite.powers.preservationPeriod,
    kind: 'expiry',
    kinds: ['preservation'],
    startOn: ['serve', 'renew'],
    closeOn: ['release', 'withdraw', 'expire'],
    due: (s) => (s.periodEnd === null ? null : Date.parse(s.periodEnd)),
    warnBefore: (_s, settings) => ({ value: settings.lapseReminderDays, unit: 'days' }),
    escalateTo: 'supervisor',
    systemAction: 'expire',
    renewWhileLinkedRequestPending: true,
  },
  {
    id: 'order-hard-stop',
    title: { en: 'End of the authorised period (hard stop)', vi: 'Kết thúc thời hạn được phép (dừng bắt buộc)' },
    legalSource: unCite.powers.realtimeTrafficCollection,
    kind: 'hard-stop',
    kinds: ['collection'],
    startOn: ['serve'],
    closeOn: ['end-collection', 'withdraw', 'hard-stop'],
    due: (s) => (s.authorisedEnd === null ? null : Date.parse(s.authorisedEnd)),
    warnBefore: () => ({ value: 24, unit: 'hours' }),
    escalateTo: 'supervisor',
    systemAction: 'hard-stop',
  },
];

export const orderDeadlineRuleById: ReadonlyMap<string, OrderDeadlineRule> = new Map(
  orderDeadlineRules.map((r) => [r.id, r]),
);

/** An order's clock change: the kernel's (orders' rules never suspend). */
export type OrderClockEffect = ClockEffect;

/**
 * The clock changes one action causes, through the lifecycle kernel's `clockEffects`. Starting a
 * running rule restarts it (a renewal moves the lapse; serving an amended order restarts the
 * provider's clocks); a withdrawal or an objection cancels, any other closing action meets.
 */
export function orderClockEffects(
  subject: OrderClockSubject,
  action: string,
  settings: OrderDeadlineSettings,
  now: Date,
): OrderClockEffect[] {
  const kind = orderTypes[subject.type].kind;
  return clockEffects(
    orderDeadlineRules.filter((r) => r.kinds.includes(kind)),
    action,
    {
      due: (rule) => rule.due(subject, settings, now),
      warnBefore: (rule) => rule.warnBefore(subject, settings),
      cancelledBy: ['withdraw', 'object'],
      zone: zoneOf(settings),
      now,
    },
  );
}

export interface OrderDeadlineInstance extends ClockInstance {
  readonly orderId: string;
}

export interface OrderAlarm extends ClockAlarm {
  readonly orderId: string;
  /** The server renews the order instead, if its linked request awaits the MLA decision. */
  readonly renewIfLinkedRequestPending: boolean;
}

/**
 * Pure: which of an order's alarms are due now (the lifecycle kernel's `scanClocks` on the order
 * rules). As with requests, a preservation never lapses without the reminder first.
 */
export function scanOrderDeadlines(deadlines: readonly OrderDeadlineInstance[], now: Date): OrderAlarm[] {
  return scanClocks(deadlines, orderDeadlineRuleById, now).map(({ instance, rule, ...alarm }) => ({
    ...alarm,
    orderId: instance.orderId,
    renewIfLinkedRequestPending: alarm.alarm !== 'breach' && rule.renewWhileLinkedRequestPending === true,
  }));
}
