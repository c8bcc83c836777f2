import {
  DomainError,
  creationDeadlines,
  reversedRangeMessage,
  ruleSetVersion,
  validateRequestDetails,
  type DeadlineSettings,
  type LegalBasis,
  type Principal,
  type RequestSentPayload,
  type RequestTypeCode,
} from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { caseRepository } from '../repositories/case.repository.js';
import { counterRepository } from '../repositories/counter.repository.js';
import { deadlineRepository, type DeadlineRecord } from '../repositories/deadline.repository.js';
import { requestEventRepository, type RequestEvent } from '../repositories/request-event.repository.js';
import {
  requestRepository,
  type Priority,
  type QueuedRequest,
  type RequestRecord,
  type Translation,
} from '../repositories/request.repository.js';
import { userRepository } from '../repositories/user.repository.js';
import { assignableOfficersOf, mayBeAssigned } from './assignable-officers.js';
import {
  assigneeOf,
  canSee,
  presentRequest,
  restrictedTypesFor,
  snapshotOf,
  openOrdersOf,
  visibleOrNotFound,
  type Assignee,
  type RequestView,
} from './request-view.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { labelledRequestEvents } from './timeline-labels.js';
import { requirePermission } from './user.service.js';

export interface RequestDraftInput {
  readonly caseId?: string | undefined;
  readonly type: RequestTypeCode;
  readonly legalBasis: LegalBasis;
  readonly requestedState: string;
  readonly language: string;
  readonly translations?: readonly Translation[] | undefined;
  readonly priority: Priority;
  readonly emergencyJustification?: string | undefined;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface IncomingRequestInput extends Omit<RequestDraftInput, 'requestedState' | 'caseId'> {
  readonly reference: string;
  readonly requestingState: string;
}

export interface RequestServiceDeps extends ServiceRuntime {
  /** Null for maintenance tools that open storage without acting as the node. */
  readonly nodeCountry: string | null;
  readonly deadlineSettings: DeadlineSettings;
}

function checkedDetails(type: RequestTypeCode, basis: LegalBasis, details: unknown): Readonly<Record<string, unknown>> {
  const validation = validateRequestDetails(type, basis, details);
  if (!validation.ok) {
    // A range that ends before it starts has its own code, whatever else is wrong, naming the field.
    const reversed = validation.issues.filter((i) => i.message === reversedRangeMessage);
    if (reversed.length > 0) {
      throw new DomainError('request/date-range-reversed', 'a date range ends before it starts', {
        issues: reversed.map((i) => ({ path: i.path.replace(/\/(from|to)$/, ''), message: i.message })),
      });
    }
    throw new DomainError('request/invalid-details', 'some request fields are not valid', {
      issues: validation.issues,
    });
  }
  return validation.details;
}

/** A request always goes between two States: never to (or from) the node's own. */
function checkedOtherState(field: 'requestedState' | 'requestingState', state: string, own: string): void {
  if (state === own) {
    throw new DomainError(
      'request/own-state',
      `the ${field === 'requestedState' ? 'requested' : 'requesting'} State must ` +
        `be another State than this node\u2019s (${own})`,
      {
        issues: [{ path: `/${field}`, message: 'not this node\u2019s own country' }],
      },
    );
  }
}

/** Art. 2 emergency: a significant and imminent risk to life or safety, which must be explained. */
function checkedPriority(priority: Priority, justification: string | undefined): string | null {
  if (priority !== 'emergency') return null;
  if (justification === undefined || justification.trim().length < 20) {
    throw new DomainError(
      'request/emergency-justification-required',
      'an emergency needs a justification: the significant and imminent risk to life or safety (UN art. 2)',
      {
        issues: [{ path: '/emergencyJustification', message: 'at least 20 characters' }],
      },
    );
  }
  return justification.trim();
}

export function createRequestService(deps: RequestServiceDeps) {
  const { db, clock, ids } = deps;
  const country = (): string => {
    if (deps.nodeCountry === null) {
      throw new DomainError('bug/invariant-violated', 'this process does not act as a node: no country configured');
    }
    return deps.nodeCountry;
  };

  async function event(
    tx: Tx,
    context: CallContext,
    request: RequestRecord,
    kind: RequestEvent['kind'],
    action: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await requestEventRepository.append(tx, {
      id: ids(),
      requestId: request.id,
      kind,
      action,
      fromState: null,
      toState: request.state,
      responseKind: null,
      actorId: context.principal?.userId ?? null,
      actorName: context.principal?.username ?? 'system',
      occurredAt: clock.now().toISOString(),
      payload,
    });
  }

  /** The reference is allocated in the same transaction, so a failed insert leaves no gap. */
  /** Returns the clocks it started, so the caller need not read them back. */
  async function insertRecord(
    tx: Tx,
    context: CallContext,
    record: RequestRecord,
    eventPayload: Record<string, unknown> = {},
  ): Promise<DeadlineRecord[]> {
    await requestRepository.insert(tx, record);
    await event(tx, context, record, 'created', record.direction === 'outgoing' ? 'draft' : 'receive', {
      reference: record.reference,
      ...eventPayload,
    });
    const started: DeadlineRecord[] = [];
    for (const effect of creationDeadlines(snapshotOf(record), clock.now(), deps.deadlineSettings)) {
      if (effect.kind !== 'start') continue;
      const deadline: DeadlineRecord = {
        id: ids(),
        requestId: record.id,
        ruleId: effect.ruleId,
        status: 'open',
        startedAt: record.createdAt,
        dueAt: effect.dueAt,
        warnAt: effect.warnAt,
        closedAt: null,
        escalatedAt: null,
      };
      await deadlineRepository.insert(tx, deadline);
      started.push(deadline);
    }
    await auditRepository.append(
      tx,
      auditEntryFor(deps, context, {
        action: 'request.created',
        objectType: 'request',
        objectId: record.id,
        ...(context.principal === null
          ? { actorType: 'system' as const, actorName: `node ${record.requestingState}` }
          : {}),
        details: { reference: record.reference, type: record.type, direction: record.direction },
      }),
    );
    return started;
  }

  /** The view with everything a reader of one request sees. */
  async function fullView(
    tx: Tx,
    viewer: Principal,
    record: RequestRecord,
    assignee: Assignee | null,
  ): Promise<RequestView> {
    return presentRequest(record, viewer, {
      caseRecord: record.caseId === null ? undefined : await caseRepository.findById(tx, record.caseId),
      conditions: await requestEventRepository.conditionsFor(tx, record.id),
      deadlines: await deadlineRepository.forRequest(tx, record.id),
      links: await requestEventRepository.linksFor(tx, record.id),
      assignee,
      openOrders: await openOrdersOf(tx, record.id),
    });
  }

  /** Runs a transaction that adds to a request's timeline, then tells the live streams. */
  async function changing<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await db.transaction().execute(work);
    deps.commits?.committed('requests');
    return result;
  }

  async function insertNew(
    context: CallContext,
    viewer: Principal,
    build: (tx: Tx) => Promise<RequestRecord>,
  ): Promise<RequestView> {
    return changing(async (tx) => {
      const record = await build(tx);
      const deadlines = await insertRecord(tx, context, record);
      const caseRecord = record.caseId === null ? undefined : await caseRepository.findById(tx, record.caseId);
      return presentRequest(record, viewer, { caseRecord, deadlines });
    });
  }

  return {
    assignableOfficers: assignableOfficersOf(deps),

    /** A request a partner node sent us, inside the inbox transaction (one effect per message). */
    async recordFromPeer(tx: Tx, sent: RequestSentPayload, messageId: string): Promise<RequestRecord> {
      if ((await requestRepository.findByReference(tx, sent.reference)) !== undefined) {
        throw new DomainError('federation/unexpected-message', `request ${sent.reference} was already received`);
      }
      // A partner's node is held to the same rules as an officer here: an emergency says why.
      checkedPriority(sent.priority, sent.emergencyJustification ?? undefined);
      const now = clock.now().toISOString();
      const record: RequestRecord = {
        id: ids(),
        reference: sent.reference,
        caseId: null,
        type: sent.type,
        direction: 'incoming',
        state: 'RECEIVED',
        legalBasis: sent.legalBasis,
        requestingState: sent.requestingState,
        requestedState: sent.requestedState,
        language: sent.language,
        translations: sent.translations,
        priority: sent.priority,
        emergencyJustification: sent.emergencyJustification,
        details: checkedDetails(sent.type, sent.legalBasis, sent.details),
        draftedBy: [],
        consultationRecordedAt: null,
        parentRequestId: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
        assignedTo: null,
        preservedUntil: null,
        preservationOrderedUntil: null,
        ruleSetVersion: sent.ruleSetVersion ?? null,
      };
      await insertRecord(tx, { principal: null, requestId: null }, record, {
        messageId,
        sentBy: sent.sentBy,
        sentAt: sent.createdAt,
      });
      return record;
    },

    async createDraft(context: CallContext, input: RequestDraftInput): Promise<RequestView> {
      const principal = requirePermission(context.principal, 'requests:draft');
      checkedOtherState('requestedState', input.requestedState, country());
      if (input.caseId !== undefined && (await caseRepository.findById(db, input.caseId)) === undefined) {
        throw new DomainError('case/not-found', 'no such case');
      }
      const details = checkedDetails(input.type, input.legalBasis, input.details);
      const emergencyJustification = checkedPriority(input.priority, input.emergencyJustification);
      const now = clock.now();
      const userId = principal.userId ?? principal.username;
      return insertNew(context, principal, async (tx) => ({
        id: ids(),
        reference: `${country()}-${await counterRepository.nextOfYear(tx, 'request', now.getUTCFullYear())}`,
        caseId: input.caseId ?? null,
        type: input.type,
        direction: 'outgoing',
        state: 'DRAFT',
        legalBasis: input.legalBasis,
        requestingState: country(),
        requestedState: input.requestedState,
        language: input.language,
        translations: input.translations ?? [],
        priority: input.priority,
        emergencyJustification,
        details,
        draftedBy: [userId],
        consultationRecordedAt: null,
        parentRequestId: null,
        createdBy: userId,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        version: 1,
        assignedTo: null,
        preservedUntil: null,
        preservationOrderedUntil: null,
        ruleSetVersion,
      }));
    },

    /** A request that reached this node outside the network (letter, e-mail, phone) is recorded by an officer. */
    async recordIncoming(context: CallContext, input: IncomingRequestInput): Promise<RequestView> {
      const principal = requirePermission(context.principal, 'requests:draft');
      checkedOtherState('requestingState', input.requestingState, country());
      // References are unique across both directions: a foreign one carries its State's prefix, never this node's.
      if (!input.reference.startsWith(`${input.requestingState}-`)) {
        throw new DomainError(
          'request/invalid-details',
          `the reference must start with the requesting State\u2019s code, ${input.requestingState}-`,
          { issues: [{ path: '/reference', message: `must start with ${input.requestingState}-` }] },
        );
      }
      if ((await requestRepository.findByReference(db, input.reference)) !== undefined) {
        throw new DomainError(
          'request/invalid-details',
          `a request with reference ${input.reference} is already recorded`,
          { issues: [{ path: '/reference', message: 'already recorded' }] },
        );
      }
      const details = checkedDetails(input.type, input.legalBasis, input.details);
      const now = clock.now().toISOString();
      const emergencyJustification = checkedPriority(input.priority, input.emergencyJustification);
      return insertNew(context, principal, async () => ({
        id: ids(),
        reference: input.reference,
        caseId: null,
        type: input.type,
        direction: 'incoming',
        state: 'RECEIVED',
        legalBasis: input.legalBasis,
        requestingState: input.requestingState,
        requestedState: country(),
        language: input.language,
        translations: input.translations ?? [],
        priority: input.priority,
        emergencyJustification,
        details,
        draftedBy: [],
        consultationRecordedAt: null,
        parentRequestId: null,
        createdBy: principal.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
        assignedTo: null,
        preservedUntil: null,
        preservationOrderedUntil: null,
        ruleSetVersion,
      }));
    },

    /** Drafts stay editable until submitted; every editor becomes a drafter and so cannot approve. */
    async updateDraft(
      context: CallContext,
      id: string,
      patch: {
        details?: Readonly<Record<string, unknown>> | undefined;
        language?: string | undefined;
        translations?: readonly Translation[] | undefined;
        priority?: Priority | undefined;
        emergencyJustification?: string | undefined;
      },
      version: number,
    ): Promise<RequestView> {
      const principal = requirePermission(context.principal, 'requests:draft');
      return changing(async (tx) => {
        const record = visibleOrNotFound(principal, await requestRepository.findById(tx, id));
        if (record.direction !== 'outgoing' || record.state !== 'DRAFT') {
          throw new DomainError('request/not-editable', `only a draft can be edited; this request is ${record.state}`);
        }
        const priority = patch.priority ?? record.priority;
        const userId = principal.userId ?? principal.username;
        const next: RequestRecord = {
          ...record,
          details:
            patch.details === undefined
              ? record.details
              : checkedDetails(record.type, record.legalBasis, { ...record.details, ...patch.details }),
          language: patch.language ?? record.language,
          translations: patch.translations ?? record.translations,
          priority,
          emergencyJustification: checkedPriority(
            priority,
            patch.emergencyJustification ?? record.emergencyJustification ?? undefined,
          ),
          draftedBy: record.draftedBy.includes(userId) ? record.draftedBy : [...record.draftedBy, userId],
          updatedAt: clock.now().toISOString(),
        };
        if (!(await requestRepository.update(tx, next, version))) {
          throw new DomainError('request/concurrent-change', 'someone changed this request meanwhile; reload it');
        }
        await event(tx, context, next, 'updated', 'edit', { fields: Object.keys(patch.details ?? {}) });
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'request.updated',
            objectType: 'request',
            objectId: id,
            details: { reference: record.reference },
          }),
        );
        const caseRecord = next.caseId === null ? undefined : await caseRepository.findById(tx, next.caseId);
        return presentRequest({ ...next, version: version + 1 }, principal, {
          caseRecord,
          deadlines: await deadlineRepository.forRequest(tx, id),
          assignee: await assigneeOf(tx, next),
        });
      });
    },

    async get(context: CallContext, id: string, purpose: string | null): Promise<RequestView> {
      const principal = requirePermission(context.principal, 'requests:read');
      return db.transaction().execute(async (tx) => {
        const record = visibleOrNotFound(principal, await requestRepository.findById(tx, id));
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'request.viewed',
            objectType: 'request',
            objectId: id,
            purpose,
            details: { reference: record.reference },
          }),
        );
        return fullView(tx, principal, record, await assigneeOf(tx, record));
      });
    },

    /**
     * Hands a request to an officer (or back to nobody). The assignee must be an active user who
     * may read requests and can see this one; an invisible request answers 404 as everywhere.
     */
    async assign(context: CallContext, id: string, userId: string | null): Promise<RequestView> {
      const principal = requirePermission(context.principal, 'requests:draft');
      return changing(async (tx) => {
        const record = visibleOrNotFound(principal, await requestRepository.findById(tx, id));
        let assignee: Assignee | null = null;
        if (userId !== null) {
          const user = await userRepository.findById(tx, userId);
          if (user === undefined || !mayBeAssigned(user, record)) {
            throw new DomainError(
              'request/invalid-assignee',
              'the assignee must be an active officer who can see this request',
              { issues: [{ path: '/userId', message: 'not an officer who can handle this request' }] },
            );
          }
          assignee = { id: user.id, displayName: user.displayName };
        }
        if (record.assignedTo === userId) return fullView(tx, principal, record, assignee);
        const next: RequestRecord = { ...record, assignedTo: userId, updatedAt: clock.now().toISOString() };
        if (!(await requestRepository.update(tx, next, record.version))) {
          throw new DomainError('request/concurrent-change', 'someone changed this request meanwhile; reload it');
        }
        const action = userId === null ? 'unassign' : 'assign';
        const details = {
          reference: record.reference,
          from: record.assignedTo,
          to: userId,
          ...(assignee === null ? {} : { toName: assignee.displayName }),
        };
        await event(tx, context, next, 'updated', action, details);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, { action: 'request.assigned', objectType: 'request', objectId: id, details }),
        );
        return fullView(tx, principal, { ...next, version: record.version + 1 }, assignee);
      });
    },

    async list(
      context: CallContext,
      filter: {
        direction?: 'outgoing' | 'incoming' | undefined;
        type?: string | undefined;
        state?: string | undefined;
        country?: string | undefined;
        caseId?: string | undefined;
        assignee?: string | undefined;
        limit: number;
        offset: number;
      },
    ): Promise<QueuedRequest[]> {
      const principal = requirePermission(context.principal, 'requests:read');
      const { assignee, ...rest } = filter;
      // undefined (no filter) stays undefined.
      const assigned =
        assignee === 'unassigned' ? null : assignee === 'me' ? (principal.userId ?? principal.username) : assignee;
      return requestRepository.list(db, { ...rest, assignee: assigned, excludeTypes: restrictedTypesFor(principal) });
    },

    /** The clocks an officer must watch, nearest first, without the requests this officer may not see. */
    async runningDeadlines(
      context: CallContext,
      limit: number,
    ): Promise<
      {
        id: string;
        requestId: string;
        reference: string;
        type: string;
        ruleId: string;
        status: string;
        dueAt: string;
        warnAt: string;
      }[]
    > {
      const principal = requirePermission(context.principal, 'requests:read');
      const running = await deadlineRepository.running(db, limit);
      const out = [];
      for (const deadline of running) {
        const request = await requestRepository.findById(db, deadline.requestId);
        if (request === undefined || !canSee(principal, request)) continue;
        out.push({
          id: deadline.id,
          requestId: request.id,
          reference: request.reference,
          type: request.type,
          ruleId: deadline.ruleId,
          status: deadline.status,
          dueAt: deadline.dueAt,
          warnAt: deadline.warnAt,
        });
      }
      return out;
    },

    async timeline(context: CallContext, id: string) {
      const principal = requirePermission(context.principal, 'requests:read');
      const record = visibleOrNotFound(principal, await requestRepository.findById(db, id));
      return labelledRequestEvents(record.type, await requestEventRepository.listForRequest(db, id));
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
