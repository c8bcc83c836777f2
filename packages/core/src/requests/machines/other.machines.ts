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
import type { GuardId, StateMachineDefinition, TransitionDefinition } from './state-machine.js';

function machine(
  family: StateMachineFamily,
  initial: { outgoing: string; incoming: string },
  states: StateMachineDefinition['states'],
  transitions: TransitionDefinition[],
): StateMachineDefinition {
  const open = states.filter((s) => !s.terminal).map((s) => s.name);
  return { family, initial, states, transitions: [...transitions, ...withdrawals(open)] };
}

/** Brief §3.2 B: the executing node discloses the path to the requesting State (Art. 43). */
export const trafficPathMachine = machine(
  'traffic-path',
  { outgoing: 'DISCOVERED', incoming: 'RECEIVED' },
  [
    state('DISCOVERED', 'Path discovered', 'Phát hiện đường truyền'),
    state('DISCLOSURE_DRAFTED', 'Disclosure drafted', 'Đã dự thảo nội dung tiết lộ'),
    state('SUBMITTED', 'Awaiting approval', 'Chờ phê duyệt'),
    state('APPROVED', 'Approved', 'Đã phê duyệt'),
    state('DISCLOSED', 'Disclosed', 'Đã tiết lộ', true),
    state('WITHHELD', 'Withheld', 'Không tiết lộ', true),
    receivedState,
    state('ACKNOWLEDGED', 'Acknowledged', 'Đã xác nhận', true),
    withdrawnState,
  ],
  [
    transition('draft-disclosure', ['DISCOVERED'], 'DISCLOSURE_DRAFTED', 'requesting', {
      en: 'Draft the disclosure',
      vi: 'Dự thảo nội dung tiết lộ',
    }),
    transition(
      'submit',
      ['DISCLOSURE_DRAFTED'],
      'SUBMITTED',
      'requesting',
      { en: 'Submit for approval', vi: 'Trình phê duyệt' },
      { guards: ['details-complete'] },
    ),
    transition(
      'approve',
      ['SUBMITTED'],
      'APPROVED',
      'requesting',
      { en: 'Approve', vi: 'Phê duyệt' },
      { ...decision, guards: ['four-eyes', 'details-complete'] },
    ),
    transition(
      'disclose',
      ['APPROVED'],
      'DISCLOSED',
      'requesting',
      { en: 'Disclose', vi: 'Tiết lộ' },
      { response: 'ART43_DISCLOSURE', legalSource: unCite.trafficPath.disclosure },
    ),
    transition(
      'withhold',
      ['DISCLOSURE_DRAFTED', 'SUBMITTED'],
      'WITHHELD',
      'requesting',
      { en: 'Withhold', vi: 'Không tiết lộ' },
      { ...decision, guards: ['refusal-grounds'], legalSource: unCite.trafficPath.withholding },
    ),
    transition(
      'acknowledge',
      ['RECEIVED'],
      'ACKNOWLEDGED',
      'requested',
      { en: 'Acknowledge receipt', vi: 'Xác nhận đã nhận' },
      { response: 'ACK' },
    ),
  ],
);

/** Brief §3.2 F: police-to-police exchange (Art. 47) and spontaneous information (Arts 40, 51). */
export const leExchangeMachine = machine(
  'le-exchange',
  { outgoing: 'DRAFT', incoming: 'RECEIVED' },
  [
    ...outgoingStates,
    receivedState,
    state('CONDITIONS_ACCEPTED', 'Conditions accepted', 'Đã chấp nhận điều kiện'),
    state('CONDITIONS_REJECTED', 'Conditions rejected', 'Không chấp nhận điều kiện'),
    state('ANSWERED', 'Answered', 'Đã trả lời'),
    state('PRIOR_NOTICE_SENT', 'Prior notice of exculpatory disclosure sent', 'Đã thông báo trước việc tiết lộ'),
    state('DISCLOSED_EXCULPATORY', 'Exculpatory information disclosed', 'Đã tiết lộ thông tin gỡ tội', true),
    state('CLOSED', 'Closed', 'Đã kết thúc', true),
    withdrawnState,
  ],
  [
    ...outgoingTransitions(),
    transition(
      'accept-conditions',
      arrived,
      'CONDITIONS_ACCEPTED',
      'requested',
      { en: 'Accept the conditions', vi: 'Chấp nhận điều kiện' },
      { response: 'ACK', legalSource: unCite.mla.spontaneousConditions },
    ),
    transition(
      'reject-conditions',
      arrived,
      'CONDITIONS_REJECTED',
      'requested',
      { en: 'Reject the conditions', vi: 'Không chấp nhận điều kiện' },
      { ...decision, guards: ['information-text'] },
    ),
    transition(
      'proceed-without-conditions',
      ['CONDITIONS_REJECTED'],
      'CONDITIONS_ACCEPTED',
      'requesting',
      { en: 'Proceed anyway', vi: 'Vẫn tiếp tục' },
      decision,
    ),
    transition(
      'answer',
      ['CONDITIONS_ACCEPTED'],
      'ANSWERED',
      'requested',
      { en: 'Answer', vi: 'Trả lời' },
      { response: 'EXECUTED', guards: ['information-text'] },
    ),
    transition(
      'give-prior-notice',
      ['CONDITIONS_ACCEPTED', 'ANSWERED'],
      'PRIOR_NOTICE_SENT',
      'requested',
      { en: 'Give notice of exculpatory disclosure', vi: 'Thông báo trước việc tiết lộ thông tin gỡ tội' },
      { ...decision, guards: ['information-text'], legalSource: unCite.mla.spontaneousConditions },
    ),
    transition(
      'disclose-exculpatory',
      ['PRIOR_NOTICE_SENT'],
      'DISCLOSED_EXCULPATORY',
      'requested',
      { en: 'Disclose exculpatory information', vi: 'Tiết lộ thông tin gỡ tội' },
      decision,
    ),
    transition('close', ['ANSWERED', 'CONDITIONS_ACCEPTED'], 'CLOSED', 'requesting', { en: 'Close', vi: 'Kết thúc' }),
  ],
);

const assessment = [
  ...outgoingStates,
  receivedState,
  state('ACKNOWLEDGED', 'Acknowledged', 'Đã xác nhận'),
  state('UNDER_ASSESSMENT', 'Under assessment', 'Đang xem xét'),
  state('INFO_REQUESTED', 'Information requested', 'Đề nghị bổ sung thông tin'),
  state('CONSULTATION', 'In consultation', 'Đang tham vấn'),
  state('REFUSED', 'Refused', 'Từ chối', true),
];

function assessmentTransitions(acceptTo: string, acceptGuards: readonly GuardId[] = []): TransitionDefinition[] {
  return [
    ...outgoingTransitions(),
    transition(
      'acknowledge',
      arrived,
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
      { response: 'CONSULTATION', guards: ['information-text'] },
    ),
    transition(
      'refuse',
      ['UNDER_ASSESSMENT', 'CONSULTATION'],
      'REFUSED',
      'requested',
      { en: 'Refuse', vi: 'Từ chối' },
      { ...decision, response: 'REFUSE', guards: ['consultation-before-refusal', 'refusal-grounds'] },
    ),
    transition(
      'accept',
      ['UNDER_ASSESSMENT', 'CONSULTATION'],
      acceptTo,
      'requested',
      { en: 'Accept', vi: 'Chấp nhận' },
      { ...decision, response: 'ACCEPT', guards: acceptGuards },
    ),
  ];
}

/** Brief §3.2 G: freezing, confiscation and return (Arts 49-52). */
export const assetMachine = machine(
  'asset',
  { outgoing: 'DRAFT', incoming: 'RECEIVED' },
  [
    ...assessment,
    state('FROZEN', 'Frozen', 'Đã phong tỏa'),
    state('LIFT_PROPOSED', 'Lifting proposed', 'Đề xuất dỡ bỏ'),
    state('REQUESTER_HEARD', 'Requesting State heard', 'Đã nghe ý kiến quốc gia yêu cầu'),
    state('LIFTED', 'Lifted', 'Đã dỡ bỏ', true),
    state('CONFISCATION_REQUESTED', 'Confiscation requested', 'Đề nghị tịch thu'),
    state('DOMESTIC_ORDER_SOUGHT', 'Domestic order sought', 'Đang đề nghị quyết định trong nước'),
    state('FOREIGN_ORDER_RECOGNISED', 'Foreign order recognised', 'Đã công nhận quyết định nước ngoài'),
    state('CONFISCATED', 'Confiscated', 'Đã tịch thu'),
    state('RETURN_CONSIDERED', 'Return considered', 'Đang xem xét hoàn trả'),
    state('RETURNED', 'Returned', 'Đã hoàn trả', true),
    state('SHARED', 'Shared', 'Đã chia sẻ', true),
    state('DISPOSED', 'Disposed', 'Đã xử lý', true),
    withdrawnState,
  ],
  [
    ...assessmentTransitions('FROZEN'),
    transition(
      'propose-lift',
      ['FROZEN'],
      'LIFT_PROPOSED',
      'requested',
      { en: 'Propose lifting', vi: 'Đề xuất dỡ bỏ' },
      { guards: ['information-text'], legalSource: unCite.assets.hearingBeforeLifting },
    ),
    transition(
      'submit-observations',
      ['LIFT_PROPOSED'],
      'REQUESTER_HEARD',
      'requesting',
      { en: 'Give reasons to maintain', vi: 'Trình bày lý do duy trì' },
      { guards: ['information-text'] },
    ),
    transition(
      'lift',
      ['REQUESTER_HEARD'],
      'LIFTED',
      'requested',
      { en: 'Lift', vi: 'Dỡ bỏ' },
      { ...decision, guards: ['refusal-grounds'], legalSource: unCite.assets.refusalOrLifting },
    ),
    transition('maintain', ['REQUESTER_HEARD'], 'FROZEN', 'requested', { en: 'Maintain', vi: 'Duy trì' }, decision),
    transition(
      'request-confiscation',
      ['FROZEN'],
      'CONFISCATION_REQUESTED',
      'requesting',
      { en: 'Request confiscation', vi: 'Đề nghị tịch thu' },
      decision,
    ),
    transition(
      'seek-domestic-order',
      ['CONFISCATION_REQUESTED'],
      'DOMESTIC_ORDER_SOUGHT',
      'requested',
      { en: 'Seek a domestic order', vi: 'Đề nghị quyết định trong nước' },
      { legalSource: unCite.assets.confiscationRequest },
    ),
    transition(
      'recognise-foreign-order',
      ['CONFISCATION_REQUESTED'],
      'FOREIGN_ORDER_RECOGNISED',
      'requested',
      { en: 'Recognise the foreign order', vi: 'Công nhận quyết định nước ngoài' },
      { ...decision, legalSource: unCite.assets.domesticEnablers },
    ),
    transition(
      'confiscate',
      ['DOMESTIC_ORDER_SOUGHT', 'FOREIGN_ORDER_RECOGNISED'],
      'CONFISCATED',
      'requested',
      { en: 'Confiscate', vi: 'Tịch thu' },
      { ...decision, response: 'EXECUTED' },
    ),
    transition(
      'consider-return',
      ['CONFISCATED'],
      'RETURN_CONSIDERED',
      'requested',
      { en: 'Consider return', vi: 'Xem xét hoàn trả' },
      { legalSource: unCite.assets.returnToOwners },
    ),
    transition(
      'return-property',
      ['RETURN_CONSIDERED'],
      'RETURNED',
      'requested',
      { en: 'Return', vi: 'Hoàn trả' },
      { ...decision, legalSource: unCite.assets.returnToOwners },
    ),
    transition(
      'share-property',
      ['RETURN_CONSIDERED'],
      'SHARED',
      'requested',
      { en: 'Share', vi: 'Chia sẻ' },
      decision,
    ),
    transition(
      'dispose-property',
      ['RETURN_CONSIDERED'],
      'DISPOSED',
      'requested',
      { en: 'Dispose (expenses deducted)', vi: 'Xử lý (trừ chi phí)' },
      { ...decision, legalSource: unCite.assets.expenses },
    ),
  ],
);

/** Brief §3.2 H: extradition and provisional arrest (Art. 37); consultation always precedes refusal. */
export const extraditionMachine = machine(
  'extradition',
  { outgoing: 'DRAFT', incoming: 'RECEIVED' },
  [
    ...assessment.filter((s) => s.name !== 'UNDER_ASSESSMENT'),
    state('PROVISIONAL_ARREST', 'Provisional arrest', 'Bắt giữ tạm thời'),
    state('UNDER_ASSESSMENT', 'Assessed', 'Đang xem xét'),
    state('GRANTED', 'Granted', 'Chấp thuận dẫn độ'),
    state('SURRENDERED', 'Surrendered', 'Đã chuyển giao', true),
    state('REFUSED_ON_NATIONALITY', 'Refused: the person is a national', 'Từ chối do là công dân'),
    state('SUBMITTED_FOR_DOMESTIC_PROSECUTION', 'Submitted for domestic prosecution', 'Chuyển truy tố trong nước'),
    state('OUTCOME_REPORTED', 'Outcome reported', 'Đã thông báo kết quả', true),
    withdrawnState,
  ],
  [
    // The requested State accepts only once its own law's maximum penalty is on record (Art. 37(1)).
    ...assessmentTransitions('GRANTED', ['extradition-threshold']),
    transition(
      'arrest-provisionally',
      ['ACKNOWLEDGED'],
      'PROVISIONAL_ARREST',
      'requested',
      { en: 'Record provisional arrest', vi: 'Ghi nhận bắt giữ tạm thời' },
      decision,
    ),
    transition('assess-after-arrest', ['PROVISIONAL_ARREST'], 'UNDER_ASSESSMENT', 'requested', {
      en: 'Start assessment',
      vi: 'Bắt đầu xem xét',
    }),
    transition(
      'surrender',
      ['GRANTED'],
      'SURRENDERED',
      'requested',
      { en: 'Surrender', vi: 'Chuyển giao' },
      { ...decision, response: 'EXECUTED' },
    ),
    // Aut dedere aut judicare: a State that will not surrender its national must prosecute it.
    transition(
      'refuse-on-nationality',
      ['UNDER_ASSESSMENT', 'CONSULTATION'],
      'REFUSED_ON_NATIONALITY',
      'requested',
      { en: 'Refuse: the person is a national', vi: 'Từ chối do là công dân' },
      {
        ...decision,
        response: 'REFUSE',
        guards: ['consultation-before-refusal', 'refusal-grounds', 'nationality-refusal'],
        legalSource: unCite.extradition.autDedere,
      },
    ),
    transition(
      'submit-for-domestic-prosecution',
      ['REFUSED_ON_NATIONALITY'],
      'SUBMITTED_FOR_DOMESTIC_PROSECUTION',
      'requested',
      { en: 'Submit for domestic prosecution', vi: 'Chuyển truy tố trong nước' },
      { legalSource: unCite.extradition.autDedere },
    ),
    transition(
      'report-outcome',
      ['SUBMITTED_FOR_DOMESTIC_PROSECUTION'],
      'OUTCOME_REPORTED',
      'requested',
      { en: 'Report the outcome', vi: 'Thông báo kết quả' },
      { guards: ['information-text'] },
    ),
  ],
);
