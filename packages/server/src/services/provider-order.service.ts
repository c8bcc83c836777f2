import type { Readable } from 'node:stream';
import {
  DomainError,
  type OrderPayload,
  type Principal,
  type SignedDescriptor,
  type SignedOrder,
} from '@hanoi247/core';
import { orderDeadlineRepository, orderEventRepository } from '../repositories/order-event.repository.js';
import { orderRepository, type OrderRecord } from '../repositories/order.repository.js';
import { providerRepository } from '../repositories/provider.repository.js';
import type { EvidenceService } from './evidence.service.js';
import { presentEvidence, type EvidenceView } from './evidence-view.js';
import type { OrderAccess } from './order-access.js';
import type { OrderTransitions } from './order-transitions.js';
import {
  createProviderProduction,
  type ProductionInput,
  type ProductionSettings,
} from './provider-production.service.js';
import { orderNotFound, presentProviderOrder, providerTimeline, type ProviderOrderView } from './order-view.js';
import { signedOrderOf } from './order.service.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

export type { ProductionInput, ProductionSettings } from './provider-production.service.js';

export interface ProviderOrderDeps extends ServiceRuntime {
  readonly nodeCountry: string | null;
  readonly access: OrderAccess;
  readonly transitions: OrderTransitions;
  readonly evidence: EvidenceService;
  readonly production: ProductionSettings;
  readonly afterCommit?: () => void;
}

export interface ProductionReceipt {
  readonly evidence: Pick<EvidenceView, 'id' | 'sha256' | 'size' | 'filename' | 'mediaType' | 'createdAt'>;
  /** The provider's declared hash, equal to ours or the production would have been refused. */
  readonly providerSha256: string;
  readonly order: ProviderOrderView;
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
  const { db, access, transitions } = deps;
  const production = createProviderProduction(deps);
  const responder = (context: CallContext): Principal =>
    requirePermission(context.principal, 'provider-orders:respond');
  const actorOf = (principal: Principal) => ({
    side: 'provider' as const,
    userId: principal.userId,
    permissions: principal.permissions,
  });

  async function view(order: OrderRecord): Promise<ProviderOrderView> {
    return presentProviderOrder(
      order,
      await orderDeadlineRepository.forOrder(db, order.id),
      deps.production.maxProductionBytes,
    );
  }

  return {
    async list(
      context: CallContext,
      filter: { state?: string | undefined; limit: number; offset: number },
    ): Promise<ProviderOrderView[]> {
      const principal = responder(context);
      const mine = principal.userId === null ? [] : await providerRepository.providerIdsOf(db, principal.userId);
      const orders = await orderRepository.list(db, { ...filter, providerIds: mine, servedOnly: true });
      return Promise.all(orders.map(view));
    },

    /** Audited like an officer's read: the scope names people's accounts. */
    async get(context: CallContext, id: string): Promise<ProviderOrderView> {
      const order = await access.forProvider(context, responder(context), id, 'get');
      await auditRepository.append(
        db,
        auditEntryFor(deps, context, {
          action: 'order.viewed',
          objectType: 'order',
          objectId: id,
          details: { reference: order.reference, side: 'provider' },
        }),
      );
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

    async act(context: CallContext, id: string, action: string, payload: OrderPayload): Promise<ProviderOrderView> {
      const principal = responder(context);
      await access.forProvider(context, principal, id, action);
      if (!providerActions.has(action)) {
        throw new DomainError(
          'order/illegal-transition',
          `${action} is not a provider action; use one of ${[...providerActions].join(', ')}`,
        );
      }
      const updated = await db.transaction().execute(async (tx) => {
        const order = await orderRepository.findById(tx, id);
        if (order === undefined) throw orderNotFound();
        return transitions.apply(tx, context, order, action, payload, actorOf(principal));
      });
      deps.afterCommit?.();
      return view(updated);
    },

    /** Shared with the resumable upload: authorisation, declaration and the order step. */
    production,

    /**
     * Streams the production through the evidence ingest path: hashed, sealed, custody events,
     * the provider's hash compared (a mismatch keeps nothing), and the order's deliver-production
     * step, all in the transaction that records the item. The item belongs to the request the
     * order executes, or to the order itself when it executes none (a purely domestic order).
     */
    async deliverProduction(
      context: CallContext,
      id: string,
      input: ProductionInput,
      content: Readable,
      declaredLength: number | null,
    ): Promise<ProductionReceipt> {
      const { principal, evidence: declared } = await production.prepare(context, id, input, declaredLength);
      let moved: OrderRecord | undefined;
      const item = await deps.evidence.ingest.ingest(
        context,
        principal,
        declared,
        capped(content, deps.production.maxProductionBytes),
        {
          via: 'upload',
          ownerChecked: true,
          alsoInTransaction: async (tx, record) => {
            moved = await production.complete(tx, context, principal, id, record, input.sha256);
          },
        },
      );
      deps.afterCommit?.();
      if (moved === undefined) {
        throw new DomainError('bug/invariant-violated', 'the production was recorded without its order step');
      }
      const evidence = presentEvidence(item);
      return {
        evidence: {
          id: evidence.id,
          sha256: evidence.sha256,
          size: evidence.size,
          filename: evidence.filename,
          mediaType: evidence.mediaType,
          createdAt: evidence.createdAt,
        },
        providerSha256: input.sha256,
        order: await view(moved),
      };
    },
  };
}

export type ProviderOrderService = ReturnType<typeof createProviderOrderService>;
