import {
  DomainError,
  minimumPreservationDays,
  orderInputSchema,
  type FieldIssue,
  type OrderInput,
  type OrderScope,
  type OrderTypeCode,
} from '@hanoi247/core';
import { orderDeadlineRepository } from '../repositories/order-event.repository.js';
import { providerRepository } from '../repositories/provider.repository.js';
import { requestEventRepository } from '../repositories/request-event.repository.js';
import { requestRepository, type RequestRecord } from '../repositories/request.repository.js';
import type { OrderService } from './order.service.js';
import { presentOfficerOrder, type OfficerOrderView } from './order-view.js';
import type { RequestTransitionService } from './request-transition.service.js';
import { visibleOrNotFound } from './request-view.js';
import type { CallContext, ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

/** What the officer adds to the foreign request to make the domestic order (Art. 24: the authorisation is theirs). */
export interface RequestOrderInput {
  readonly providerId: string;
  readonly type?: OrderTypeCode | undefined;
  readonly authorisation: OrderInput['authorisation'];
  readonly grounds?: string | undefined;
  readonly scope?: { readonly [K in keyof OrderScope]?: OrderScope[K] | undefined } | undefined;
  readonly durationDays?: number | undefined;
  readonly nonDisclosure?: OrderInput['nonDisclosure'] | undefined;
}

/**
 * Which accepted foreign requests become which domestic orders, and in which states one more order may
 * be made (a second provider found later). The request itself moves only when an order is served.
 */
const orderable: Readonly<Record<string, { types: readonly OrderTypeCode[]; states: readonly string[] }>> = {
  PRESERVATION_42: {
    types: ['PRESERVE_25', 'PARTIAL_TRAFFIC_26'],
    states: [
      'ACCEPTED',
      'DOMESTIC_ORDER_ISSUED',
      'PRESERVED',
      'WARNING_ISSUED',
      'EXTENSION_REQUESTED',
      'FOLLOW_UP_MLA_LINKED',
    ],
  },
  STORED_DATA_44: {
    types: ['PRODUCE_27A', 'SUBSCRIBER_27B', 'PARTIAL_TRAFFIC_26'],
    states: ['ACCEPTED', 'IN_EXECUTION', 'PARTIALLY_EXECUTED'],
  },
};

/**
 * The request's range carries offsets, not a zone; a whole-hour offset names its fixed IANA zone
 * (Etc/GMT-7 is UTC+7: POSIX signs are inverted), anything else says UTC. The instants are exact either way.
 */
function zoneOf(instant: string | undefined): string {
  const match = instant === undefined ? null : /([+-])(\d{2}):00$/.exec(instant);
  if (match === null || match[2] === '00') return 'UTC';
  return `Etc/GMT${match[1] === '+' ? '-' : '+'}${Number(match[2])}`;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The order's terms, taken from the request where it says them, overridden by what the officer gives. */
function draftFrom(request: RequestRecord, given: RequestOrderInput): unknown {
  const d = request.details;
  const range = d['dateRange'] as { from?: string; to?: string } | undefined;
  const confidential =
    (d['confidentiality'] as { requested?: boolean; noUserNotification?: boolean } | undefined) ?? {};
  const secret =
    confidential.requested === true ||
    confidential.noUserNotification === true ||
    d['confidentialityRequested'] === true;
  const type = given.type ?? orderable[request.type]?.types[0];
  const summary = text(d['offenceSummary']) ?? text(d['factsSummary']) ?? text(d['dataDescription']) ?? '';
  return {
    type,
    providerId: given.providerId,
    authorisation: given.authorisation,
    grounds:
      given.grounds ??
      `Execution of request ${request.reference} from ${request.requestingState} (${request.type}). ${summary}`.trim(),
    scope: {
      identifiers: given.scope?.identifiers ?? d['identifiers'],
      dataCategories: given.scope?.dataCategories ?? d['dataCategories'] ?? ['subscriber', 'traffic', 'content'],
      dateRange:
        given.scope?.dateRange ??
        (range === undefined ? undefined : { from: range.from, to: range.to, timeZone: zoneOf(range.from) }),
    },
    ...(type === 'PRESERVE_25' ? { durationDays: given.durationDays ?? 90 } : {}),
    nonDisclosure: given.nonDisclosure ?? { required: secret, until: null },
    ...(request.priority === 'emergency' && request.emergencyJustification !== null
      ? { emergencyJustification: request.emergencyJustification }
      : {}),
  };
}

/** Art. 42(7): an order executing a preservation request covers at least the 60 days the requesting State needs. */
function belowArticle42Minimum(request: RequestRecord, order: OrderInput): boolean {
  return (
    request.type === 'PRESERVATION_42' &&
    order.type === 'PRESERVE_25' &&
    (order.durationDays ?? 90) < minimumPreservationDays
  );
}

/**
 * From an accepted incoming Art. 42 preservation or Art. 44 production request, the domestic
 * order(s) in one step: each order drafted from the request, and the request moved on
 * (issue-domestic-order, start-execution), in one transaction. Authorisation by a second
 * officer and service follow on each order.
 */
export function createOrderFromRequestService(
  deps: ServiceRuntime & {
    readonly orders: OrderService;
    readonly requestTransitions: RequestTransitionService;
    readonly afterCommit?: () => void;
  },
) {
  const { db } = deps;
  return {
    async create(
      context: CallContext,
      requestId: string,
      inputs: readonly RequestOrderInput[],
    ): Promise<{ requestState: string; orders: OfficerOrderView[] }> {
      const principal = requirePermission(context.principal, 'orders:issue');
      requirePermission(principal, 'requests:draft');
      const result = await db.transaction().execute(async (tx) => {
        const request = visibleOrNotFound(principal, await requestRepository.findById(tx, requestId));
        const rule = orderable[request.type];
        if (request.direction !== 'incoming' || rule === undefined || !rule.states.includes(request.state)) {
          throw new DomainError(
            'order/request-not-orderable',
            `domestic orders are made from an accepted incoming preservation (Art. 42) ` +
              `or stored-data (Art. 44) request; this one is ${request.direction} ${request.type} ` +
              `in ${request.state}`,
          );
        }
        const issues: FieldIssue[] = [];
        const minimumIssues: FieldIssue[] = [];
        const drafts = inputs.map((given, i) => {
          const parsed = orderInputSchema.safeParse(draftFrom(request, given));
          if (!parsed.success) {
            issues.push(
              ...parsed.error.issues.map((issue) => ({
                path: `/orders/${i}/${issue.path.join('/')}`,
                message: issue.message,
              })),
            );
          } else if (!rule.types.includes(parsed.data.type)) {
            issues.push({ path: `/orders/${i}/type`, message: `one of ${rule.types.join(', ')}` });
          } else if (belowArticle42Minimum(request, parsed.data)) {
            minimumIssues.push({
              path: `/orders/${i}/durationDays`,
              message: `at least ${minimumPreservationDays} days`,
            });
          }
          return parsed.data;
        });
        if (issues.length > 0) {
          throw new DomainError('order/invalid', 'the orders cannot be made from this request as given', { issues });
        }
        if (minimumIssues.length > 0) {
          throw new DomainError(
            'order/period-below-preservation-minimum',
            `an order executing an Art. 42 request preserves for at least ${minimumPreservationDays} ` +
              `days, so the follow-up request can be made (UN art. 42(7))`,
            { issues: minimumIssues },
          );
        }
        const created = [];
        for (const draft of drafts) {
          if (draft !== undefined) created.push(await deps.orders.insertOrder(tx, context, draft, request.id));
        }
        // Drafted, not issued: the request moves when an order is served (the order's own event).
        await requestEventRepository.append(tx, {
          id: deps.ids(),
          requestId: request.id,
          kind: 'note',
          action: 'order-drafted',
          fromState: null,
          toState: request.state,
          responseKind: null,
          actorId: principal.userId,
          actorName: principal.username,
          occurredAt: deps.clock.now().toISOString(),
          payload: { notes: [{ code: 'order.drafted', params: { orders: created.map((o) => o.reference) } }] },
        });
        const views = [];
        for (const order of created) {
          views.push(
            presentOfficerOrder(order, {
              provider: await providerRepository.findById(tx, order.providerId),
              request,
              deadlines: await orderDeadlineRepository.forOrder(tx, order.id),
              viewer: principal,
            }),
          );
        }
        return { requestState: request.state, orders: views };
      });
      deps.afterCommit?.();
      deps.commits?.committed('requests');
      return result;
    },
  };
}

export type OrderFromRequestService = ReturnType<typeof createOrderFromRequestService>;
