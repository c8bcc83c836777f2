import {
  nextStep as coreNextStep,
  permissionsOf,
  type RequestSnapshot,
  type RequestTypeCode,
  type Role,
} from '@hanoi247/core';
import type { RequestView } from '../api/types.js';

/** A request as the node's gate sees it, for computing the next step the node would send. */
export function snapshotForView(
  type: RequestTypeCode,
  state: string,
  direction: 'outgoing' | 'incoming',
): RequestSnapshot {
  return {
    id: 'r',
    type,
    direction,
    state,
    legalBasis: 'UN',
    details: {},
    emergency: false,
    urgent: false,
    draftedBy: ['someone-else'],
    consultationRecorded: false,
    preservedUntil: null,
    openOrders: 0,
  };
}

/** The next step the node computes (core's own function), as the view carries it. */
export function nextStep(snapshot: RequestSnapshot, role: Role, dueAt: string | null): RequestView['nextStep'] {
  const step = coreNextStep(
    snapshot,
    { kind: 'user', userId: 'viewer', permissions: permissionsOf([role]) },
    dueAt === null ? [] : [{ dueAt }],
  );
  return { ...step, actions: [...step.actions], roles: [...step.roles] };
}
