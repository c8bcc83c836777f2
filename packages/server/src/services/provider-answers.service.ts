import type { RecordableAction } from '@hanoi247/contract';
import { DomainError, permissionsOf, type AnswerChannel, type OrderPayload } from '@hanoi247/core';
import { auditRepository } from '../repositories/audit.repository.js';
import { orderDeadlineRepository } from '../repositories/order-event.repository.js';
import { evidenceRepository } from '../repositories/evidence.repository.js';
import { orderRepository } from '../repositories/order.repository.js';
import { providerRepository } from '../repositories/provider.repository.js';
import { requestRepository } from '../repositories/request.repository.js';
import type { OrderAccess } from './order-access.js';
import type { OrderTransitions } from './order-transitions.js';
import { orderNotFound, presentOfficerOrder, type OfficerOrderView } from './order-view.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';
import { requirePermission } from './user.service.js';

/** A provider's answer that reached an officer outside the platform: who gave it, how, and the document. */
export interface RecordedAnswer {
  readonly channel: AnswerChannel;
  /** When the answer arrived, with its zone. */
  readonly receivedAt: string;
  /** The provider's person who answered: kept on this node, never sent to the partner State. */
  readonly from: { readonly name: string; readonly role?: string | undefined };
  /** The answer itself (letter, e-mail, note of the call), already an evidence item of the request. */
  readonly evidenceItemId: string;
}

/**
 * The audited path for a provider that is not on the platform (no account acts for it): an officer
 * records its answer as the provider's step on the order, naming who answered, how and when it
 * arrived, and the document kept as evidence. The same rules as in the portal apply (a preservation
 * never confirmed beyond the order's period), and both States see that the answer was recorded by hand.
 */
export function createProviderAnswerService(
  deps: ServiceRuntime & {
    readonly access: OrderAccess;
    readonly transitions: OrderTransitions;
    readonly afterCommit?: () => void;
  },
) {
  const { db, clock } = deps;
  return {
    async record(
      context: CallContext,
      orderId: string,
      action: RecordableAction,
      payload: OrderPayload,
      answer: RecordedAnswer,
    ): Promise<OfficerOrderView> {
      const principal = requirePermission(context.principal, 'orders:issue');
      await deps.access.forOfficer(context, principal, orderId, 'provider-answers');
      if (Date.parse(answer.receivedAt) > clock.now().getTime()) {
        throw new DomainError('order/invalid', 'the answer cannot have arrived in the future', {
          issues: [{ path: '/receivedAt', message: 'not after now' }],
        });
      }
      const view = await db.transaction().execute(async (tx) => {
        const order = await orderRepository.findById(tx, orderId);
        if (order === undefined) throw orderNotFound();
        if ((await providerRepository.membersOf(tx, order.providerId)).length > 0) {
          throw new DomainError(
            'order/provider-on-platform',
            'this provider has accounts on the platform: it answers in its portal or ' +
              'through the API, not through an officer',
          );
        }
        const item = await evidenceRepository.findById(tx, answer.evidenceItemId);
        const belongs =
          item !== undefined &&
          item.erasedAt === null &&
          ((order.requestId !== null && item.requestId === order.requestId) || item.orderId === order.id);
        if (!belongs) {
          throw new DomainError(
            'order/answer-evidence-invalid',
            'attach the provider\u2019s answer as an evidence item of the request this ' +
              'order executes, then name it here',
            { issues: [{ path: '/evidenceItemId', message: 'an evidence item of this order\u2019s request' }] },
          );
        }
        // The provider's step, taken by the officer on its behalf: the order's own rules decide it.
        const actor = {
          side: 'provider' as const,
          userId: principal.userId,
          permissions: permissionsOf(['provider_user']),
        };
        const next = await deps.transitions.apply(tx, context, order, action, payload, actor, {}, answer);
        await auditRepository.append(
          tx,
          auditEntryFor(deps, context, {
            action: 'order.answer-recorded',
            objectType: 'order',
            objectId: order.id,
            details: {
              reference: order.reference,
              action,
              channel: answer.channel,
              evidenceItemId: answer.evidenceItemId,
            },
          }),
        );
        return presentOfficerOrder(next, {
          provider: await providerRepository.findById(tx, next.providerId),
          request: next.requestId === null ? undefined : await requestRepository.findById(tx, next.requestId),
          deadlines: await orderDeadlineRepository.forOrder(tx, next.id),
          viewer: context.principal,
        });
      });
      deps.afterCommit?.();
      return view;
    },
  };
}

export type ProviderAnswerService = ReturnType<typeof createProviderAnswerService>;
