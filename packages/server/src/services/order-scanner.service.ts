import {
  orderTransitionsFor,
  orderTypes,
  permissionsOf,
  scanOrderDeadlines,
  type OrderActor,
  type OrderAlarm,
} from '@hanoi247/core';
import type { Tx } from '../db/database-schema.js';
import { auditRepository } from '../repositories/audit.repository.js';
import { orderDeadlineRepository, orderEventRepository } from '../repositories/order-event.repository.js';
import { orderRepository, type OrderRecord } from '../repositories/order.repository.js';
import { requestRepository } from '../repositories/request.repository.js';
import type { OrderTransitions } from './order-transitions.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

export interface OrderScanSummary {
  readonly alarms: readonly (OrderAlarm & { readonly outcome: 'raised' | 'renewed' | 'applied' })[];
  readonly failures: readonly { readonly orderId: string; readonly message: string }[];
}

const system: CallContext = { principal: null, requestId: null };
const clockActor: OrderActor = { side: 'system', userId: null, permissions: permissionsOf([]) };

/** Art. 42(7): while the follow-up MLA request awaits its decision, the data must stay preserved. */
async function linkedRequestAwaitsMla(tx: Tx, order: OrderRecord): Promise<boolean> {
  if (order.requestId === null) return false;
  const request = await requestRepository.findById(tx, order.requestId);
  return request?.state === 'FOLLOW_UP_MLA_LINKED';
}

const canDo = (order: OrderRecord, action: string): boolean =>
  orderTransitionsFor(orderTypes[order.type].kind, order.state, 'system').some((t) => t.action === action);

/**
 * The orders' clocks: reminders and breaches escalate to the supervisor and show on both sides'
 * timelines; a preservation renews itself while the linked MLA request is pending, and lapses
 * otherwise; collection stops at its authorised end. Each alarm commits on its own.
 */
export function createOrderScanner(
  deps: ServiceRuntime & { readonly transitions: OrderTransitions; readonly afterCommit?: () => void },
) {
  const { db, clock, ids } = deps;

  async function raise(tx: Tx, alarm: OrderAlarm, kind: string, at: string): Promise<void> {
    await orderEventRepository.append(tx, {
      id: ids(),
      orderId: alarm.orderId,
      kind: 'deadline',
      action: `deadline-${kind}`,
      fromState: null,
      toState: null,
      side: 'system',
      actorId: null,
      actorName: 'legal clock',
      occurredAt: at,
      payload: { ruleId: alarm.ruleId, escalateTo: alarm.escalateTo },
    });
    await auditRepository.append(
      tx,
      auditEntryFor(deps, system, {
        action: 'order.deadline-alarm',
        objectType: 'order',
        objectId: alarm.orderId,
        actorName: 'legal clock',
        actorType: 'system',
        details: { ruleId: alarm.ruleId, alarm: kind },
      }),
    );
  }

  async function handle(tx: Tx, alarm: OrderAlarm, at: string): Promise<'raised' | 'renewed' | 'applied'> {
    const order = await orderRepository.findById(tx, alarm.orderId);
    if (order === undefined) return 'raised';
    const lapsing = alarm.alarm === 'warning' || alarm.alarm === 'expiry';
    if (
      alarm.renewIfLinkedRequestPending &&
      lapsing &&
      canDo(order, 'renew') &&
      (await linkedRequestAwaitsMla(tx, order))
    ) {
      // The renewal restarts the lapse clock, which settles this instance.
      await deps.transitions.apply(tx, system, order, 'renew', {}, clockActor);
      await raise(tx, alarm, 'renewal', at);
      return 'renewed';
    }
    await orderDeadlineRepository.setStatus(tx, alarm.deadlineId, alarm.nextStatus, at, alarm.alarm !== 'warning');
    await raise(tx, alarm, alarm.alarm, at);
    if (alarm.systemAction !== null && canDo(order, alarm.systemAction)) {
      await deps.transitions.apply(tx, system, order, alarm.systemAction, {}, clockActor);
      return 'applied';
    }
    return 'raised';
  }

  return {
    async scan(batchSize = 500): Promise<OrderScanSummary> {
      const now = clock.now();
      const alarms = scanOrderDeadlines(await orderDeadlineRepository.running(db, batchSize), now);
      const done: (OrderAlarm & { outcome: 'raised' | 'renewed' | 'applied' })[] = [];
      const failures: { orderId: string; message: string }[] = [];
      for (const alarm of alarms) {
        try {
          const outcome = await db.transaction().execute((tx) => handle(tx, alarm, now.toISOString()));
          done.push({ ...alarm, outcome });
        } catch (error) {
          // One bad order must not stop the others' clocks; it is reported and retried next scan.
          failures.push({ orderId: alarm.orderId, message: error instanceof Error ? error.message : String(error) });
        }
      }
      if (done.some((a) => a.outcome !== 'raised')) deps.afterCommit?.();
      return { alarms: done, failures };
    },
  };
}

export type OrderScanner = ReturnType<typeof createOrderScanner>;
