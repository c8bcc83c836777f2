import {
  arrived,
  decision,
  outgoingStates,
  outgoingTransitions,
  receivedState,
  state,
  transition,
  withdrawals,
  withdrawnState,
} from './builders.js';
import type { StateMachineDefinition, TransitionDefinition } from './state-machine.js';
import { unCite } from '../un-numbering.js';

/** Brief §3.2 A: expedited preservation (UN art. 42), both sides of the request. */
const states = [
  ...outgoingStates,
  receivedState,
  state('ACKNOWLEDGED', 'Acknowledged', 'Đã xác nhận'),
  state('TRIAGE', 'In triage', 'Đang xem xét'),
  state('INFO_REQUESTED', 'Information requested', 'Đề nghị bổ sung thông tin'),
  state('ACCEPTED', 'Accepted', 'Chấp nhận'),
  state('DOMESTIC_ORDER_ISSUED', 'Domestic order issued', 'Đã ban hành lệnh trong nước'),
  state('PRESERVED', 'Preserved', 'Đã bảo toàn'),
  state('WARNING_ISSUED', 'Art. 42 warning issued', 'Đã cảnh báo theo Điều 42'),
  state('EXTENSION_REQUESTED', 'Extension requested', 'Đề nghị gia hạn'),
  state('FOLLOW_UP_MLA_LINKED', 'Follow-up MLA received', 'Đã nhận yêu cầu tương trợ tiếp theo'),
  state('RELEASED_AFTER_DECISION', 'Released after the MLA decision', 'Giải tỏa sau quyết định tương trợ', true),
  state('REFUSED', 'Refused', 'Từ chối', true),
  state('EXPIRED', 'Expired', 'Hết hạn', true),
  withdrawnState,
];

const open = states.filter((s) => !s.terminal).map((s) => s.name);
/** Where the request waits on, or keeps, a preservation: a further order or renewal may be recorded there. */
const preserving = [
  'DOMESTIC_ORDER_ISSUED',
  'PRESERVED',
  'WARNING_ISSUED',
  'EXTENSION_REQUESTED',
  'FOLLOW_UP_MLA_LINKED',
];
const byOrder = { recordedBy: 'order' } as const;

/**
 * What only the node's domestic orders can record (UN arts. 25, 42): the order served, the provider's
 * confirmation (its date, never later than the order's period), a renewal, or the provider's report
 * that it holds no such data. The partner's node mirrors each.
 */
function orderRecorded(): TransitionDefinition[] {
  const served = { en: 'Domestic preservation order served', vi: 'Đã tống đạt lệnh bảo toàn trong nước' };
  const confirmed = { en: 'Preservation confirmed by the provider', vi: 'Doanh nghiệp xác nhận đã bảo toàn' };
  return [
    transition('issue-domestic-order', ['ACCEPTED'], 'DOMESTIC_ORDER_ISSUED', 'requested', served, {
      ...byOrder,
      legalSource: unCite.powers.preservationOrder,
    }),
    transition('issue-domestic-order', preserving, null, 'requested', served, {
      ...byOrder,
      legalSource: unCite.powers.preservationOrder,
    }),
    transition('confirm-preserved', ['DOMESTIC_ORDER_ISSUED'], 'PRESERVED', 'requested', confirmed, {
      ...byOrder,
      response: 'PRESERVED',
      guards: ['preserved-until-given'],
      legalSource: unCite.preservation.period,
    }),
    // A renewed order confirmed again, or a second order: the date moves, the state stays (a standing
    // warning waits for the requesting State's decision).
    transition(
      'confirm-preserved',
      ['PRESERVED', 'WARNING_ISSUED', 'FOLLOW_UP_MLA_LINKED'],
      null,
      'requested',
      confirmed,
      { ...byOrder, response: 'PRESERVED', guards: ['preserved-until-given'], legalSource: unCite.preservation.period },
    ),
    transition(
      'grant-extension',
      ['EXTENSION_REQUESTED'],
      'PRESERVED',
      'requested',
      { en: 'Extension confirmed by the provider', vi: 'Doanh nghiệp xác nhận gia hạn bảo toàn' },
      { ...byOrder, response: 'PRESERVED', guards: ['preserved-until-given'], legalSource: unCite.preservation.period },
    ),
    transition(
      'renew-domestic-order',
      preserving,
      null,
      'requested',
      { en: 'Domestic order renewed', vi: 'Đã gia hạn lệnh trong nước' },
      { ...byOrder, legalSource: unCite.powers.preservationPeriod },
    ),
    transition(
      'issue-warning',
      ['DOMESTIC_ORDER_ISSUED', 'PRESERVED'],
      'WARNING_ISSUED',
      'requested',
      { en: 'The provider does not hold the data', vi: 'Doanh nghiệp không lưu giữ dữ liệu' },
      { ...byOrder, response: 'WARNING_ART42', legalSource: unCite.preservation.warning },
    ),
  ];
}

export const preservationMachine: StateMachineDefinition = {
  family: 'preservation',
  initial: { outgoing: 'DRAFT', incoming: 'RECEIVED' },
  states,
  transitions: [
    ...outgoingTransitions(),
    transition(
      'acknowledge',
      arrived,
      'ACKNOWLEDGED',
      'requested',
      { en: 'Acknowledge receipt', vi: 'Xác nhận đã nhận' },
      { response: 'ACK' },
    ),
    transition('triage', ['ACKNOWLEDGED'], 'TRIAGE', 'requested', { en: 'Start triage', vi: 'Bắt đầu xem xét' }),
    transition(
      'request-information',
      ['TRIAGE'],
      'INFO_REQUESTED',
      'requested',
      { en: 'Ask for information', vi: 'Đề nghị bổ sung thông tin' },
      { response: 'INFO_REQUEST', guards: ['information-text'] },
    ),
    transition(
      'provide-information',
      ['INFO_REQUESTED'],
      'TRIAGE',
      'requesting',
      { en: 'Provide information', vi: 'Bổ sung thông tin' },
      { guards: ['information-text'] },
    ),
    transition(
      'refuse',
      ['TRIAGE'],
      'REFUSED',
      'requested',
      { en: 'Refuse', vi: 'Từ chối' },
      { ...decision, response: 'REFUSE', guards: ['refusal-grounds'], legalSource: unCite.preservation.refusalGrounds },
    ),
    transition(
      'accept',
      ['TRIAGE'],
      'ACCEPTED',
      'requested',
      { en: 'Accept', vi: 'Chấp nhận' },
      { ...decision, response: 'ACCEPT' },
    ),
    ...orderRecorded(),
    // The requested State's own warning (the preservation would prejudice the investigation). That the
    // provider does not hold the data is for the provider's answer to say, never an officer's.
    transition(
      'issue-warning',
      ['PRESERVED', 'DOMESTIC_ORDER_ISSUED'],
      'WARNING_ISSUED',
      'requested',
      {
        en: 'Warn: preservation may not secure the data or may prejudice the investigation',
        vi: 'Cảnh báo theo Điều 42',
      },
      {
        response: 'WARNING_ART42',
        guards: ['information-text', 'no-provider-claim'],
        legalSource: unCite.preservation.warning,
      },
    ),
    // Back to PRESERVED only if something is preserved: a warning that the data is not held leaves nothing to continue.
    transition(
      'continue-preservation',
      ['WARNING_ISSUED'],
      'PRESERVED',
      'requesting',
      { en: 'Continue despite the warning', vi: 'Tiếp tục bảo toàn' },
      { guards: ['preservation-recorded'] },
    ),
    transition('request-extension', ['PRESERVED'], 'EXTENSION_REQUESTED', 'requesting', {
      en: 'Ask for an extension',
      vi: 'Đề nghị gia hạn',
    }),
    transition(
      'link-follow-up-mla',
      ['PRESERVED', 'WARNING_ISSUED', 'EXTENSION_REQUESTED'],
      'FOLLOW_UP_MLA_LINKED',
      'requesting',
      { en: 'Link the follow-up MLA request', vi: 'Liên kết yêu cầu tương trợ tiếp theo' },
      { guards: ['linked-request'], legalSource: unCite.preservation.period },
    ),
    // Art. 42(7) runs from the requested State's receipt of the MLA request: its node records that
    // receipt itself (the request may arrive by letter), which keeps the data preserved.
    transition(
      'link-follow-up-mla',
      ['PRESERVED', 'WARNING_ISSUED', 'EXTENSION_REQUESTED'],
      'FOLLOW_UP_MLA_LINKED',
      'requested',
      { en: 'Record the follow-up MLA request received', vi: 'Ghi nhận yêu cầu tương trợ tiếp theo đã nhận' },
      { guards: ['linked-request'], legalSource: unCite.preservation.period },
    ),
    transition('release-after-decision', ['FOLLOW_UP_MLA_LINKED'], 'RELEASED_AFTER_DECISION', 'requested', {
      en: 'Release after the MLA decision',
      vi: 'Giải tỏa sau quyết định',
    }),
    transition(
      'disclose-traffic-path',
      ['PRESERVED', 'FOLLOW_UP_MLA_LINKED'],
      null,
      'requested',
      { en: 'Disclose the traffic path (Art. 43)', vi: 'Tiết lộ đường truyền (Điều 43)' },
      { response: 'ART43_DISCLOSURE', guards: ['third-state'], legalSource: unCite.trafficPath.article },
    ),
    transition(
      'expire',
      ['PRESERVED', 'WARNING_ISSUED', 'EXTENSION_REQUESTED'],
      'EXPIRED',
      'system',
      { en: 'Preservation period ended', vi: 'Hết thời hạn bảo toàn' },
      { legalSource: unCite.preservation.period },
    ),
    ...withdrawals(open),
  ],
};
