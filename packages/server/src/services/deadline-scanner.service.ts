import { permissionsOf, scanDeadlines, type DeadlineAlarm } from '@hanoi247/core';
import { auditRepository } from '../repositories/audit.repository.js';
import { deadlineRepository } from '../repositories/deadline.repository.js';
import { requestEventRepository } from '../repositories/request-event.repository.js';
import { requestRepository } from '../repositories/request.repository.js';
import type { RequestTransitionService } from './request-transition.service.js';
import { auditEntryFor, type CallContext, type ServiceRuntime } from './service-runtime.js';

export interface ScanSummary {
  readonly alarms: readonly DeadlineAlarm[];
  readonly failures: readonly { readonly requestId: string; readonly message: string }[];
}

const system: CallContext = { principal: null, requestId: null };
const systemActor = { kind: 'system' as const, userId: null, permissions: permissionsOf([]) };

/**
 * Raises the legal clocks' alarms. Each alarm commits on its own with its timeline event,
 * audit entry and, for expiries and hard stops, the system transition of the request.
 */
export function createDeadlineScanner(deps: ServiceRuntime, transitions: RequestTransitionService) {
  const { db, clock, ids } = deps;
  return {
    async scan(batchSize = 500): Promise<ScanSummary> {
      const now = clock.now();
      const alarms = scanDeadlines(await deadlineRepository.running(db, batchSize), now);
      const failures: { requestId: string; message: string }[] = [];
      for (const alarm of alarms) {
        try {
          await db.transaction().execute(async (tx) => {
            const at = now.toISOString();
            await deadlineRepository.setStatus(tx, alarm.deadlineId, alarm.nextStatus, at, alarm.alarm !== 'warning');
            await requestEventRepository.append(tx, {
              id: ids(),
              requestId: alarm.requestId,
              kind: 'deadline',
              action: `deadline-${alarm.alarm}`,
              fromState: null,
              toState: null,
              responseKind: null,
              actorId: null,
              actorName: 'legal clock',
              occurredAt: at,
              payload: { ruleId: alarm.ruleId, escalateTo: alarm.escalateTo },
            });
            await auditRepository.append(
              tx,
              auditEntryFor(deps, system, {
                action: 'deadline.alarm',
                objectType: 'request',
                objectId: alarm.requestId,
                actorName: 'legal clock',
                actorType: 'system',
                details: { ruleId: alarm.ruleId, alarm: alarm.alarm },
              }),
            );
            if (alarm.systemAction !== null) {
              const request = await requestRepository.findById(tx, alarm.requestId);
              if (request !== undefined) {
                await transitions.apply(tx, system, request, alarm.systemAction, {}, systemActor);
              }
            }
          });
        } catch (error) {
          // One bad request must not stop the clocks of all the others; it is reported and retried next scan.
          failures.push({
            requestId: alarm.requestId,
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }
      if (failures.length < alarms.length) deps.commits?.committed('requests');
      return { alarms, failures };
    },
  };
}

export type DeadlineScanner = ReturnType<typeof createDeadlineScanner>;
