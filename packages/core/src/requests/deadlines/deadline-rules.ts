import type { ClockRule } from '../../lifecycle/clock-effects.js';
import type { LegalDuration } from '../../support/legal-time.js';
import { practice, type LegalSource } from '../legal-source.js';
import type { RequestSnapshot, TransitionPayload } from '../request-snapshot.js';
import type { RequestTypeCode } from '../request-type-codes.js';
import { unCite } from '../un-numbering.js';

/** Hours are absolute; days are calendar days in the node's zone (ADR 0011). */
export type Duration = LegalDuration;

/**
 * Service levels the law leaves to each State ("expeditiously", "forthwith") are node
 * settings, measured and reported, not legal constants (brief §4, platform-wide rules).
 */
export interface DeadlineSettings {
  readonly acknowledgeUrgentHours: number;
  readonly acknowledgeStandardHours: number;
  readonly writtenConfirmationHours: number;
  /**
   * The IANA zone whose calendar counts the node's legal days (`node.timeZone`); UTC when absent.
   * A node setting, not rule data: it is left out of the defaults the rule-set digest covers.
   */
  readonly timeZone?: string;
}

export const defaultDeadlineSettings: DeadlineSettings = {
  acknowledgeUrgentHours: 1,
  acknowledgeStandardHours: 24,
  writtenConfirmationHours: 24,
};

/** A request's clock: the kernel's rule (kind, start, close, suspend, escalation) and how it is due. */
export interface DeadlineRule extends ClockRule {
  readonly title: { readonly en: string; readonly vi: string };
  readonly legalSource: LegalSource;
  /** Where the clock of one type comes from another rule (the hard stop of Art. 45 and of Art. 46). */
  readonly sourceFor?: Partial<Record<RequestTypeCode, LegalSource>>;
  readonly appliesTo: readonly RequestTypeCode[] | 'all';
  readonly direction: 'outgoing' | 'incoming' | 'both';
  /** `startOn`: `receive` is the creation of an incoming request; other names are transition actions. */
  readonly applies?: (request: RequestSnapshot) => boolean;
  /** The due time: a duration from the anchor, or a date carried by the payload or the details. */
  readonly due:
    | ((settings: DeadlineSettings, request: RequestSnapshot) => Duration)
    | { readonly payload: keyof TransitionPayload }
    | { readonly details: 'deadlineSought' };
  readonly warnBefore: Duration;
}

const urgent = (r: RequestSnapshot) => r.emergency || r.urgent;
/** Types whose machine records an urgent oral request (record-oral-request): the MLA and real-time machines. */
const oralRequestTypes: readonly RequestTypeCode[] = [
  'MLA_40',
  'STORED_DATA_44',
  'REALTIME_TRAFFIC_45',
  'INTERCEPTION_46',
  'JIT_48',
  'OTHER_ASSISTANCE',
];
/** Types whose details carry the art. 40(15) content list, and with it the deadline sought (art. 40(25)). */
const deadlineSoughtTypes: readonly RequestTypeCode[] = [
  'MLA_40',
  'STORED_DATA_44',
  'JIT_48',
  'FREEZE_CONFISCATE_50',
  'RETURN_52',
  'OTHER_ASSISTANCE',
];
const acknowledgements = ['acknowledge', 'accept-conditions', 'reject-conditions', 'withdraw'];

export const deadlineRules: readonly DeadlineRule[] = [
  {
    id: 'acknowledge-urgent',
    title: { en: 'Acknowledge an emergency or urgent request', vi: 'Xác nhận yêu cầu khẩn cấp' },
    legalSource: { ...unCite.network.pointOfContact, note: 'service level set by the node' },
    kind: 'sla',
    appliesTo: 'all',
    direction: 'incoming',
    startOn: ['receive'],
    closeOn: acknowledgements,
    applies: urgent,
    due: (s) => ({ value: s.acknowledgeUrgentHours, unit: 'hours' }),
    warnBefore: { value: 0.25, unit: 'hours' },
    escalateTo: 'supervisor',
  },
  {
    id: 'acknowledge-standard',
    title: { en: 'Acknowledge a request', vi: 'Xác nhận đã nhận yêu cầu' },
    legalSource: { ...unCite.network.pointOfContact, note: 'service level set by the node' },
    kind: 'sla',
    appliesTo: 'all',
    direction: 'incoming',
    startOn: ['receive'],
    closeOn: acknowledgements,
    applies: (r) => !urgent(r),
    due: (s) => ({ value: s.acknowledgeStandardHours, unit: 'hours' }),
    warnBefore: { value: 4, unit: 'hours' },
    escalateTo: 'supervisor',
  },
  {
    id: 'written-confirmation',
    title: { en: 'Confirm an oral request in writing', vi: 'Xác nhận yêu cầu bằng văn bản' },
    legalSource: { ...unCite.mla.formAndLanguage, note: '"forthwith"' },
    kind: 'sla',
    appliesTo: oralRequestTypes,
    direction: 'outgoing',
    startOn: ['record-oral-request'],
    closeOn: ['confirm-in-writing', 'withdraw'],
    due: (s) => ({ value: s.writtenConfirmationHours, unit: 'hours' }),
    warnBefore: { value: 6, unit: 'hours' },
    escalateTo: 'supervisor',
  },
  {
    id: 'preservation-period',
    title: {
      en: 'Preservation period (at least 60 days; send the MLA request)',
      vi: 'Thời hạn bảo toàn (ít nhất 60 ngày)',
    },
    legalSource: unCite.preservation.period,
    kind: 'expiry',
    appliesTo: ['PRESERVATION_42'],
    direction: 'both',
    startOn: ['confirm-preserved', 'grant-extension'],
    closeOn: ['release-after-decision', 'withdraw', 'expire'],
    suspendOn: ['link-follow-up-mla'],
    due: { payload: 'preservedUntil' },
    warnBefore: { value: 14, unit: 'days' },
    escalateTo: 'duty_officer',
    systemAction: 'expire',
  },
  {
    id: 'authorised-collection-end',
    title: {
      en: 'End of the authorised collection period (hard stop)',
      vi: 'Kết thúc thời hạn thu thập được cho phép',
    },
    // The period ends where the domestic authorisation ends (art. 29 for traffic data, art. 30 for
    // content), within the limits of duration of art. 24: not a rule of Art. 45 or 46.
    legalSource: { ...unCite.powers.safeguards, note: 'limits of duration of the domestic authorisation' },
    sourceFor: {
      REALTIME_TRAFFIC_45: unCite.powers.realtimeTrafficCollection,
      INTERCEPTION_46: unCite.powers.interception,
    },
    kind: 'hard-stop',
    appliesTo: ['REALTIME_TRAFFIC_45', 'INTERCEPTION_46'],
    direction: 'incoming',
    startOn: ['authorise-domestically', 'renew'],
    closeOn: ['terminate', 'withdraw', 'decline-renewal', 'hard-stop'],
    due: { payload: 'authorisedEnd' },
    warnBefore: { value: 24, unit: 'hours' },
    escalateTo: 'supervisor',
    systemAction: 'hard-stop',
  },
  {
    id: 'deadline-sought',
    title: { en: 'Deadline sought by the requesting State', vi: 'Thời hạn do quốc gia yêu cầu đề nghị' },
    legalSource: unCite.mla.execution,
    kind: 'sla',
    appliesTo: deadlineSoughtTypes,
    direction: 'incoming',
    startOn: ['receive'],
    closeOn: ['complete-execution', 'refuse', 'withdraw', 'decline-conditions', 'confiscate', 'lift'],
    applies: (r) => typeof r.details['deadlineSought'] === 'object' && r.details['deadlineSought'] !== null,
    due: { details: 'deadlineSought' },
    warnBefore: { value: 3, unit: 'days' },
    escalateTo: 'central_authority_officer',
  },
];

export const deadlineRuleById: ReadonlyMap<string, DeadlineRule> = new Map(deadlineRules.map((r) => [r.id, r]));

export const legalClockNote = practice('acknowledgement service levels are configurable per node');
