import type { Permission } from '../../auth/roles.js';
import type { LegalSource } from '../legal-source.js';
import type { ResponseKind } from '../responses.js';
import type { Bilingual } from '../types/field-spec.js';
import { unCite } from '../un-numbering.js';
import type { GuardId, Side, TransitionDefinition } from './state-machine.js';
import { lifecycleState as state, type LifecycleState } from '../../lifecycle/machine.js';

interface TransitionOptions {
  readonly permission?: Permission;
  readonly guards?: readonly GuardId[];
  readonly response?: ResponseKind;
  readonly legalSource?: LegalSource;
  readonly recordedBy?: 'order';
}

export function transition(
  action: string,
  from: readonly string[],
  to: string | null,
  by: Side,
  label: Bilingual,
  options: TransitionOptions = {},
): TransitionDefinition {
  return {
    action,
    from,
    to,
    by,
    permission: options.permission ?? 'requests:draft',
    guards: options.guards ?? [],
    label,
    ...(options.response === undefined ? {} : { response: options.response }),
    ...(options.legalSource === undefined ? {} : { legalSource: options.legalSource }),
    ...(options.recordedBy === undefined ? {} : { recordedBy: options.recordedBy }),
  };
}

/** A request state: the kernel's builder. */
export { state };

/** Decisions that leave the node carry a supervisor's authority (four-eyes on outgoing acts). */
export const decision = { permission: 'requests:approve' } as const;

/** Drafting, internal approval and sending: identical for every outgoing request. */
export const outgoingStates: LifecycleState[] = [
  state('DRAFT', 'Draft', 'Dự thảo'),
  state('SUBMITTED', 'Awaiting approval', 'Chờ phê duyệt'),
  state('APPROVED', 'Approved', 'Đã phê duyệt'),
  state('SENT', 'Sent', 'Đã gửi'),
];

export function outgoingTransitions(): TransitionDefinition[] {
  return [
    transition(
      'submit',
      ['DRAFT'],
      'SUBMITTED',
      'requesting',
      { en: 'Submit for approval', vi: 'Trình phê duyệt' },
      { guards: ['details-complete'] },
    ),
    transition('return-to-draft', ['SUBMITTED'], 'DRAFT', 'requesting', {
      en: 'Return to drafter',
      vi: 'Trả lại để sửa',
    }),
    transition(
      'approve',
      ['SUBMITTED'],
      'APPROVED',
      'requesting',
      { en: 'Approve', vi: 'Phê duyệt' },
      { ...decision, guards: ['four-eyes', 'details-complete'] },
    ),
    transition('send', ['APPROVED'], 'SENT', 'requesting', { en: 'Send', vi: 'Gửi' }),
  ];
}

export const receivedState = state('RECEIVED', 'Received', 'Đã nhận');

/** The requester may withdraw from any open state; it must say so promptly (UN art. 40(25)). */
export function withdrawals(open: readonly string[]): TransitionDefinition[] {
  return [
    transition(
      'withdraw',
      open,
      'WITHDRAWN',
      'requesting',
      { en: 'Withdraw', vi: 'Rút yêu cầu' },
      { legalSource: unCite.mla.execution },
    ),
  ];
}

export const withdrawnState = state('WITHDRAWN', 'Withdrawn', 'Đã rút', true);

/** Requested-side actions start from SENT on the requester's mirror copy and RECEIVED on the requested node. */
export const arrived = ['SENT', 'RECEIVED'] as const;
