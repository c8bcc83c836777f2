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
import type { StateMachineDefinition } from './state-machine.js';
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
    transition(
      'issue-domestic-order',
      ['ACCEPTED'],
      'DOMESTIC_ORDER_ISSUED',
      'requested',
      { en: 'Issue the domestic preservation order', vi: 'Ban hành lệnh bảo toàn' },
      { legalSource: unCite.powers.preservationOrder },
    ),
    transition(
      'confirm-preserved',
      ['DOMESTIC_ORDER_ISSUED'],
      'PRESERVED',
      'requested',
      { en: 'Confirm preserved until a date', vi: 'Xác nhận đã bảo toàn đến ngày' },
      { response: 'PRESERVED', guards: ['preservation-minimum'], legalSource: unCite.preservation.period },
    ),
    transition(
      'renew-domestic-order',
      ['PRESERVED', 'FOLLOW_UP_MLA_LINKED'],
      null,
      'requested',
      { en: 'Renew the domestic order', vi: 'Gia hạn lệnh trong nước' },
      { legalSource: unCite.powers.preservationPeriod },
    ),
    // Also before anything was preserved: the provider reports it does not hold the data (a domestic
    // order's DATA_NOT_HELD objection), which is exactly "preservation will not ensure availability".
    transition(
      'issue-warning',
      ['PRESERVED', 'DOMESTIC_ORDER_ISSUED'],
      'WARNING_ISSUED',
      'requested',
      {
        en: 'Warn: preservation may not secure the data or may prejudice the investigation',
        vi: 'Cảnh báo theo Điều 42',
      },
      { response: 'WARNING_ART42', guards: ['information-text'], legalSource: unCite.preservation.warning },
    ),
    transition('continue-preservation', ['WARNING_ISSUED'], 'PRESERVED', 'requesting', {
      en: 'Continue despite the warning',
      vi: 'Tiếp tục bảo toàn',
    }),
    transition('request-extension', ['PRESERVED'], 'EXTENSION_REQUESTED', 'requesting', {
      en: 'Ask for an extension',
      vi: 'Đề nghị gia hạn',
    }),
    transition(
      'grant-extension',
      ['EXTENSION_REQUESTED'],
      'PRESERVED',
      'requested',
      { en: 'Extend preservation', vi: 'Gia hạn bảo toàn' },
      { response: 'PRESERVED', guards: ['preservation-minimum'] },
    ),
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
