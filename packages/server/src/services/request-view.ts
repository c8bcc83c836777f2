import {
  DomainError,
  actionsFor,
  checkEligibility,
  draftingWarnings,
  draftingWarningText,
  machineFor,
  nextStep,
  orderStates,
  requestTypes,
  validateRequestDetails,
  type DraftingWarning,
  type FieldIssue,
  type NextStep,
  type Principal,
  type RequestSnapshot,
  type TransitionActor,
} from '@hanoi247/core';
import type { Executor } from '../db/database-schema.js';
import type { CaseRecord } from '../repositories/case.repository.js';
import type { DeadlineRecord } from '../repositories/deadline.repository.js';
import type { StoredCondition } from '../repositories/request-event.repository.js';
import type { RequestRecord } from '../repositories/request.repository.js';
import { orderRepository } from '../repositories/order.repository.js';
import { userRepository } from '../repositories/user.repository.js';

/** Interception is the most intrusive measure: only the central authority and supervisors see it. */
export function canSee(principal: Principal, request: Pick<RequestRecord, 'type'>): boolean {
  if (!principal.permissions.has('requests:read')) return false;
  if (request.type !== 'INTERCEPTION_46') return true;
  return principal.roles.includes('central_authority_officer') || principal.roles.includes('supervisor');
}

export const restrictedTypesFor = (principal: Principal): string[] =>
  canSee(principal, { type: 'INTERCEPTION_46' }) ? [] : ['INTERCEPTION_46'];

/** Unknown and invisible look the same: confirming a request exists is itself a leak. */
export function visibleOrNotFound(principal: Principal, request: RequestRecord | undefined): RequestRecord {
  if (request === undefined || !canSee(principal, request)) {
    throw new DomainError('request/not-found', 'no such request');
  }
  return request;
}

/** An officer acting on a request, as the transition gate sees them. */
export const userActor = (principal: Principal): TransitionActor => ({
  kind: 'user',
  userId: principal.userId,
  permissions: principal.permissions,
});

/** `openOrders` matters only when a transition is planned; views leave it at 0. */
export function snapshotOf(record: RequestRecord, openOrders = 0): RequestSnapshot {
  return {
    id: record.id,
    type: record.type,
    direction: record.direction,
    state: record.state,
    legalBasis: record.legalBasis,
    details: record.details,
    emergency: record.priority === 'emergency',
    urgent: record.priority === 'urgent',
    draftedBy: record.draftedBy,
    consultationRecorded: record.consultationRecordedAt !== null,
    preservedUntil: record.preservedUntil,
    openOrders,
  };
}

export interface RequestView extends Omit<RequestRecord, 'draftedBy'> {
  readonly typeTitle: { readonly en: string; readonly vi: string };
  readonly stateLabel: { readonly en: string; readonly vi: string };
  readonly availableActions: readonly {
    readonly action: string;
    readonly label: { readonly en: string; readonly vi: string };
    readonly permission: string;
  }[];
  readonly missing: readonly FieldIssue[];
  /** Eligibility and missing-case warnings. */
  readonly warnings: readonly string[];
  /** The requested State's profile checked against the draft: codes with parameters, and their words. */
  readonly draftingWarnings: readonly PresentedDraftingWarning[];
  readonly conditions: readonly StoredCondition[];
  readonly deadlines: readonly DeadlineRecord[];
  /** Who acts next and by when, as the viewer should read it. */
  readonly nextStep: NextStep;
  readonly links: readonly { readonly toReference: string; readonly kind: string; readonly createdAt: string }[];
  readonly assignee: Assignee | null;
}

export interface PresentedDraftingWarning extends DraftingWarning {
  readonly text: { readonly en: string; readonly vi: string };
}

export interface Assignee {
  readonly id: string;
  readonly displayName: string;
}

/** The officer a request is assigned to, with the name to show (the id if the user is gone). */
export async function assigneeOf(db: Executor, record: Pick<RequestRecord, 'assignedTo'>): Promise<Assignee | null> {
  if (record.assignedTo === null) return null;
  const user = await userRepository.findById(db, record.assignedTo);
  return { id: record.assignedTo, displayName: user?.displayName ?? record.assignedTo };
}

export interface ViewExtras {
  readonly assignee?: Assignee | null;
  readonly caseRecord?: CaseRecord | undefined;
  readonly conditions?: readonly StoredCondition[];
  readonly deadlines?: readonly DeadlineRecord[];
  readonly links?: readonly { toReference: string; kind: string; createdAt: string }[];
  /** The request's domestic orders still running: with none, the next step may be to draft one. */
  readonly openOrders?: number;
}

const terminalOrderStates = orderStates.filter((s) => s.terminal).map((s) => s.name);

export const openOrdersOf = (tx: Executor, requestId: string): Promise<number> =>
  orderRepository.countOpenForRequest(tx, requestId, terminalOrderStates);

/** Eligibility where the law leaves discretion, and whether it could be checked at all. */
export function warningsFor(record: RequestRecord, caseRecord: CaseRecord | undefined): string[] {
  const eligibility = caseRecord === undefined ? [] : checkEligibility(caseRecord.data.offences).warnings;
  if (record.direction === 'incoming') return [...eligibility];
  const noCase =
    caseRecord === undefined
      ? [
          'no case is attached: the offence is unknown, so eligibility (UN art. 35, ' +
            '40, 41) and the requested State\u2019s reservations cannot be checked',
        ]
      : [];
  return [...eligibility, ...noCase];
}

/** Warnings while drafting an outgoing request: the requested State's languages, bases and reservations. */
export function draftingWarningsFor(
  record: RequestRecord,
  caseRecord: CaseRecord | undefined,
): PresentedDraftingWarning[] {
  if (record.direction === 'incoming') return [];
  const offences = caseRecord?.data.offences ?? [];
  const languages = [
    record.language,
    ...record.translations.filter((t) => t.status !== 'pending').map((t) => t.language),
  ];
  return draftingWarnings(
    {
      type: record.type,
      legalBasis: record.legalBasis,
      languages,
      conventionOffence: caseRecord === undefined ? null : offences.some((o) => o.code !== 'OTHER'),
    },
    record.requestedState,
  ).map((w) => ({ ...w, text: draftingWarningText(w) }));
}

/** `viewer` is who reads the view: the actions offered are the ones the gate would let them take. */
export function presentRequest(record: RequestRecord, viewer: Principal, extras: ViewExtras = {}): RequestView {
  const { draftedBy: _drafters, ...rest } = record;
  const machine = machineFor(record.type);
  const validation = validateRequestDetails(record.type, record.legalBasis, record.details);
  return {
    ...rest,
    typeTitle: requestTypes[record.type].title,
    stateLabel: machine.states.find((s) => s.name === record.state)?.label ?? { en: record.state, vi: record.state },
    availableActions: actionsFor(snapshotOf(record), userActor(viewer)).map((t) => ({
      action: t.action,
      label: t.label,
      permission: t.permission,
    })),
    missing: validation.ok ? validation.missing : validation.issues,
    warnings: warningsFor(record, extras.caseRecord),
    draftingWarnings: draftingWarningsFor(record, extras.caseRecord),
    conditions: extras.conditions ?? [],
    deadlines: extras.deadlines ?? [],
    nextStep: nextStep(
      snapshotOf(record, extras.openOrders ?? 0),
      userActor(viewer),
      (extras.deadlines ?? []).filter((d) => d.status === 'open' || d.status === 'warned'),
    ),
    links: extras.links ?? [],
    assignee: extras.assignee ?? null,
  };
}
