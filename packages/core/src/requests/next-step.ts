import { roleGrants, roles, type Permission, type Role } from '../auth/roles.js';
import { isTerminalState } from '../lifecycle/machine.js';
import { machineFor } from './machines/registry.js';
import {
  availableTransitions,
  mirrorableTransitions,
  orderRecordedTransitions,
  type TransitionDefinition,
} from './machines/state-machine.js';
import { actionsFor } from './plan-transition.js';
import type { RequestSnapshot, TransitionActor } from './request-snapshot.js';
import type { Bilingual } from './types/field-spec.js';

/**
 * Who must act next on a request, as the person looking at it needs to read it:
 * - `viewer`: you, now (the actions are yours);
 * - `colleague`: this node, but someone holding another role (`roles`), e.g. the supervisor's approval;
 * - `order`: this node's domestic order, i.e. the service provider's answer (nobody records it by hand);
 * - `partner`: the other State's node;
 * - `none`: the request is closed.
 */
export type NextStepOwner = 'viewer' | 'colleague' | 'order' | 'partner' | 'none';

export interface NextStep {
  readonly owner: NextStepOwner;
  /** What the owner may do from this state, in the machine's order (the first is the usual path). */
  readonly actions: readonly { readonly action: string; readonly label: Bilingual }[];
  /** For `colleague`: the roles that hold the permission the first action needs. */
  readonly roles: readonly Role[];
  /** The earliest running clock of the request, when one runs: by when someone must act. */
  readonly dueAt: string | null;
}

/** Actions that end or step back from a request; the usual next step is any other. */
const exits = new Set([
  'withdraw',
  'refuse',
  'cancel',
  'decline-conditions',
  'terminate',
  'request-information',
  'return-to-draft',
]);

function usualFirst(transitions: readonly TransitionDefinition[]): { action: string; label: Bilingual }[] {
  const unique = new Map<string, Bilingual>();
  for (const t of [
    ...transitions.filter((t) => !exits.has(t.action)),
    ...transitions.filter((t) => exits.has(t.action)),
  ]) {
    if (!unique.has(t.action)) unique.set(t.action, t.label);
  }
  return [...unique].map(([action, label]) => ({ action, label }));
}

/** Executing an accepted request starts with a domestic order, drafted on the orders page (UN arts. 25-30). */
const draftOrder = {
  action: 'draft-domestic-order',
  label: { en: 'Draft the domestic order to the service provider', vi: 'Soạn lệnh trong nước gửi doanh nghiệp' },
} as const;
const ordersBegin = new Set(['issue-domestic-order', 'start-execution']);

const holders = (permission: Permission): Role[] =>
  roles.filter((role) => role !== 'administrator' && roleGrants(role, permission));

/** The requested node's part that runs through its domestic orders, when that is what comes next. */
function orderStep(request: RequestSnapshot, viewer: TransitionActor) {
  const machine = machineFor(request.type);
  const byOrder = orderRecordedTransitions(machine, request.state);
  if (request.direction !== 'incoming' || byOrder.length === 0) return null;
  const beginning = byOrder.filter((t) => ordersBegin.has(t.action));
  if (request.openOrders === 0 && beginning.some((t) => t.to !== null)) {
    const mayIssue = viewer.kind === 'user' && viewer.permissions.has('orders:issue');
    if (mayIssue) return { owner: 'viewer', actions: [draftOrder], roles: [] } as const;
    return { owner: 'colleague', actions: [draftOrder], roles: holders('orders:issue') } as const;
  }
  // Waiting on the provider: the state the order's service moved the request into.
  const servedInto = machine.transitions.some((t) => ordersBegin.has(t.action) && t.to === request.state);
  if (request.openOrders > 0 && servedInto) return { owner: 'order', actions: usualFirst(byOrder), roles: [] } as const;
  return null;
}

/**
 * `request.openOrders` must be the real count of this request's open domestic orders; `runningClocks`
 * its clocks still running (open or warned).
 */
export function nextStep(
  request: RequestSnapshot,
  viewer: TransitionActor,
  runningClocks: readonly { readonly dueAt: string }[],
): NextStep {
  const machine = machineFor(request.type);
  if (isTerminalState(machine, request.state)) return { owner: 'none', actions: [], roles: [], dueAt: null };
  const dueAt = runningClocks.map((c) => c.dueAt).sort()[0] ?? null;
  const byOrder = orderStep(request, viewer);
  if (byOrder !== null) return { ...byOrder, dueAt };
  const mine = actionsFor(request, viewer);
  const ours = availableTransitions(machine, request.state, request.direction).filter((t) => !exits.has(t.action));
  if (mine.some((t) => !exits.has(t.action))) return { owner: 'viewer', actions: usualFirst(mine), roles: [], dueAt };
  if (ours.length > 0) {
    const actions = usualFirst(ours);
    const permission = ours.find((t) => t.action === actions[0]!.action)!.permission;
    return { owner: 'colleague', actions, roles: holders(permission), dueAt };
  }
  const partnerSide = request.direction === 'outgoing' ? 'requested' : 'requesting';
  const theirs = mirrorableTransitions(machine, request.state, partnerSide);
  if (theirs.length > 0) return { owner: 'partner', actions: usualFirst(theirs), roles: [], dueAt };
  if (mine.length > 0) return { owner: 'viewer', actions: usualFirst(mine), roles: [], dueAt };
  return { owner: 'none', actions: [], roles: [], dueAt: null };
}
