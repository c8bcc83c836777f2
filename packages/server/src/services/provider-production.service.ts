import { DomainError, planOrderTransition, type Principal } from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import type { EvidenceRecord } from '../repositories/evidence.repository.js';
import { orderEventRepository } from '../repositories/order-event.repository.js';
import { orderRepository, type OrderRecord } from '../repositories/order.repository.js';
import { providerRepository } from '../repositories/provider.repository.js';
import { checkEvidenceInput, type CheckedEvidenceInput } from './evidence-view.js';
import type { OrderAccess } from './order-access.js';
import type { OrderTransitions } from './order-transitions.js';
import { orderNotFound, orderSnapshotOf } from './order-view.js';
import { requirePermission } from './user.service.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

export interface ProductionSettings {
  readonly maxProductionBytes: number;
  readonly maxProductionItemsPerOrder: number;
}

/** What the provider declares with its production: its own SHA-256 is compared to ours. */
export interface ProductionInput {
  readonly filename: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly dataCategory: 'subscriber' | 'traffic' | 'content' | 'other';
  readonly description?: string | undefined;
}

export interface ProductionDeps extends ServiceRuntime {
  readonly nodeCountry: string | null;
  readonly access: OrderAccess;
  readonly transitions: OrderTransitions;
  readonly production: ProductionSettings;
}

export interface PreparedProduction {
  readonly principal: Principal;
  readonly order: OrderRecord;
  /** Filed on the request the order executes, or owned by the order itself when it executes none. */
  readonly evidence: CheckedEvidenceInput;
}

/**
 * The provider's production, shared by the single streamed request and the resumable (tus)
 * upload: who may deliver, where the item is filed, and the order step that commits with it.
 */
export function createProviderProduction(deps: ProductionDeps) {
  const { db, clock, ids, access, transitions } = deps;
  const actorOf = (principal: Principal) => ({
    side: 'provider' as const,
    userId: principal.userId,
    permissions: principal.permissions,
  });

  /** The caller's own served order, or 404 with a logged denial. */
  async function authorise(
    context: CallContext,
    orderId: string,
    route: string,
  ): Promise<{ principal: Principal; order: OrderRecord }> {
    const principal = requirePermission(context.principal, 'provider-orders:respond');
    return { principal, order: await access.forProvider(context, principal, orderId, route) };
  }

  return {
    authorise,

    /** Another user's upload, or one of another order, answers like an unknown id: "not found", logged. */
    async refuseUpload(context: CallContext, uploadId: string, route: string): Promise<never> {
      await auditRepository.append(
        db,
        auditEntryFor(deps, context, {
          action: 'order.access-denied',
          objectType: 'upload',
          objectId: uploadId,
          outcome: 'denied',
          details: { route },
        }),
      );
      throw new DomainError('evidence/upload-not-found', 'no such upload');
    },

    /** Refused before a byte is read: not theirs, wrong state, over quota or over size, bad declaration. */
    async prepare(
      context: CallContext,
      orderId: string,
      input: ProductionInput,
      declaredLength: number | null,
      route = 'production',
    ): Promise<PreparedProduction> {
      const { principal, order } = await authorise(context, orderId, route);
      planOrderTransition(orderSnapshotOf(order), 'deliver-production', {}, actorOf(principal), clock.now());
      if ((await orderRepository.countProduction(db, order.id)) >= deps.production.maxProductionItemsPerOrder) {
        throw new DomainError(
          'order/production-quota-exceeded',
          `an order takes at most ${deps.production.maxProductionItemsPerOrder} production ` +
            `files: combine them into an archive`,
        );
      }
      if (declaredLength !== null && declaredLength > deps.production.maxProductionBytes) {
        throw new DomainError(
          'evidence/too-large',
          `a production is limited to ${deps.production.maxProductionBytes} bytes`,
        );
      }
      const provider = await providerRepository.findById(db, order.providerId);
      const range = order.terms.scope.dateRange;
      const evidence = checkEvidenceInput({
        requestId: order.requestId,
        orderId: order.id,
        filename: input.filename,
        mediaType: input.mediaType,
        declaredSha256: input.sha256,
        metadata: {
          source: 'provider-production',
          dataCategory: input.dataCategory,
          acquisition: {
            method: `produced by ${provider?.legalName ?? 'the provider'} under domestic order ${order.reference}`,
            acquiredAt: clock.now().toISOString(),
          },
          covers: { from: range.from, to: range.to },
          personalData: true,
          originCountry: deps.nodeCountry ?? provider?.country ?? 'ZZ',
          ...(input.description === undefined ? {} : { description: input.description }),
        },
      });
      return { principal, order, evidence };
    },

    /** In the transaction that records the item: the order's deliver-production step and its timeline entry. */
    async complete(
      tx: Tx,
      context: CallContext,
      principal: Principal,
      orderId: string,
      record: EvidenceRecord,
      providerSha256: string,
    ): Promise<OrderRecord> {
      const current = await orderRepository.findById(tx, orderId);
      if (current === undefined) throw orderNotFound();
      const moved = await transitions.apply(tx, context, current, 'deliver-production', {}, actorOf(principal));
      await orderEventRepository.append(tx, {
        id: ids(),
        orderId,
        kind: 'production',
        action: 'evidence-ingested',
        fromState: null,
        toState: null,
        side: 'provider',
        actorId: principal.userId,
        actorName: principal.username,
        occurredAt: clock.now().toISOString(),
        payload: {
          evidenceId: record.id,
          sha256: record.sha256,
          providerSha256,
          size: record.size,
          filename: record.filename,
        },
      });
      return moved;
    },
  };
}

export type ProviderProduction = ReturnType<typeof createProviderProduction>;
