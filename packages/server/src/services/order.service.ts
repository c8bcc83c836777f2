import {
  checkEmergency,
  checkOrderInput,
  DomainError,
  type JsonValue,
  type OrderInput,
  type OrderPayload,
  type SignedDescriptor,
  type SignedOrder,
} from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { counterRepository } from '../repositories/counter.repository.js';
import { evidenceRepository } from '../repositories/evidence.repository.js';
import { orderDeadlineRepository, orderEventRepository } from '../repositories/order-event.repository.js';
import { orderRepository, type OrderRecord, type OrderTerms } from '../repositories/order.repository.js';
import { providerRepository } from '../repositories/provider.repository.js';
import { requestRepository, type RequestRecord } from '../repositories/request.repository.js';
import { presentEvidence, requireEvidencePermission, type EvidenceView } from './evidence-view.js';
import type { OrderAccess } from './order-access.js';
import type { OrderTransitions } from './order-transitions.js';
import { orderNotFound, presentOfficerOrder, restrictedOrderTypesFor, type OfficerOrderView } from './order-view.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { labelledOrderEvents } from './timeline-labels.js';
import { requirePermission } from './user.service.js';

export interface OrderServiceDeps extends ServiceRuntime {
  readonly nodeCountry: string | null;
  readonly access: OrderAccess;
  readonly transitions: OrderTransitions;
  /** Wakes the outbox dispatcher after a commit that moved a linked request. */
  readonly afterCommit?: () => void;
  /**
   * Seam for the federation evidence transfer: queues, inside the confirmation's transaction, the
   * durable offer of the order's production to the requesting State (services/production-offer.service.ts).
   * Absent: the officer offers it by hand.
   */
  readonly offerEvidence?: OfferEvidence;
}

export type OfferEvidence = (tx: Tx, context: CallContext, order: OrderRecord) => Promise<void>;

export type TermsAmendment = {
  readonly [K in 'grounds' | 'scope' | 'durationDays' | 'authorisedPeriod' | 'nonDisclosure']?:
    OrderInput[K] | undefined;
};

/** Officers who issue orders and those who authorise them both read them. */
const readPermission = (context: CallContext) => {
  const principal = context.principal;
  if (
    principal !== null &&
    !principal.permissions.has('orders:issue') &&
    principal.permissions.has('orders:authorise')
  ) {
    return principal;
  }
  return requirePermission(principal, 'orders:issue');
};

export function termsOf(input: OrderInput): OrderTerms {
  return {
    authorisation: input.authorisation,
    grounds: input.grounds,
    scope: input.scope,
    durationDays: input.durationDays ?? null,
    authorisedPeriod: input.authorisedPeriod ?? null,
    nonDisclosure: input.nonDisclosure,
  };
}

/** The officers' side of domestic orders: draft, authorise (a second officer), serve, renew, release, review. */
export function createOrderService(deps: OrderServiceDeps) {
  const { db, clock, ids, access, transitions } = deps;
  const country = (): string => {
    if (deps.nodeCountry === null) {
      throw new DomainError('bug/invariant-violated', 'this process does not act as a node: no country configured');
    }
    return deps.nodeCountry;
  };

  async function present(tx: Tx | typeof db, viewer: CallContext, order: OrderRecord, request?: RequestRecord) {
    return presentOfficerOrder(order, {
      provider: await providerRepository.findById(tx, order.providerId),
      request:
        request ?? (order.requestId === null ? undefined : await requestRepository.findById(tx, order.requestId)),
      deadlines: await orderDeadlineRepository.forOrder(tx, order.id),
      viewer: viewer.principal,
    });
  }

  /** Inside the caller's transaction: the one-step order from a foreign request uses it too. */
  async function insertOrder(
    tx: Tx,
    context: CallContext,
    input: OrderInput,
    requestId: string | null,
  ): Promise<OrderRecord> {
    const principal = requirePermission(context.principal, 'orders:issue');
    const now = clock.now();
    checkOrderInput(input, now);
    const emergencyJustification = checkEmergency(input.emergencyJustification);
    const provider = await providerRepository.findById(tx, input.providerId);
    if (provider === undefined || !provider.active) {
      throw new DomainError('provider/not-found', 'no such service provider in the registry (or it is inactive)', {
        issues: [{ path: '/providerId', message: 'not an active provider' }],
      });
    }
    const year = now.getUTCFullYear();
    const userId = principal.userId ?? principal.username;
    const serial = await counterRepository.next(tx, `order:${year}`);
    const record: OrderRecord = {
      id: ids(),
      reference: `${country()}-ORD-${year}-${String(serial).padStart(6, '0')}`,
      type: input.type,
      state: 'CREATED',
      providerId: provider.id,
      requestId,
      emergencyJustification,
      terms: termsOf(input),
      periods: [],
      preservedUntil: null,
      preservedWhat: null,
      objection: null,
      draftedBy: [userId],
      authorisedBy: null,
      authorisedAt: null,
      servedAt: null,
      servedDocument: null,
      servedJws: null,
      revision: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    };
    await orderRepository.insert(tx, record);
    await orderEventRepository.append(tx, {
      id: ids(),
      orderId: record.id,
      kind: 'created',
      action: 'draft',
      fromState: null,
      toState: 'CREATED',
      side: 'officer',
      actorId: principal.userId,
      actorName: principal.username,
      occurredAt: record.createdAt,
      payload: { reference: record.reference, ...(requestId === null ? {} : { requestId }) },
    });
    await auditRepository.append(
      tx,
      auditEntryFor(deps, context, {
        action: 'order.created',
        objectType: 'order',
        objectId: record.id,
        details: {
          reference: record.reference,
          type: record.type,
          providerId: provider.id,
          requestId,
          emergency: emergencyJustification !== null,
        },
      }),
    );
    return record;
  }

  async function transitionAs(
    context: CallContext,
    id: string,
    action: string,
    payload: OrderPayload,
    amendment?: TermsAmendment,
  ): Promise<OfficerOrderView> {
    const principal = readPermission(context);
    await access.forOfficer(context, principal, id, action);
    const view = await db.transaction().execute(async (tx) => {
      const order = await orderRepository.findById(tx, id);
      if (order === undefined) throw orderNotFound();
      const terms: OrderTerms | undefined =
        amendment === undefined
          ? undefined
          : {
              authorisation: order.terms.authorisation,
              grounds: amendment.grounds ?? order.terms.grounds,
              scope: amendment.scope ?? order.terms.scope,
              nonDisclosure: amendment.nonDisclosure ?? order.terms.nonDisclosure,
              durationDays: amendment.durationDays ?? order.terms.durationDays,
              authorisedPeriod: amendment.authorisedPeriod ?? order.terms.authorisedPeriod,
            };
      if (terms !== undefined) {
        const { durationDays, authorisedPeriod, ...rest } = terms;
        checkOrderInput(
          {
            type: order.type,
            providerId: order.providerId,
            ...rest,
            ...(durationDays === null ? {} : { durationDays }),
            ...(authorisedPeriod === null ? {} : { authorisedPeriod }),
          },
          clock.now(),
        );
      }
      const next = await transitions.apply(
        tx,
        context,
        order,
        action,
        payload,
        { side: 'officer', userId: principal.userId, permissions: principal.permissions },
        terms === undefined ? {} : { terms },
      );
      // The offer of the production commits as a durable job with the confirmation, never after it.
      if (action === 'confirm-production-complete') await deps.offerEvidence?.(tx, context, next);
      return present(tx, context, next);
    });
    // Wakes the outbox dispatcher and the job runner (the offer).
    deps.afterCommit?.();
    return view;
  }

  return {
    insertOrder,

    async create(context: CallContext, input: OrderInput): Promise<OfficerOrderView> {
      requirePermission(context.principal, 'orders:issue');
      return db.transaction().execute(async (tx) => present(tx, context, await insertOrder(tx, context, input, null)));
    },

    async get(context: CallContext, id: string, purpose: string | null): Promise<OfficerOrderView> {
      const principal = readPermission(context);
      const { order, request } = await access.forOfficer(context, principal, id, 'get');
      return db.transaction().execute(async (tx) => {
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'order.viewed',
            objectType: 'order',
            objectId: id,
            purpose,
            details: { reference: order.reference },
          }),
        );
        return present(tx, context, order, request);
      });
    },

    async list(
      context: CallContext,
      filter: {
        providerId?: string | undefined;
        requestId?: string | undefined;
        state?: string | undefined;
        limit: number;
        offset: number;
      },
    ): Promise<OfficerOrderView[]> {
      const principal = readPermission(context);
      const orders = await orderRepository.list(db, { ...filter, excludeTypes: restrictedOrderTypesFor(principal) });
      return Promise.all(orders.map((order) => present(db, context, order)));
    },

    /** The order's production (audited): for a purely domestic order, the only way to its evidence. */
    async evidence(context: CallContext, id: string, purpose: string | null): Promise<EvidenceView[]> {
      const principal = readPermission(context);
      requireEvidencePermission(principal, 'evidence:read');
      await access.forOfficer(context, principal, id, 'evidence');
      return db.transaction().execute(async (tx) => {
        const items = await evidenceRepository.listForOrder(tx, id, 1000);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'evidence.listed',
            objectType: 'order',
            objectId: id,
            purpose,
            details: { count: items.length },
          }),
        );
        return items.map(presentEvidence);
      });
    },

    async timeline(context: CallContext, id: string) {
      const principal = readPermission(context);
      await access.forOfficer(context, principal, id, 'timeline');
      return labelledOrderEvents(await orderEventRepository.listForOrder(db, id));
    },

    transition: (context: CallContext, id: string, action: string, payload: OrderPayload) => {
      if (action === 'amend') {
        throw new DomainError('order/invalid', 'amend through its own route, with the changed terms');
      }
      return transitionAs(context, id, action, payload);
    },

    amend: (context: CallContext, id: string, amendment: TermsAmendment, note: string) =>
      transitionAs(context, id, 'amend', { note }, amendment),

    /** The order as the provider holds it: the signed revision last served, with this node's descriptor. */
    async signed(context: CallContext, id: string, descriptor: SignedDescriptor): Promise<SignedOrder> {
      const principal = readPermission(context);
      const { order } = await access.forOfficer(context, principal, id, 'signed');
      return signedOrderOf(deps, context, order, descriptor);
    },
  };
}

/** Shared with the provider side: an order has a signed form once it was served. */
export async function signedOrderOf(
  deps: ServiceRuntime,
  context: CallContext,
  order: OrderRecord,
  descriptor: SignedDescriptor,
): Promise<SignedOrder> {
  if (order.servedDocument === null || order.servedJws === null) {
    throw new DomainError('order/illegal-transition', 'the order has no signed form until it is served');
  }
  await auditRepository.append(
    deps.db,
    auditEntryFor(deps, context, {
      action: 'order.signed-issued',
      objectType: 'order',
      objectId: order.id,
      details: { reference: order.reference, revision: order.revision },
    }),
  );
  return {
    format: 'hanoi247-signed-order',
    order: JSON.parse(order.servedDocument) as SignedOrder['order'],
    jws: order.servedJws,
    descriptor: descriptor as unknown as JsonValue,
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
