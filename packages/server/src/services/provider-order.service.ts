import type { Readable } from 'node:stream';
import { DomainError, planOrderTransition, type OrderPayload, type Permission, type Principal, type SignedDescriptor, type SignedOrder } from '@hanoi247/core';
import { orderDeadlineRepository, orderEventRepository } from '../repositories/order-event.repository.js';
import { orderRepository, type OrderRecord } from '../repositories/order.repository.js';
import { providerRepository } from '../repositories/provider.repository.js';
import type { EvidenceService } from './evidence.service.js';
import { checkEvidenceInput, presentEvidence, type EvidenceView } from './evidence-view.js';
import type { OrderAccess } from './order-access.js';
import type { OrderTransitions } from './order-transitions.js';
import { orderNotFound, orderSnapshotOf, presentProviderOrder, providerTimeline, type SharedOrderView } from './order-view.js';
import { signedOrderOf } from './order.service.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export interface ProductionSettings {
  readonly maxProductionBytes: number;
  readonly maxProductionItemsPerOrder: number;
}

export interface ProviderOrderDeps extends ServiceRuntime {
  readonly nodeCountry: string | null;
  readonly access: OrderAccess;
  readonly transitions: OrderTransitions;
  readonly evidence: EvidenceService;
  readonly production: ProductionSettings;
  readonly afterCommit?: () => void;
}

/** What the provider declares with its production: its own SHA-256 is compared to ours. */
export interface ProductionInput {
  readonly filename: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly dataCategory: 'subscriber' | 'traffic' | 'content' | 'other';
  readonly description?: string | undefined;
}

export interface ProductionReceipt {
  readonly evidence: Pick<EvidenceView, 'id' | 'sha256' | 'size' | 'filename' | 'mediaType' | 'createdAt'>;
  /** The provider's declared hash, equal to ours or the production would have been refused. */
  readonly providerSha256: string;
  readonly order: SharedOrderView;
}

const providerActions = new Set(['acknowledge', 'confirm-preservation', 'object', 'start-collection']);

/** Refuses the stream once it passes the limit, whatever the sender declared. */
async function* capped(content: Readable, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of content as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) throw new DomainError('evidence/too-large', `a production is limited to ${maxBytes} bytes`);
    yield chunk;
  }
}

/**
 * The provider's side: its orders and nothing else. Acknowledge, confirm preservation, object,
 * start collection, deliver production into the evidence store of the linked request.
 */
export function createProviderOrderService(deps: ProviderOrderDeps) {
  const { db, clock, ids, access, transitions } = deps;
  const responder = (context: CallContext): Principal => requirePermission(context.principal, 'provider-orders:respond');
  const actorOf = (principal: Principal) => ({ side: 'provider' as const, userId: principal.userId, permissions: principal.permissions });

  async function view(order: OrderRecord): Promise<SharedOrderView> {
    return presentProviderOrder(order, await orderDeadlineRepository.forOrder(db, order.id));
  }

  return {
    async list(context: CallContext, filter: { state?: string | undefined; limit: number; offset: number }): Promise<SharedOrderView[]> {
      const principal = responder(context);
      const mine = principal.userId === null ? [] : await providerRepository.providerIdsOf(db, principal.userId);
      const orders = await orderRepository.list(db, { ...filter, providerIds: mine, servedOnly: true });
      return Promise.all(orders.map(view));
    },

    /** Audited like an officer's read: the scope names people's accounts. */
    async get(context: CallContext, id: string): Promise<SharedOrderView> {
      const order = await access.forProvider(context, responder(context), id, 'get');
      await auditRepository.append(db, auditEntryFor(deps, context, { action: 'order.viewed', objectType: 'order', objectId: id, details: { reference: order.reference, side: 'provider' } }));
      return view(order);
    },

    async timeline(context: CallContext, id: string): Promise<ReturnType<typeof providerTimeline>> {
      const order = await access.forProvider(context, responder(context), id, 'timeline');
      return providerTimeline(await orderEventRepository.listForOrder(db, order.id));
    },

    async signed(context: CallContext, id: string, descriptor: SignedDescriptor): Promise<SignedOrder> {
      const order = await access.forProvider(context, responder(context), id, 'signed');
      return signedOrderOf(deps, context, order, descriptor);
    },

    async act(context: CallContext, id: string, action: string, payload: OrderPayload): Promise<SharedOrderView> {
      const principal = responder(context);
      await access.forProvider(context, principal, id, action);
      if (!providerActions.has(action)) throw new DomainError('order/illegal-transition', `${action} is not a provider action; use one of ${[...providerActions].join(', ')}`);
      const updated = await db.transaction().execute(async (tx) => {
        const order = await orderRepository.findById(tx, id);
        if (order === undefined) throw orderNotFound();
        return transitions.apply(tx, context, order, action, payload, actorOf(principal));
      });
      deps.afterCommit?.();
      return view(updated);
    },

    /**
     * Streams the production through the evidence ingest path onto the linked request: hashed,
     * sealed, custody events, the provider's hash compared (a mismatch keeps nothing), and the
     * order's deliver-production step, all in the transaction that records the item.
     */
    async deliverProduction(context: CallContext, id: string, input: ProductionInput, content: Readable, declaredLength: number | null): Promise<ProductionReceipt> {
      const principal = responder(context);
      const order = await access.forProvider(context, principal, id, 'production');
      // Refused before a byte is read: wrong state, nowhere to file it, over quota or over size.
      planOrderTransition(orderSnapshotOf(order), 'deliver-production', {}, actorOf(principal), clock.now());
      if (order.requestId === null) throw new DomainError('order/no-linked-request', 'this order executes no request of this node, so its production has no evidence file yet: hand it over as the officer directs');
      if ((await orderRepository.countProduction(db, order.id)) >= deps.production.maxProductionItemsPerOrder) {
        throw new DomainError('order/production-quota-exceeded', `an order takes at most ${deps.production.maxProductionItemsPerOrder} production files: combine them into an archive`);
      }
      if (declaredLength !== null && declaredLength > deps.production.maxProductionBytes) throw new DomainError('evidence/too-large', `a production is limited to ${deps.production.maxProductionBytes} bytes`);
      const provider = await providerRepository.findById(db, order.providerId);
      const range = order.terms.scope.dateRange;
      const checked = checkEvidenceInput({
        requestId: order.requestId,
        filename: input.filename,
        mediaType: input.mediaType,
        declaredSha256: input.sha256,
        metadata: {
          source: 'provider-production',
          dataCategory: input.dataCategory,
          acquisition: { method: `produced by ${provider?.legalName ?? 'the provider'} under domestic order ${order.reference}`, acquiredAt: clock.now().toISOString() },
          covers: { from: range.from, to: range.to },
          personalData: true,
          originCountry: deps.nodeCountry ?? provider?.country ?? 'ZZ',
          ...(input.description === undefined ? {} : { description: input.description }),
        },
      });
      // The ingest checks request visibility as an officer's; the provider was checked against its order above.
      const filing: Principal = { ...principal, permissions: new Set<Permission>([...principal.permissions, 'requests:read', 'evidence:add']) };
      let moved: OrderRecord | undefined;
      const item = await deps.evidence.ingest.ingest({ ...context, principal: filing }, filing, checked, capped(content, deps.production.maxProductionBytes), {
        via: 'upload',
        alsoInTransaction: async (tx, record) => {
          const current = await orderRepository.findById(tx, id);
          if (current === undefined) throw orderNotFound();
          moved = await transitions.apply(tx, context, current, 'deliver-production', {}, actorOf(principal));
          await orderEventRepository.append(tx, {
            id: ids(),
            orderId: id,
            kind: 'production',
            action: 'evidence-ingested',
            fromState: null,
            toState: null,
            side: 'provider',
            actorId: principal.userId,
            actorName: principal.username,
            occurredAt: clock.now().toISOString(),
            payload: { evidenceId: record.id, sha256: record.sha256, providerSha256: input.sha256, size: record.size, filename: record.filename },
          });
        },
      });
      deps.afterCommit?.();
      if (moved === undefined) throw new DomainError('bug/invariant-violated', 'the production was recorded without its order step');
      const evidence = presentEvidence(item);
      return { evidence: { id: evidence.id, sha256: evidence.sha256, size: evidence.size, filename: evidence.filename, mediaType: evidence.mediaType, createdAt: evidence.createdAt }, providerSha256: input.sha256, order: await view(moved) };
    },
  };
}

export type ProviderOrderService = ReturnType<typeof createProviderOrderService>;
