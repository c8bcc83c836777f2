import { requestTypes, stateMachines, type RequestTypeCode } from '@hanoi247/core';
import type { AvailableAction, RequestView } from '../api/types.js';

/**
 * A request as GET /api/v1/requests/:id shows it (server/src/services/request-view.ts), with
 * titles, state labels and actions taken from the core registries rather than typed again.
 */
export function requestView(type: RequestTypeCode, state: string, overrides: Partial<RequestView> = {}): RequestView {
  const family = requestTypes[type].family;
  const machine = Object.values(stateMachines).find((m) => m.family === family);
  const label = machine?.states.find((s) => s.name === state)?.label ?? { en: state, vi: state };
  return {
    id: '0193f0c2-8000-7000-8000-00000000a001',
    reference: 'VN-2026-000123',
    caseId: null,
    translations: [],
    consultationRecordedAt: null,
    createdBy: null,
    updatedAt: '2026-11-22T23:00:00.000Z',
    ruleSetVersion: null,
    assignedTo: null,
    type,
    typeTitle: requestTypes[type].title,
    direction: 'incoming',
    state,
    stateLabel: label,
    legalBasis: 'UN',
    requestingState: 'SG',
    requestedState: 'VN',
    language: 'en',
    priority: 'urgent',
    emergencyJustification: null,
    details: {},
    parentRequestId: null,
    createdAt: '2026-11-22T23:00:00.000Z',
    version: 3,
    availableActions: [],
    missing: [],
    warnings: [],
    draftingWarnings: [],
    conditions: [],
    deadlines: [],
    links: [],
    assignee: null,
    preservedUntil: null,
    preservationOrderedUntil: null,
    nextStep: { owner: 'none', actions: [], roles: [], dueAt: null },
    ...overrides,
  };
}

/** The actions the node would offer for these transition names of the type's machine. */
export function actionsOf(type: RequestTypeCode, actions: readonly string[]): AvailableAction[] {
  const machine = Object.values(stateMachines).find((m) => m.family === requestTypes[type].family);
  return actions.map((action) => {
    const transition = machine?.transitions.find((t) => t.action === action);
    if (transition === undefined) throw new Error(`no ${action} in the ${requestTypes[type].family} machine`);
    return { action, label: transition.label, permission: transition.permission };
  });
}
