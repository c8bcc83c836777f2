import { permissions, roles, type JsonValue, type Principal } from '@hanoi247/core';
import { z } from 'zod';
import type { Tx } from '../db/database-schema.js';
import type { JobRecord } from '../repositories/job.repository.js';
import { orderEventRepository } from '../repositories/order-event.repository.js';
import type { OrderRecord } from '../repositories/order.repository.js';
import { requestEventRepository } from '../repositories/request-event.repository.js';
import type { EvidenceOfferService } from './evidence-offer.service.js';
import { enqueueJob, type JobHandler } from './job-runner.service.js';
import type { CallContext, ServiceRuntime } from './service-runtime.js';

/**
 * The officer who confirmed the production, as they were then: the offer is theirs, carried out
 * by the node after the commit, with the authority they had when they confirmed.
 */
const actorSchema = z.object({
  kind: z.enum(['user', 'system']),
  userId: z.string().nullable(),
  username: z.string(),
  roles: z.array(z.enum(roles)),
  permissions: z.array(z.enum(permissions)),
  via: z.enum(['session', 'api-token', 'cli', 'bootstrap']),
});

const payloadSchema = z.object({
  orderId: z.string(),
  orderReference: z.string(),
  requestId: z.string(),
  evidenceIds: z.array(z.string()).min(1),
  actor: actorSchema.nullable(),
  httpRequestId: z.string().nullable(),
});

type Payload = z.infer<typeof payloadSchema>;

const snapshotOf = (principal: Principal | null): Payload['actor'] =>
  principal === null
    ? null
    : {
        kind: principal.kind,
        userId: principal.userId,
        username: principal.username,
        roles: [...principal.roles],
        permissions: [...principal.permissions],
        via: principal.via,
      };

const principalOf = (actor: Payload['actor']): Principal | null =>
  actor === null ? null : { ...actor, permissions: new Set(actor.permissions) };

export interface ProductionOfferDeps extends ServiceRuntime {
  readonly offers: EvidenceOfferService;
}

/**
 * Production confirmed complete on an order that executes a foreign request goes to the requesting
 * State as an evidence offer. The confirmation's transaction writes a durable job; the job makes
 * the offer with the job's id as the transfer id, so a run after a crash finds what the first run
 * did and the partner is offered the production once. A final failure is shown on the order's and
 * the request's timelines by its stable code.
 */
export function createProductionOffers(deps: ProductionOfferDeps) {
  const { clock, ids } = deps;

  async function timelines(
    tx: Tx,
    offer: Payload,
    action: 'evidence-offered' | 'evidence-offer-failed',
    payload: Record<string, JsonValue>,
  ): Promise<void> {
    const occurredAt = clock.now().toISOString();
    await orderEventRepository.append(tx, {
      id: ids(),
      orderId: offer.orderId,
      kind: 'production',
      action,
      fromState: null,
      toState: null,
      side: 'officer',
      actorId: action === 'evidence-offered' ? (offer.actor?.userId ?? null) : null,
      actorName: action === 'evidence-offered' ? (offer.actor?.username ?? 'node') : 'node',
      occurredAt,
      payload,
    });
    if (action === 'evidence-offer-failed') {
      await requestEventRepository.append(tx, {
        id: ids(),
        requestId: offer.requestId,
        kind: 'delivery',
        action,
        fromState: null,
        toState: null,
        responseKind: null,
        actorId: null,
        actorName: 'node',
        occurredAt,
        payload: { orderId: offer.orderId, orderReference: offer.orderReference, ...payload },
      });
    }
  }

  const handler: JobHandler = {
    run: async ({ job, complete }) => {
      const offer = payloadSchema.parse(job.payload);
      const context: CallContext = { principal: principalOf(offer.actor), requestId: offer.httpRequestId };
      await deps.offers.offer(context, offer.requestId, offer.evidenceIds, {
        transferId: job.id,
        alsoInTransaction: async (tx, sent) => {
          await timelines(tx, offer, 'evidence-offered', {
            offered: offer.evidenceIds,
            transferId: sent.transferId,
            messageId: sent.messageId,
          });
          await complete(tx);
        },
      });
    },

    failed: async (tx: Tx, job: JobRecord, code: string) => {
      const offer = payloadSchema.safeParse(job.payload);
      // A payload that does not parse names no order: the audit entry and the log carry the failure.
      if (!offer.success) return;
      await timelines(tx, offer.data, 'evidence-offer-failed', { offered: [], code, attempts: job.attempts });
    },
  };

  return {
    handler,

    /** Inside the confirmation's transaction: the order's production, if it answers a foreign request. */
    queue: async (tx: Tx, context: CallContext, order: OrderRecord): Promise<void> => {
      if (order.requestId === null) return;
      const evidenceIds = (await orderEventRepository.listForOrder(tx, order.id)).flatMap((e) =>
        e.kind === 'production' && typeof e.payload['evidenceId'] === 'string' ? [e.payload['evidenceId']] : [],
      );
      if (evidenceIds.length === 0) return;
      const payload: Payload = {
        orderId: order.id,
        orderReference: order.reference,
        requestId: order.requestId,
        evidenceIds,
        actor: snapshotOf(context.principal),
        httpRequestId: context.requestId,
      };
      await enqueueJob(tx, deps, 'production-offer', payload);
    },
  };
}
