import type { Permission } from '../auth/roles.js';
import {
  lifecycleState as state,
  openStateNames,
  transitionsFromState,
  type LifecycleMachine,
  type LifecycleState,
  type LifecycleTransition,
} from '../lifecycle/machine.js';
import { type LegalSource } from '../requests/legal-source.js';
import { unCite } from '../requests/un-numbering.js';
import type { Bilingual } from '../requests/types/field-spec.js';
import type { OrderKind } from './order-types.js';

/**
 * Who performs a transition on an order: the node's officers, the provider's users (or
 * systems, with an API token), or the order's own clock.
 */
export type OrderSide = 'officer' | 'provider' | 'system';

export const orderGuardIds = [
  'four-eyes',
  'preservation-confirmation',
  'renewal-period',
  'objection-grounds',
  'within-authorised-period',
  'note',
  'disclosure-authority',
] as const;
export type OrderGuardId = (typeof orderGuardIds)[number];

/**
 * An order's transition: the kernel's, for some kinds of order only; `to: null` keeps the state (one
 * more production part, a renewed preservation confirmed); `permission: null` for the clock's steps.
 */
export interface OrderTransitionDefinition extends LifecycleTransition<OrderSide, OrderGuardId> {
  /** The kinds of order the transition exists for. */
  readonly kinds: readonly OrderKind[];
}

/** Brief §3.2 E, with collection (Arts. 29, 30) as a running state ended by a hard stop. */
export const orderStates: readonly LifecycleState[] = [
  state('CREATED', 'Drafted, awaiting authorisation', 'Dự thảo, chờ phê duyệt'),
  state('AUTHORISED', 'Authorised (Art. 24 review recorded)', 'Đã được phê duyệt'),
  state('SERVED', 'Served on the provider', 'Đã tống đạt cho doanh nghiệp'),
  state('ACKNOWLEDGED', 'Acknowledged by the provider', 'Doanh nghiệp đã xác nhận'),
  state('PRESERVED', 'Data preserved', 'Đã bảo toàn dữ liệu'),
  state('RENEWED', 'Preservation renewed', 'Đã gia hạn bảo toàn'),
  state('RELEASED', 'Preservation released', 'Đã giải tỏa bảo toàn', true),
  state('EXPIRED', 'Preservation lapsed', 'Hết hạn bảo toàn', true),
  state('PRODUCED', 'Production delivered', 'Doanh nghiệp đã cung cấp dữ liệu'),
  state('EVIDENCE_INGESTED', 'Production complete, evidence ingested', 'Đã tiếp nhận đầy đủ chứng cứ', true),
  state('COLLECTING', 'Collection running', 'Đang thu thập'),
  state('ENDED', 'Collection ended', 'Đã kết thúc thu thập', true),
  state('OBJECTED', 'Objected by the provider', 'Doanh nghiệp phản đối'),
  state('REVIEW', 'Objection under review', 'Đang xem xét phản đối'),
  state('AMENDED', 'Amended, awaiting authorisation', 'Đã sửa đổi, chờ phê duyệt'),
  state('WITHDRAWN', 'Withdrawn', 'Đã thu hồi', true),
  state('ENFORCEMENT', 'Referred for enforcement', 'Chuyển cưỡng chế thi hành', true),
];

const all: readonly OrderKind[] = ['preservation', 'production', 'collection'];
const issue: Permission = 'orders:issue';
const authorise: Permission = 'orders:authorise';
const respond: Permission = 'provider-orders:respond';

function transition(
  action: string,
  from: readonly string[],
  to: string | null,
  by: OrderSide,
  kinds: readonly OrderKind[],
  label: Bilingual,
  extra: { guards?: readonly OrderGuardId[]; legalSource?: LegalSource } = {},
): OrderTransitionDefinition {
  const permission = by === 'system' ? null : by === 'provider' ? respond : issue;
  return {
    action,
    from,
    to,
    by,
    kinds,
    permission,
    guards: extra.guards ?? [],
    label,
    ...(extra.legalSource === undefined ? {} : { legalSource: extra.legalSource }),
  };
}

const withPermission = (definition: OrderTransitionDefinition, permission: Permission): OrderTransitionDefinition => ({
  ...definition,
  permission,
});

const openStates = openStateNames({ states: orderStates });

export const orderTransitions: readonly OrderTransitionDefinition[] = [
  // Art. 24: not servable until reviewed; the officer who recorded the authorisation is not the drafter.
  withPermission(
    transition(
      'authorise',
      ['CREATED', 'AMENDED'],
      'AUTHORISED',
      'officer',
      all,
      { en: 'Record the authorisation', vi: 'Ghi nhận phê duyệt' },
      { guards: ['four-eyes'], legalSource: unCite.powers.safeguards },
    ),
    authorise,
  ),
  transition('serve', ['AUTHORISED'], 'SERVED', 'officer', all, {
    en: 'Serve on the provider',
    vi: 'Tống đạt cho doanh nghiệp',
  }),
  transition('acknowledge', ['SERVED'], 'ACKNOWLEDGED', 'provider', all, {
    en: 'Acknowledge receipt',
    vi: 'Xác nhận đã nhận lệnh',
  }),
  transition(
    'confirm-preservation',
    ['ACKNOWLEDGED'],
    'PRESERVED',
    'provider',
    ['preservation'],
    { en: 'Confirm what was preserved, until when', vi: 'Xác nhận dữ liệu đã bảo toàn và thời hạn' },
    { guards: ['preservation-confirmation'], legalSource: unCite.powers.preservationOrder },
  ),
  transition(
    'confirm-preservation',
    ['RENEWED'],
    null,
    'provider',
    ['preservation'],
    { en: 'Confirm the renewed preservation', vi: 'Xác nhận bảo toàn sau gia hạn' },
    { guards: ['preservation-confirmation'], legalSource: unCite.powers.preservationOrder },
  ),
  withPermission(
    transition(
      'renew',
      ['PRESERVED', 'RENEWED'],
      'RENEWED',
      'officer',
      ['preservation'],
      { en: 'Renew the preservation', vi: 'Gia hạn bảo toàn' },
      { guards: ['renewal-period'], legalSource: unCite.powers.preservationPeriod },
    ),
    authorise,
  ),
  // While a follow-up MLA request is pending the data must stay preserved (Art. 42(7)): the clock renews.
  transition(
    'renew',
    ['PRESERVED', 'RENEWED'],
    'RENEWED',
    'system',
    ['preservation'],
    {
      en: 'Renewed automatically: the follow-up MLA request is pending',
      vi: 'Tự động gia hạn: yêu cầu tương trợ đang chờ',
    },
    { guards: ['renewal-period'], legalSource: unCite.preservation.period },
  ),
  transition('release', ['PRESERVED', 'RENEWED'], 'RELEASED', 'officer', ['preservation'], {
    en: 'Release the preserved data',
    vi: 'Giải tỏa dữ liệu đã bảo toàn',
  }),
  transition(
    'expire',
    ['PRESERVED', 'RENEWED'],
    'EXPIRED',
    'system',
    ['preservation'],
    { en: 'Preservation period ended', vi: 'Hết thời hạn bảo toàn' },
    { legalSource: unCite.powers.preservationPeriod },
  ),
  transition(
    'deliver-production',
    ['ACKNOWLEDGED', 'PRODUCED'],
    'PRODUCED',
    'provider',
    ['production'],
    { en: 'Deliver production', vi: 'Cung cấp dữ liệu' },
    { legalSource: unCite.powers.production },
  ),
  transition('deliver-production', ['COLLECTING'], null, 'provider', ['collection'], {
    en: 'Deliver a batch of collected data',
    vi: 'Cung cấp một đợt dữ liệu thu thập',
  }),
  // Under a foreign request the confirmation offers the production to the requesting State: a disclosure abroad.
  transition(
    'confirm-production-complete',
    ['PRODUCED'],
    'EVIDENCE_INGESTED',
    'officer',
    ['production'],
    { en: 'Production complete: evidence ingested', vi: 'Xác nhận đã nhận đủ dữ liệu' },
    { guards: ['disclosure-authority'] },
  ),
  transition(
    'start-collection',
    ['ACKNOWLEDGED'],
    'COLLECTING',
    'provider',
    ['collection'],
    { en: 'Start collection', vi: 'Bắt đầu thu thập' },
    { guards: ['within-authorised-period'] },
  ),
  transition('end-collection', ['COLLECTING'], 'ENDED', 'officer', ['collection'], {
    en: 'End collection early',
    vi: 'Kết thúc thu thập sớm',
  }),
  transition(
    'hard-stop',
    ['SERVED', 'ACKNOWLEDGED', 'COLLECTING'],
    'ENDED',
    'system',
    ['collection'],
    { en: 'Authorised period ended (hard stop)', vi: 'Hết thời hạn được phép (dừng bắt buộc)' },
    { legalSource: unCite.powers.realtimeTrafficCollection },
  ),
  transition(
    'object',
    ['SERVED', 'ACKNOWLEDGED'],
    'OBJECTED',
    'provider',
    all,
    { en: 'Object to the order', vi: 'Phản đối lệnh' },
    { guards: ['objection-grounds'] },
  ),
  transition('review', ['OBJECTED'], 'REVIEW', 'officer', all, { en: 'Review the objection', vi: 'Xem xét phản đối' }),
  transition(
    'amend',
    ['REVIEW'],
    'AMENDED',
    'officer',
    all,
    { en: 'Amend the order (authorise again)', vi: 'Sửa đổi lệnh' },
    { guards: ['note'] },
  ),
  withPermission(
    transition(
      'enforce',
      ['REVIEW'],
      'ENFORCEMENT',
      'officer',
      all,
      { en: 'Refer for enforcement', vi: 'Chuyển cưỡng chế thi hành' },
      { guards: ['note'] },
    ),
    authorise,
  ),
  transition('withdraw', openStates, 'WITHDRAWN', 'officer', all, { en: 'Withdraw the order', vi: 'Thu hồi lệnh' }),
];

/** The order lifecycle, as the kernel reads it. */
export const orderMachine: LifecycleMachine<OrderTransitionDefinition> = {
  states: orderStates,
  transitions: orderTransitions,
};

/** What a side may do now with an order of this kind in this state: the planner's candidates. */
export function orderTransitionsFor(kind: OrderKind, state: string, side: OrderSide): OrderTransitionDefinition[] {
  return transitionsFromState(orderMachine, state, (t) => t.by === side && t.kinds.includes(kind));
}
