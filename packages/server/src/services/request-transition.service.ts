import {
  DomainError,
  planTransition,
  ruleSetVersion,
  type DeadlineSettings,
  type GroundOptions,
  type JsonValue,
  type TransitionActor,
  type TransitionPayload,
  type TransitionPlan,
} from '@hanoi247/core';
import { applyClockEffects, type ClockStore } from './clock-effects.js';
import type { Outbox } from './outbox.service.js';
import type { Tx } from '../db/database-schema.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { caseRepository } from '../repositories/case.repository.js';
import { deadlineRepository } from '../repositories/deadline.repository.js';
import { requestEventRepository } from '../repositories/request-event.repository.js';
import { requestRepository, type RequestRecord } from '../repositories/request.repository.js';
import {
  assigneeOf,
  presentRequest,
  snapshotOf,
  userActor,
  openOrdersOf,
  visibleOrNotFound,
  type RequestView,
} from './request-view.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export interface TransitionServiceDeps extends ServiceRuntime {
  readonly deadlineSettings: DeadlineSettings;
  /** The node's legal settings (config `legal`): the grounds its bilateral treaties allow. */
  readonly grounds?: GroundOptions;
  /** Tells the partner node; absent in maintenance tools that never federate. */
  readonly outbox?: Outbox;
}

/**
 * The preservation as the order made it: a confirmation sets the date, an order's period its end.
 * Only order-recorded and mirrored transitions carry these (an officer's payload cannot: planTransition refuses it).
 */
function preservationAfter(
  request: RequestRecord,
  response: string | null,
  payload: TransitionPayload,
): Pick<RequestRecord, 'preservedUntil' | 'preservationOrderedUntil'> {
  return {
    preservedUntil:
      response === 'PRESERVED' && payload.preservedUntil !== undefined
        ? payload.preservedUntil
        : request.preservedUntil,
    preservationOrderedUntil: payload.order?.periodEnd ?? request.preservationOrderedUntil,
  };
}

/** States in which the partner does not know the request yet: nothing to mirror. */
const notYetShared = new Set([
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'WRITTEN_CONFIRMATION_PENDING',
  'DISCOVERED',
  'DISCLOSURE_DRAFTED',
]);

export interface ApplyOptions {
  /** The partner performed this transition; we mirror it and must not echo it back. */
  readonly mirrored?: boolean;
}

export function requestSentPayload(request: RequestRecord, sentBy: string): JsonValue {
  return JSON.parse(
    JSON.stringify({
      reference: request.reference,
      type: request.type,
      legalBasis: request.legalBasis,
      requestingState: request.requestingState,
      requestedState: request.requestedState,
      language: request.language,
      translations: request.translations,
      priority: request.priority,
      emergencyJustification: request.emergencyJustification,
      details: request.details,
      createdAt: request.createdAt,
      sentBy,
      ruleSetVersion: request.ruleSetVersion ?? ruleSetVersion,
    }),
  ) as JsonValue;
}

export function createRequestTransitionService(deps: TransitionServiceDeps) {
  const { db, clock, ids } = deps;

  /** The request's deadlines, as the kernel's clock store. */
  const deadlinesOf = (tx: Tx, requestId: string): ClockStore => ({
    settle: (ruleId, status, at) => deadlineRepository.settle(tx, requestId, ruleId, status, at),
    start: (ruleId, due, at) =>
      deadlineRepository.insert(tx, {
        id: ids(),
        requestId,
        ruleId,
        status: 'open',
        startedAt: at,
        dueAt: due.dueAt,
        warnAt: due.warnAt,
        closedAt: null,
        escalatedAt: null,
      }),
  });

  async function recordSideEffects(
    tx: Tx,
    request: RequestRecord,
    plan: TransitionPlan,
    payload: TransitionPayload,
    eventId: string,
    at: string,
  ): Promise<void> {
    if (plan.action === 'accept-with-conditions') {
      await requestEventRepository.addConditions(tx, request.id, eventId, payload.conditions ?? [], ids, at);
    }
    if (plan.action === 'accept-conditions') {
      await requestEventRepository.decideConditions(tx, request.id, 'accepted', at);
    }
    if (plan.action === 'decline-conditions') {
      await requestEventRepository.decideConditions(tx, request.id, 'declined', at);
    }
    if (payload.linkedRequestId !== undefined) {
      await requestEventRepository.link(tx, request.id, payload.linkedRequestId, plan.action, at);
    }
    for (const proposal of plan.proposals) {
      await requestEventRepository.append(tx, {
        id: ids(),
        requestId: request.id,
        kind: 'proposal',
        action: 'propose-request',
        fromState: null,
        toState: null,
        responseKind: null,
        actorId: null,
        actorName: 'system',
        occurredAt: at,
        payload: { ...proposal },
      });
    }
  }

  /**
   * Applies one planned transition inside the caller's transaction: state, timeline,
   * conditions, links, clocks and the audit entry commit together or not at all.
   */
  /** What the partner must learn from this local transition, if anything. */
  async function mirror(
    tx: Tx,
    request: RequestRecord,
    action: string,
    from: string,
    to: string,
    payload: TransitionPayload,
    actorName: string,
    at: string,
  ): Promise<void> {
    if (deps.outbox === undefined) return;
    const partner = request.direction === 'outgoing' ? request.requestedState : request.requestingState;
    const firstContact =
      request.direction === 'outgoing' &&
      (action === 'send' ||
        action === 'disclose' ||
        (action === 'confirm-in-writing' && from === 'WRITTEN_CONFIRMATION_PENDING'));
    if (firstContact) {
      await deps.outbox.enqueue(tx, {
        to: partner,
        type: 'request.sent',
        payload: requestSentPayload({ ...request, state: to }, actorName),
        requestId: request.id,
        priority: request.priority,
      });
      return;
    }
    if (request.direction === 'outgoing' && notYetShared.has(from)) return;
    await deps.outbox.enqueue(tx, {
      to: partner,
      type: 'request.transition',
      payload: JSON.parse(
        JSON.stringify({
          reference: request.reference,
          action,
          fromState: from,
          toState: to,
          payload,
          occurredAt: at,
          actorName,
          ruleSetVersion,
        }),
      ) as JsonValue,
      requestId: request.id,
      priority: request.priority,
    });
  }

  async function apply(
    tx: Tx,
    context: CallContext,
    request: RequestRecord,
    action: string,
    payload: TransitionPayload,
    actor: TransitionActor,
    options: ApplyOptions = {},
  ): Promise<RequestRecord> {
    const now = clock.now();
    const at = now.toISOString();
    const openOrders = await openOrdersOf(tx, request.id);
    const plan = planTransition(snapshotOf(request, openOrders), action, payload, actor, now, {
      settings: deps.deadlineSettings,
      mirrored: options.mirrored === true,
      ...(deps.grounds === undefined ? {} : { grounds: deps.grounds }),
    });
    const submitter =
      action === 'submit' && actor.userId !== null && !request.draftedBy.includes(actor.userId) ? [actor.userId] : [];
    const next: RequestRecord = {
      ...request,
      state: plan.to,
      draftedBy: [...request.draftedBy, ...submitter],
      consultationRecordedAt: plan.recordsConsultation
        ? (request.consultationRecordedAt ?? at)
        : request.consultationRecordedAt,
      ...preservationAfter(request, plan.transition.response ?? null, payload),
      updatedAt: at,
    };
    if (!(await requestRepository.update(tx, next, request.version))) {
      throw new DomainError('request/concurrent-change', 'someone changed this request meanwhile; reload it');
    }
    const eventId = ids();
    await requestEventRepository.append(tx, {
      id: eventId,
      requestId: request.id,
      kind: 'transition',
      action,
      fromState: plan.from,
      toState: plan.to,
      responseKind: plan.response,
      actorId: actor.userId,
      actorName: context.principal?.username ?? actor.kind,
      occurredAt: at,
      payload: { ...payload },
    });
    await recordSideEffects(tx, request, plan, payload, eventId, at);
    await applyClockEffects(deadlinesOf(tx, request.id), plan.deadlines, at);
    await auditRepository.append(
      tx,
      auditEntryFor(deps, context, {
        action: 'request.transitioned',
        objectType: 'request',
        objectId: request.id,
        actorName: context.principal?.username ?? actor.kind,
        ...(actor.kind === 'system' ? { actorType: 'system' as const } : {}),
        details: { reference: request.reference, action, from: plan.from, to: plan.to },
      }),
    );
    // Officers' acts and what the node's orders recorded reach the partner; the clocks run on both sides.
    if ((actor.kind === 'user' || actor.kind === 'order') && options.mirrored !== true) {
      await mirror(tx, request, action, plan.from, plan.to, payload, context.principal?.username ?? 'officer', at);
    }
    return { ...next, version: request.version + 1 };
  }

  return {
    apply,

    async transition(
      context: CallContext,
      id: string,
      action: string,
      payload: TransitionPayload,
    ): Promise<RequestView> {
      const principal = requirePermission(context.principal, 'requests:read');
      const actor = userActor(principal);
      const view = await db.transaction().execute(async (tx) => {
        const request = visibleOrNotFound(principal, await requestRepository.findById(tx, id));
        const next = await apply(tx, context, request, action, payload, actor);
        return presentRequest(next, principal, {
          caseRecord: next.caseId === null ? undefined : await caseRepository.findById(tx, next.caseId),
          conditions: await requestEventRepository.conditionsFor(tx, id),
          deadlines: await deadlineRepository.forRequest(tx, id),
          links: await requestEventRepository.linksFor(tx, id),
          assignee: await assigneeOf(tx, next),
          openOrders: await openOrdersOf(tx, id),
        });
      });
      // Delivery of what it queued and the live streams' read of its timeline start at once.
      deps.commits?.committed('federation', 'requests');
      return view;
    },
  };
}

export type RequestTransitionService = ReturnType<typeof createRequestTransitionService>;
