import {
  DomainError,
  orderActionsFor,
  orderMachine,
  orderTransitionsFor,
  orderTypes,
  stateLabelOf,
  timelineLabel,
  type Bilingual,
  type OrderSide,
  type OrderDocument,
  type OrderTypeCode,
  type OrderSnapshot,
  type Principal,
  type Role,
} from '@hanoi247/core';
import type { OrderDeadlineRecord, OrderEvent } from '../repositories/order-event.repository.js';
import type { OrderObjection, OrderRecord, OrderTerms } from '../repositories/order.repository.js';
import type { ProviderRecord } from '../repositories/provider.repository.js';
import type { RequestRecord } from '../repositories/request.repository.js';

/** Interception is the most intrusive measure: as with requests, only the central authority and supervisors see it. */
const restricted = (type: string) => type === 'INTERCEPT_30' || type === 'INTERCEPTION_46';
const seesRestricted = (principal: Principal) =>
  principal.roles.includes('central_authority_officer') || principal.roles.includes('supervisor');

export function officerCanSee(
  principal: Principal,
  order: Pick<OrderRecord, 'type'>,
  linked: Pick<RequestRecord, 'type'> | undefined,
): boolean {
  if (!principal.permissions.has('orders:issue') && !principal.permissions.has('orders:authorise')) return false;
  if (!restricted(order.type) && (linked === undefined || !restricted(linked.type))) return true;
  return seesRestricted(principal);
}

export const restrictedOrderTypesFor = (principal: Principal): string[] =>
  seesRestricted(principal) ? [] : ['INTERCEPT_30'];

export function orderSnapshotOf(order: OrderRecord): OrderSnapshot {
  return {
    type: order.type,
    state: order.state,
    emergency: order.emergencyJustification !== null,
    draftedBy: order.draftedBy,
    durationDays: order.terms.durationDays,
    periods: order.periods,
    authorisedPeriod: order.terms.authorisedPeriod,
    executesForeignRequest: order.requestId !== null,
  };
}

export interface OrderClockView {
  readonly ruleId: string;
  readonly status: string;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly warnAt: string;
  readonly closedAt: string | null;
  readonly escalatedAt: string | null;
}

/** What both sides see of an order: the order as served, its state, its clocks, what the provider answered. */
export interface SharedOrderView {
  readonly id: string;
  readonly reference: string;
  readonly type: OrderTypeCode;
  readonly typeTitle: Bilingual;
  readonly legalSource: {
    readonly instrument: string;
    readonly article: string;
    readonly paragraph?: string | undefined;
  };
  readonly state: string;
  readonly stateLabel: Bilingual;
  readonly emergencyJustification: string | null;
  /** As signed at service: both sides see the officer and the call-back contact the provider sees. */
  readonly emergency: OrderDocument['emergency'];
  readonly terms: OrderTerms;
  readonly periods: OrderRecord['periods'];
  readonly preservedUntil: string | null;
  readonly preservedWhat: string | null;
  readonly objection: OrderObjection | null;
  readonly servedAt: string | null;
  readonly revision: number;
  readonly deadlines: readonly OrderClockView[];
  readonly availableActions: readonly { readonly action: string; readonly label: Bilingual }[];
  readonly updatedAt: string;
  readonly version: number;
}

export interface OfficerOrderView extends SharedOrderView {
  readonly provider: { readonly id: string; readonly legalName: string };
  readonly requestId: string | null;
  readonly requestReference: string | null;
  readonly draftedBy: readonly string[];
  readonly authorisedBy: string | null;
  readonly authorisedAt: string | null;
  readonly createdAt: string;
  readonly withheldActions: readonly {
    readonly action: string;
    readonly label: Bilingual;
    readonly code: string;
    readonly roles: readonly Role[];
  }[];
}

const clockView = ({ id: _id, orderId: _order, ...rest }: OrderDeadlineRecord): OrderClockView => rest;

function shared(order: OrderRecord, deadlines: readonly OrderDeadlineRecord[], side: OrderSide): SharedOrderView {
  const type = orderTypes[order.type];
  return {
    id: order.id,
    reference: order.reference,
    type: order.type,
    typeTitle: type.title,
    legalSource: {
      instrument: type.legalSource.instrument,
      article: type.legalSource.article,
      paragraph: type.legalSource.paragraph,
    },
    state: order.state,
    stateLabel: stateLabelOf(orderMachine, order.state),
    emergencyJustification: order.emergencyJustification,
    emergency: order.servedDocument === null ? null : (JSON.parse(order.servedDocument) as OrderDocument).emergency,
    terms: order.terms,
    periods: order.periods,
    preservedUntil: order.preservedUntil,
    preservedWhat: order.preservedWhat,
    objection: order.objection,
    servedAt: order.servedAt,
    revision: order.revision,
    deadlines: deadlines.map(clockView),
    availableActions: orderTransitionsFor(type.kind, order.state, side).map((t) => ({
      action: t.action,
      label: t.label,
    })),
    updatedAt: order.updatedAt,
    version: order.version,
  };
}

export function presentOfficerOrder(
  order: OrderRecord,
  extras: {
    provider: ProviderRecord | undefined;
    request: RequestRecord | undefined;
    deadlines: readonly OrderDeadlineRecord[];
    /** Who reads the view: the actions offered are the ones the gate would let them take. */
    viewer: Principal | null;
  },
): OfficerOrderView {
  const { offered, withheld } = orderActionsFor(orderSnapshotOf(order), {
    side: 'officer',
    userId: extras.viewer?.userId ?? null,
    permissions: extras.viewer?.permissions ?? new Set(),
  });
  return {
    ...shared(order, extras.deadlines, 'officer'),
    availableActions: offered.map((t) => ({ action: t.action, label: t.label })),
    withheldActions: withheld.map(({ transition, code, roles }) => ({
      action: transition.action,
      label: transition.label,
      code,
      roles,
    })),
    provider: { id: order.providerId, legalName: extras.provider?.legalName ?? order.providerId },
    requestId: order.requestId,
    requestReference: extras.request?.reference ?? null,
    draftedBy: order.draftedBy,
    authorisedBy: order.authorisedBy,
    authorisedAt: order.authorisedAt,
    createdAt: order.createdAt,
  };
}

export interface ProviderOrderView extends SharedOrderView {
  /** The largest production file this node accepts: the portal refuses a bigger one before hashing it. */
  readonly maxProductionBytes: number;
}

/** The provider sees its order and nothing else of the case: no request, no officers' names, no other order. */
export function presentProviderOrder(
  order: OrderRecord,
  deadlines: readonly OrderDeadlineRecord[],
  maxProductionBytes: number,
): ProviderOrderView {
  return { ...shared(order, deadlines, 'provider'), maxProductionBytes };
}

/** The timeline as the provider sees it: the side that acted, never an officer's name. */
export function providerTimeline(events: readonly OrderEvent[]): {
  action: string;
  label: Bilingual;
  side: string;
  fromState: string | null;
  toState: string | null;
  occurredAt: string;
  payload: Readonly<Record<string, unknown>>;
}[] {
  return events.map((e) => ({
    action: e.action,
    label: timelineLabel(orderMachine, e.action, e.fromState),
    side: e.side,
    fromState: e.fromState,
    toState: e.toState,
    occurredAt: e.occurredAt,
    payload: e.side === 'provider' || e.kind === 'deadline' ? e.payload : {},
  }));
}

export const orderNotFound = () => new DomainError('order/not-found', 'no such order');
