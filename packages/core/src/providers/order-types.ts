import { practice, type LegalSource } from '../requests/legal-source.js';
import { unCite } from '../requests/un-numbering.js';
import type { Duration } from '../requests/deadlines/deadline-rules.js';
import type { Bilingual } from '../requests/types/field-spec.js';

/** Brief §3.1 DomesticOrder: the orders this node serves on providers (Arts. 25-30). */
export const orderTypeCodes = [
  'PRESERVE_25',
  'PARTIAL_TRAFFIC_26',
  'PRODUCE_27A',
  'SUBSCRIBER_27B',
  'RT_TRAFFIC_29',
  'INTERCEPT_30',
] as const;
export type OrderTypeCode = (typeof orderTypeCodes)[number];

/**
 * What the provider does to fulfil the order: keep the data (preservation), hand it over
 * (production), or collect it as it flows between an authorised start and end (collection).
 */
export type OrderKind = 'preservation' | 'production' | 'collection';

export interface OrderClock {
  readonly standard: Duration;
  /** Emergencies (a risk to life or safety) run in hours. */
  readonly emergency: Duration;
}

export interface OrderTypeDefinition {
  readonly code: OrderTypeCode;
  readonly title: Bilingual;
  readonly legalSource: LegalSource;
  readonly kind: OrderKind;
  /** Longest period one order may run; renewals chain further periods of at most this length. */
  readonly maxDurationDays: number | null;
  readonly renewable: boolean;
  /** Authorised start and end, with a hard stop at the end (Arts. 29, 30). */
  readonly authorisedPeriod: boolean;
  readonly acknowledge: OrderClock;
  /** The provider's act that fulfils the order: confirm preservation, deliver production, start collection. */
  readonly fulfil: OrderClock & { readonly action: 'confirm-preservation' | 'deliver-production' | 'start-collection' };
}

const hours = (value: number): Duration => ({ value, unit: 'hours' });
const days = (value: number): Duration => ({ value, unit: 'days' });
const acknowledge: OrderClock = { standard: hours(24), emergency: hours(1) };

/** Service levels are node settings, defaults here (brief §4: "expeditiously" is measured, not a legal constant). */
export const orderClockSource = practice(
  'service levels set by the node; SAP art. 8 and EU 2023/1543 art. 10 inspire the defaults',
);

export const orderTypes: Readonly<Record<OrderTypeCode, OrderTypeDefinition>> = {
  PRESERVE_25: {
    code: 'PRESERVE_25',
    title: { en: 'Expedited preservation order', vi: 'Lệnh bảo toàn khẩn cấp dữ liệu' },
    legalSource: unCite.powers.preservationOrder,
    kind: 'preservation',
    maxDurationDays: 90,
    renewable: true,
    authorisedPeriod: false,
    acknowledge,
    fulfil: { action: 'confirm-preservation', standard: hours(24), emergency: hours(2) },
  },
  PARTIAL_TRAFFIC_26: {
    code: 'PARTIAL_TRAFFIC_26',
    title: {
      en: 'Order for partial disclosure of traffic data (other providers in the path)',
      vi: 'Lệnh tiết lộ một phần dữ liệu lưu lượng',
    },
    legalSource: unCite.powers.partialTrafficDisclosure,
    kind: 'production',
    maxDurationDays: null,
    renewable: false,
    authorisedPeriod: false,
    acknowledge,
    fulfil: { action: 'deliver-production', standard: hours(48), emergency: hours(4) },
  },
  PRODUCE_27A: {
    code: 'PRODUCE_27A',
    title: { en: 'Production order for specified stored data', vi: 'Lệnh cung cấp dữ liệu được lưu trữ' },
    legalSource: unCite.powers.productionOrder,
    kind: 'production',
    maxDurationDays: null,
    renewable: false,
    authorisedPeriod: false,
    acknowledge,
    fulfil: { action: 'deliver-production', standard: days(20), emergency: hours(8) },
  },
  SUBSCRIBER_27B: {
    code: 'SUBSCRIBER_27B',
    title: { en: 'Production order for subscriber information', vi: 'Lệnh cung cấp thông tin thuê bao' },
    legalSource: unCite.powers.subscriberInformationOrder,
    kind: 'production',
    maxDurationDays: null,
    renewable: false,
    authorisedPeriod: false,
    acknowledge,
    fulfil: { action: 'deliver-production', standard: days(10), emergency: hours(8) },
  },
  RT_TRAFFIC_29: {
    code: 'RT_TRAFFIC_29',
    title: {
      en: 'Order for real-time collection of traffic data',
      vi: 'Lệnh thu thập dữ liệu lưu lượng theo thời gian thực',
    },
    legalSource: unCite.powers.realtimeTrafficCollection,
    kind: 'collection',
    maxDurationDays: null,
    renewable: false,
    authorisedPeriod: true,
    acknowledge,
    fulfil: { action: 'start-collection', standard: hours(24), emergency: hours(2) },
  },
  INTERCEPT_30: {
    code: 'INTERCEPT_30',
    title: { en: 'Order for interception of content data', vi: 'Lệnh đánh chặn dữ liệu nội dung' },
    legalSource: unCite.powers.interception,
    kind: 'collection',
    maxDurationDays: null,
    renewable: false,
    authorisedPeriod: true,
    acknowledge,
    fulfil: { action: 'start-collection', standard: hours(24), emergency: hours(2) },
  },
};

/** Per-type overrides a node configures; anything absent keeps the default above. */
export interface OrderClockOverride {
  readonly acknowledgeHours?: number | undefined;
  readonly acknowledgeEmergencyHours?: number | undefined;
  readonly fulfilHours?: number | undefined;
  readonly fulfilEmergencyHours?: number | undefined;
}

export interface OrderDeadlineSettings {
  readonly clocks: Partial<Record<OrderTypeCode, OrderClockOverride>>;
  /** How long before a preservation lapses the officer is reminded (and a pending MLA renews it). */
  readonly lapseReminderDays: number;
  /**
   * The IANA zone whose calendar counts the order's days (`node.timeZone`); UTC when absent.
   * A node setting, not rule data: it is left out of the defaults the rule-set digest covers.
   */
  readonly timeZone?: string;
}

export const defaultOrderDeadlineSettings: OrderDeadlineSettings = { clocks: {}, lapseReminderDays: 10 };

/** The acknowledgement and fulfilment durations that apply to one order, overrides included. */
export function orderClocks(
  type: OrderTypeCode,
  emergency: boolean,
  settings: OrderDeadlineSettings,
): { acknowledge: Duration; fulfil: Duration } {
  const definition = orderTypes[type];
  const override = settings.clocks[type] ?? {};
  const pick = (hoursOverride: number | undefined, fallback: Duration): Duration =>
    hoursOverride === undefined ? fallback : hours(hoursOverride);
  return emergency
    ? {
        acknowledge: pick(override.acknowledgeEmergencyHours, definition.acknowledge.emergency),
        fulfil: pick(override.fulfilEmergencyHours, definition.fulfil.emergency),
      }
    : {
        acknowledge: pick(override.acknowledgeHours, definition.acknowledge.standard),
        fulfil: pick(override.fulfilHours, definition.fulfil.standard),
      };
}

export function isOrderTypeCode(value: string): value is OrderTypeCode {
  return (orderTypeCodes as readonly string[]).includes(value);
}
