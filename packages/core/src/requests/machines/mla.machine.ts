import { unCite } from '../un-numbering.js';
import type { StateMachineFamily } from '../types/field-spec.js';
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

/** Brief §3.2 C: MLA (Arts 40, 44), also the first half of real-time collection (D). */
const assessmentStates = [
  ...outgoingStates,
  state('WRITTEN_CONFIRMATION_PENDING', 'Oral request: written confirmation due', 'Chờ xác nhận bằng văn bản'),
  receivedState,
  state('ACKNOWLEDGED', 'Acknowledged', 'Đã xác nhận'),
  state('UNDER_ASSESSMENT', 'Under assessment', 'Đang xem xét'),
  state('INFO_REQUESTED', 'Information requested', 'Đề nghị bổ sung thông tin'),
  state('CONSULTATION', 'In consultation', 'Đang tham vấn'),
  state('ACCEPTED_WITH_CONDITIONS', 'Accepted with conditions', 'Chấp nhận có điều kiện'),
  state('POSTPONED', 'Postponed', 'Hoãn thực hiện'),
  state('ACCEPTED', 'Accepted', 'Chấp nhận'),
  state('REFUSED', 'Refused', 'Từ chối', true),
  state('CONDITIONS_DECLINED', 'Conditions declined', 'Không chấp nhận điều kiện', true),
];

function assessmentTransitions(): TransitionDefinition[] {
  return [
    ...outgoingTransitions(),
    transition(
      'record-oral-request',
      ['APPROVED'],
      'WRITTEN_CONFIRMATION_PENDING',
      'requesting',
      { en: 'Record an urgent oral request', vi: 'Ghi nhận yêu cầu khẩn bằng lời nói' },
      { legalSource: unCite.mla.formAndLanguage },
    ),
    transition(
      'confirm-in-writing',
      ['WRITTEN_CONFIRMATION_PENDING'],
      'SENT',
      'requesting',
      { en: 'Confirm in writing', vi: 'Xác nhận bằng văn bản' },
      { legalSource: unCite.mla.formAndLanguage },
    ),
    transition(
      'acknowledge',
      [...arrived, 'WRITTEN_CONFIRMATION_PENDING'],
      'ACKNOWLEDGED',
      'requested',
      { en: 'Acknowledge receipt', vi: 'Xác nhận đã nhận' },
      { response: 'ACK' },
    ),
    transition('assess', ['ACKNOWLEDGED'], 'UNDER_ASSESSMENT', 'requested', {
      en: 'Start assessment',
      vi: 'Bắt đầu xem xét',
    }),
    transition(
      'request-information',
      ['UNDER_ASSESSMENT'],
      'INFO_REQUESTED',
      'requested',
      { en: 'Ask for information', vi: 'Đề nghị bổ sung thông tin' },
      { response: 'INFO_REQUEST', guards: ['information-text'] },
    ),
    transition(
      'provide-information',
      ['INFO_REQUESTED'],
      'UNDER_ASSESSMENT',
      'requesting',
      { en: 'Provide information', vi: 'Bổ sung thông tin' },
      { guards: ['information-text'] },
    ),
    transition(
      'open-consultation',
      ['UNDER_ASSESSMENT'],
      'CONSULTATION',
      'requested',
      { en: 'Consult the requesting State', vi: 'Tham vấn quốc gia yêu cầu' },
      { response: 'CONSULTATION', guards: ['information-text'], legalSource: unCite.mla.consultation },
    ),
    transition(
      'accept-with-conditions',
      ['UNDER_ASSESSMENT', 'CONSULTATION'],
      'ACCEPTED_WITH_CONDITIONS',
      'requested',
      { en: 'Accept with conditions', vi: 'Chấp nhận có điều kiện' },
      {
        ...decision,
        response: 'ACCEPT_WITH_CONDITIONS',
        guards: ['conditions-present'],
        legalSource: unCite.mla.consultation,
      },
    ),
    transition(
      'accept-conditions',
      ['ACCEPTED_WITH_CONDITIONS'],
      'ACCEPTED',
      'requesting',
      { en: 'Accept the conditions (binding)', vi: 'Chấp nhận điều kiện' },
      { ...decision, legalSource: unCite.mla.consultation },
    ),
    transition(
      'decline-conditions',
      ['ACCEPTED_WITH_CONDITIONS'],
      'CONDITIONS_DECLINED',
      'requesting',
      { en: 'Decline the conditions', vi: 'Không chấp nhận điều kiện' },
      decision,
    ),
    transition(
      'refuse',
      ['UNDER_ASSESSMENT', 'CONSULTATION'],
      'REFUSED',
      'requested',
      { en: 'Refuse', vi: 'Từ chối' },
      {
        ...decision,
        response: 'REFUSE',
        guards: ['consultation-before-refusal', 'refusal-grounds'],
        legalSource: unCite.mla.reasonsForRefusal,
      },
    ),
    transition(
      'postpone',
      ['UNDER_ASSESSMENT', 'CONSULTATION'],
      'POSTPONED',
      'requested',
      { en: 'Postpone', vi: 'Hoãn thực hiện' },
      {
        ...decision,
        response: 'POSTPONE',
        guards: ['consultation-before-refusal', 'postponement-grounds'],
        legalSource: unCite.mla.postponement,
      },
    ),
    transition('resume', ['POSTPONED'], 'UNDER_ASSESSMENT', 'requested', { en: 'Resume', vi: 'Tiếp tục xem xét' }),
    transition(
      'accept',
      ['UNDER_ASSESSMENT', 'CONSULTATION'],
      'ACCEPTED',
      'requested',
      { en: 'Accept', vi: 'Chấp nhận' },
      { ...decision, response: 'ACCEPT' },
    ),
  ];
}

const executionStates = [
  state('IN_EXECUTION', 'In execution', 'Đang thực hiện'),
  state('PARTIALLY_EXECUTED', 'Partially executed', 'Đã thực hiện một phần'),
  state('EXECUTED', 'Executed', 'Đã thực hiện'),
  state('RESULTS_RECEIVED', 'Results received', 'Đã nhận kết quả'),
  state('CLOSED', 'Closed', 'Đã kết thúc', true),
  withdrawnState,
];

/** Where the requested State does not yet hold the request: before sending, or just received. */
const beforeAcknowledgement = ['DRAFT', 'SUBMITTED', 'APPROVED', 'SENT', 'WRITTEN_CONFIRMATION_PENDING', 'RECEIVED'];

/**
 * The requested State may act on an urgent oral request at once (acknowledge it from
 * WRITTEN_CONFIRMATION_PENDING); the written confirmation still follows and closes its clock.
 */
function lateWrittenConfirmation(open: readonly string[]): TransitionDefinition {
  return transition(
    'confirm-in-writing',
    open.filter((s) => !beforeAcknowledgement.includes(s)),
    null,
    'requesting',
    { en: 'Confirm in writing', vi: 'Xác nhận bằng văn bản' },
    { legalSource: unCite.mla.formAndLanguage },
  );
}

function machine(
  family: StateMachineFamily,
  states: StateMachineDefinition['states'],
  extra: TransitionDefinition[],
): StateMachineDefinition {
  const open = states.filter((s) => !s.terminal).map((s) => s.name);
  return {
    family,
    initial: { outgoing: 'DRAFT', incoming: 'RECEIVED' },
    states,
    transitions: [...assessmentTransitions(), lateWrittenConfirmation(open), ...extra, ...withdrawals(open)],
  };
}

export const mlaMachine = machine(
  'mla',
  [...assessmentStates, ...executionStates],
  [
    transition('start-execution', ['ACCEPTED'], 'IN_EXECUTION', 'requested', {
      en: 'Start execution',
      vi: 'Bắt đầu thực hiện',
    }),
    transition(
      'report-partial-execution',
      ['IN_EXECUTION'],
      'PARTIALLY_EXECUTED',
      'requested',
      { en: 'Report partial execution', vi: 'Báo cáo thực hiện một phần' },
      { response: 'PARTIAL', guards: ['no-provider-claim'] },
    ),
    // Execution is not complete while a domestic order made for it still waits on its provider.
    transition(
      'complete-execution',
      ['IN_EXECUTION', 'PARTIALLY_EXECUTED'],
      'EXECUTED',
      'requested',
      { en: 'Execution complete', vi: 'Hoàn thành thực hiện' },
      { ...decision, response: 'EXECUTED', guards: ['no-open-orders'] },
    ),
    ...executionByOrders(),
    transition('confirm-results', ['EXECUTED'], 'RESULTS_RECEIVED', 'requesting', {
      en: 'Results received and verified',
      vi: 'Đã nhận và kiểm tra kết quả',
    }),
    transition('close', ['RESULTS_RECEIVED'], 'CLOSED', 'requesting', { en: 'Close', vi: 'Kết thúc' }),
  ],
);

/**
 * What only the node's domestic orders record on a stored-data request (UN arts. 27, 44): an order
 * served starts execution, the provider's production or its report that it holds no such data.
 */
function executionByOrders(): TransitionDefinition[] {
  const byOrder = { recordedBy: 'order' } as const;
  const served = { en: 'Domestic production order served', vi: 'Đã tống đạt lệnh cung cấp dữ liệu' };
  const executing = ['IN_EXECUTION', 'PARTIALLY_EXECUTED'];
  return [
    transition('start-execution', ['ACCEPTED'], 'IN_EXECUTION', 'requested', served, {
      ...byOrder,
      legalSource: unCite.powers.production,
    }),
    transition('issue-domestic-order', executing, null, 'requested', served, {
      ...byOrder,
      legalSource: unCite.powers.production,
    }),
    transition(
      'record-production',
      executing,
      null,
      'requested',
      { en: 'Data produced by the provider', vi: 'Doanh nghiệp đã cung cấp dữ liệu' },
      { ...byOrder, legalSource: unCite.powers.production },
    ),
    transition(
      'report-partial-execution',
      ['IN_EXECUTION'],
      'PARTIALLY_EXECUTED',
      'requested',
      { en: 'The provider does not hold the data', vi: 'Doanh nghiệp không lưu giữ dữ liệu' },
      { ...byOrder, response: 'PARTIAL' },
    ),
    transition(
      'report-partial-execution',
      ['PARTIALLY_EXECUTED'],
      null,
      'requested',
      { en: 'The provider does not hold the data', vi: 'Doanh nghiệp không lưu giữ dữ liệu' },
      { ...byOrder, response: 'PARTIAL' },
    ),
  ];
}

/** Brief §3.2 D: real-time traffic (Art. 45) and interception (Art. 46), with a hard stop. */
export const realtimeMachine = machine(
  'realtime',
  [
    ...assessmentStates,
    state('AUTHORISED_DOMESTICALLY', 'Authorised domestically', 'Đã được cho phép trong nước'),
    state('ACTIVE', 'Collection active', 'Đang thu thập'),
    state('RENEWAL_REQUESTED', 'Renewal requested', 'Đề nghị gia hạn'),
    state('EXPIRED', 'Authorised period ended', 'Hết thời hạn cho phép'),
    state('TERMINATED', 'Terminated', 'Đã chấm dứt', true),
    withdrawnState,
  ],
  [
    transition(
      'authorise-domestically',
      ['ACCEPTED'],
      'AUTHORISED_DOMESTICALLY',
      'requested',
      { en: 'Record the domestic authorisation', vi: 'Ghi nhận quyết định cho phép' },
      // The authorisation under art. 29 (traffic) or art. 30 (content), within art. 24's safeguards.
      { ...decision, guards: ['authorised-period'], legalSource: unCite.powers.safeguards },
    ),
    transition('activate', ['AUTHORISED_DOMESTICALLY'], 'ACTIVE', 'requested', {
      en: 'Start collection',
      vi: 'Bắt đầu thu thập',
    }),
    transition(
      'deliver-batch',
      ['ACTIVE'],
      null,
      'requested',
      { en: 'Deliver a batch', vi: 'Chuyển giao một đợt dữ liệu' },
      { response: 'PARTIAL' },
    ),
    transition(
      'request-renewal',
      ['ACTIVE'],
      'RENEWAL_REQUESTED',
      'requesting',
      { en: 'Ask for renewal', vi: 'Đề nghị gia hạn' },
      { guards: ['information-text'] },
    ),
    transition(
      'renew',
      ['RENEWAL_REQUESTED'],
      'ACTIVE',
      'requested',
      { en: 'Renew the authorisation', vi: 'Gia hạn cho phép' },
      { ...decision, guards: ['authorised-period'] },
    ),
    transition(
      'decline-renewal',
      ['RENEWAL_REQUESTED'],
      'EXPIRED',
      'requested',
      { en: 'Decline renewal', vi: 'Không gia hạn' },
      decision,
    ),
    transition(
      'hard-stop',
      ['AUTHORISED_DOMESTICALLY', 'ACTIVE', 'RENEWAL_REQUESTED'],
      'EXPIRED',
      'system',
      { en: 'Authorised period ended: collection stopped', vi: 'Hết thời hạn: dừng thu thập' },
      // The end of the domestic authorisation, not a rule of Art. 45 or 46 (art. 24 limits of duration).
      { legalSource: unCite.powers.safeguards },
    ),
    transition('terminate', ['ACTIVE', 'EXPIRED', 'AUTHORISED_DOMESTICALLY'], 'TERMINATED', 'requested', {
      en: 'Terminate',
      vi: 'Chấm dứt',
    }),
  ],
);
