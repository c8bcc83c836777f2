import { isDomainError } from '../../errors/domain-error.js';
import type { LegalBasis } from '../legal-source.js';
import { creationDeadlines, planTransition } from '../plan-transition.js';
import {
  addHours,
  applyDeadlineEffects,
  drafter,
  orderActor,
  payloadFor,
  snapshot,
  supervisor,
  systemActor,
  t0,
  type ModelDeadline,
} from '../request.fixtures.js';
import type { RequestSnapshot } from '../request-snapshot.js';
import type { RequestTypeCode } from '../request-type-codes.js';

/**
 * Hand-written walks through a state machine. `own` is the side whose copy this is (the
 * requesting node on an outgoing copy, the requested node on an incoming one), `partner` is the
 * other State's transition mirrored onto this copy, `system` is the deadline scanner, `order` one
 * of the requested node's domestic orders recording its event.
 */
export type By = 'own' | 'partner' | 'system' | 'order';
export type Step = readonly [by: By, action: string, to: string];

export interface Scenario {
  readonly name: string;
  readonly direction: 'outgoing' | 'incoming';
  readonly start: string;
  readonly steps: readonly Step[];
}

export interface ScenarioRun {
  readonly states: readonly string[];
  readonly deadlines: ReadonlyMap<string, ModelDeadline>;
  readonly request: RequestSnapshot;
}

export interface RunOptions {
  readonly legalBasis?: LegalBasis;
  readonly emergency?: boolean;
}

/** Plays the steps through planTransition; throws, naming the step, if one fails or lands elsewhere. */
export function runScenario(type: RequestTypeCode, scenario: Scenario, options: RunOptions = {}): ScenarioRun {
  let now = t0;
  let request = snapshot({
    type,
    state: scenario.start,
    direction: scenario.direction,
    legalBasis: options.legalBasis ?? 'UN',
    emergency: options.emergency ?? false,
  });
  const deadlines = new Map<string, ModelDeadline>();
  applyDeadlineEffects(deadlines, creationDeadlines(request, now));
  const states = [request.state];
  scenario.steps.forEach(([by, action, expected], index) => {
    now = addHours(now, 1);
    const actor =
      by === 'system' ? systemActor : by === 'order' ? orderActor : action === 'submit' ? drafter : supervisor;
    const from = by === 'order' || by === 'partner' ? 'node' : 'user';
    const where = `${type} "${scenario.name}" step ${index + 1}: ${by} ${action} from ${request.state}`;
    let to: string;
    try {
      const payload = payloadFor(action, now, from);
      const plan = planTransition(request, action, payload, actor, now, { mirrored: by === 'partner' });
      applyDeadlineEffects(deadlines, plan.deadlines);
      to = plan.to;
      request = {
        ...request,
        state: to,
        consultationRecorded: request.consultationRecorded || plan.recordsConsultation,
        preservedUntil: plan.response === 'PRESERVED' ? (payload.preservedUntil ?? null) : request.preservedUntil,
      };
    } catch (error) {
      throw new Error(`${where} failed: ${isDomainError(error) ? `${error.code}: ${error.message}` : String(error)}`, {
        cause: error,
      });
    }
    if (to !== expected) throw new Error(`${where} led to ${to}, expected ${expected}`);
    states.push(to);
  });
  return { states, deadlines, request };
}

/** The request up to SENT: drafted, submitted, sent back once, approved by a second officer, sent. */
export const sendOutgoing: readonly Step[] = [
  ['own', 'submit', 'SUBMITTED'],
  ['own', 'return-to-draft', 'DRAFT'],
  ['own', 'submit', 'SUBMITTED'],
  ['own', 'approve', 'APPROVED'],
  ['own', 'send', 'SENT'],
];
