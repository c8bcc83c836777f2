import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors/domain-error.js';
import { onlyOrdersRecord, planTransition } from '../plan-transition.js';
import { addDays, orderActor, payloadFor, snapshot, supervisor, systemActor, t0 } from '../request.fixtures.js';
import type { TransitionActor } from '../request-snapshot.js';
import { requestTypeCodes, type RequestTypeCode } from '../request-type-codes.js';
import { machineFor } from './registry.js';
import type { Side, TransitionDefinition } from './state-machine.js';

/**
 * Every transition of every type's machine, from every `from` state, by the right side: own
 * side on its own copy, the other side's on a mirror copy (`mirrored: true`), the scanner as
 * `system`, the requested node's domestic orders for what only they record. Everything else must
 * be refused with the list of what is allowed.
 */
interface Mode {
  readonly direction: 'outgoing' | 'incoming';
  readonly mirrored: boolean;
  readonly actor: TransitionActor;
  readonly side: Side;
}

const modes: readonly Mode[] = [
  { direction: 'outgoing', mirrored: false, actor: supervisor, side: 'requesting' },
  { direction: 'outgoing', mirrored: true, actor: supervisor, side: 'requested' },
  { direction: 'incoming', mirrored: false, actor: supervisor, side: 'requested' },
  { direction: 'incoming', mirrored: true, actor: supervisor, side: 'requesting' },
  { direction: 'outgoing', mirrored: false, actor: systemActor, side: 'system' },
  { direction: 'incoming', mirrored: true, actor: systemActor, side: 'system' },
  { direction: 'incoming', mirrored: false, actor: orderActor, side: 'requested' },
];

/** The transitions a mode may perform: officers never what only an order records; an order only that. */
function performs(mode: Mode, t: TransitionDefinition): boolean {
  if (t.by !== mode.side) return false;
  if (mode.mirrored || mode.actor.kind === 'system') return true;
  return mode.actor.kind === 'order' ? t.recordedBy === 'order' : t.recordedBy === undefined;
}

function attempt(type: RequestTypeCode, state: string, action: string, mode: Mode): string | DomainError {
  // Something is preserved, so continuing after a warning is possible (its refusal is tested on its own).
  const preservedUntil = addDays(t0, 30).toISOString();
  const request = snapshot({ type, state, direction: mode.direction, consultationRecorded: true, preservedUntil });
  const from = mode.mirrored || mode.actor.kind === 'order' ? 'node' : 'user';
  try {
    return planTransition(request, action, payloadFor(action, t0, from), mode.actor, t0, { mirrored: mode.mirrored })
      .to;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

const describeError = (result: string | DomainError) =>
  typeof result === 'string' ? `landed in ${result}` : `${result.code}: ${result.message}`;

describe.each(requestTypeCodes)('%s: the whole state machine', (type) => {
  const machine = machineFor(type);
  const actions = [...new Set(machine.transitions.map((t) => t.action)), 'no-such-action'];

  it('performs every listed transition, by the right side, into its declared state', () => {
    const failures: string[] = [];
    for (const t of machine.transitions) {
      for (const from of t.from) {
        for (const mode of modes.filter((m) => performs(m, t))) {
          const result = attempt(type, from, t.action, mode);
          const expected = t.to ?? from;
          if (result !== expected) {
            failures.push(
              `${t.action} from ${from} (${mode.direction}, mirrored ${mode.mirrored}): ${describeError(result)}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses every other action, naming the actions allowed', () => {
    const failures: string[] = [];
    for (const state of machine.states.map((s) => s.name)) {
      for (const mode of modes) {
        const allowed = [
          ...new Set(
            machine.transitions.filter((t) => performs(mode, t) && t.from.includes(state)).map((t) => t.action),
          ),
        ];
        const listed =
          allowed.length > 0 ? allowed.join(', ') : 'none (the other State acts next, or the request is closed)';
        for (const action of actions.filter((a) => !allowed.includes(a))) {
          const result = attempt(type, state, action, mode);
          // An officer calling what only an order records is told which route does it.
          const byOrder = mode.actor.kind === 'user' && !mode.mirrored && onlyOrdersRecord(machine.transitions, action);
          const ok =
            result instanceof DomainError &&
            (byOrder
              ? result.code === 'request/recorded-by-order' && result.message.includes('/domestic-orders')
              : result.code === 'request/illegal-transition' &&
                result.message === `${action} is not allowed from ${state}; allowed: ${listed}`);
          if (!ok) {
            failures.push(`${action} from ${state} by ${mode.side} (${mode.direction}): ${describeError(result)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('allows nothing at all in a terminal state', () => {
    for (const state of machine.states.filter((s) => s.terminal).map((s) => s.name)) {
      for (const mode of modes) {
        for (const action of actions) {
          const result = attempt(type, state, action, mode);
          const code = result instanceof DomainError ? result.code : result;
          expect(['request/illegal-transition', 'request/recorded-by-order'], `${action} from ${state}`).toContain(
            code,
          );
          if (code === 'request/illegal-transition') expect((result as DomainError).message).toContain('allowed: none');
        }
      }
    }
  });
});

describe('illegal transitions, written out', () => {
  const cases: readonly {
    name: string;
    type: RequestTypeCode;
    state: string;
    direction: 'outgoing' | 'incoming';
    action: string;
    mirrored?: boolean;
    actor?: TransitionActor;
    message: string;
  }[] = [
    {
      name: 'sending before approval',
      type: 'MLA_40',
      state: 'SUBMITTED',
      direction: 'outgoing',
      action: 'send',
      message: 'send is not allowed from SUBMITTED; allowed: return-to-draft, approve, withdraw',
    },
    {
      name: 'approving a draft',
      type: 'PRESERVATION_42',
      state: 'DRAFT',
      direction: 'outgoing',
      action: 'approve',
      message: 'approve is not allowed from DRAFT; allowed: submit, withdraw',
    },
    {
      name: 'the requester acknowledging its own request',
      type: 'MLA_40',
      state: 'SENT',
      direction: 'outgoing',
      action: 'acknowledge',
      message: 'acknowledge is not allowed from SENT; allowed: withdraw',
    },
    {
      name: 'the requested State withdrawing',
      type: 'MLA_40',
      state: 'RECEIVED',
      direction: 'incoming',
      action: 'withdraw',
      message: 'withdraw is not allowed from RECEIVED; allowed: acknowledge',
    },
    {
      name: 'a mirror of the requester acknowledging',
      type: 'MLA_40',
      state: 'RECEIVED',
      direction: 'incoming',
      action: 'acknowledge',
      mirrored: true,
      message: 'acknowledge is not allowed from RECEIVED; allowed: withdraw',
    },
    {
      name: 'assessing before acknowledging',
      type: 'EXTRADITION_37',
      state: 'RECEIVED',
      direction: 'incoming',
      action: 'assess',
      message: 'assess is not allowed from RECEIVED; allowed: acknowledge',
    },
    {
      name: 'an officer expiring a preservation',
      type: 'PRESERVATION_42',
      state: 'PRESERVED',
      direction: 'outgoing',
      action: 'expire',
      message: 'expire is not allowed from PRESERVED; allowed: request-extension, link-follow-up-mla, withdraw',
    },
    {
      name: 'the scanner withdrawing',
      type: 'PRESERVATION_42',
      state: 'PRESERVED',
      direction: 'incoming',
      action: 'withdraw',
      actor: systemActor,
      message: 'withdraw is not allowed from PRESERVED; allowed: expire',
    },
    {
      name: 'the scanner acting on a draft',
      type: 'REALTIME_TRAFFIC_45',
      state: 'DRAFT',
      direction: 'outgoing',
      action: 'hard-stop',
      actor: systemActor,
      message:
        'hard-stop is not allowed from DRAFT; allowed: none (the other State acts next, or the request is closed)',
    },
    {
      name: 'collecting before domestic authorisation',
      type: 'INTERCEPTION_46',
      state: 'ACCEPTED',
      direction: 'incoming',
      action: 'activate',
      message: 'activate is not allowed from ACCEPTED; allowed: authorise-domestically',
    },
    {
      name: 'surrendering before the grant',
      type: 'EXTRADITION_37',
      state: 'UNDER_ASSESSMENT',
      direction: 'incoming',
      action: 'surrender',
      message:
        'surrender is not allowed from UNDER_ASSESSMENT; allowed: request-information, ' +
        'open-consultation, refuse, accept, refuse-on-nationality',
    },
    {
      name: 'acting on a refused request',
      type: 'MLA_40',
      state: 'REFUSED',
      direction: 'outgoing',
      action: 'withdraw',
      message:
        'withdraw is not allowed from REFUSED; allowed: none (the other State acts next, or the request is closed)',
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => {
    const request = snapshot({ type: c.type, state: c.state, direction: c.direction, consultationRecorded: true });
    const call = () =>
      planTransition(request, c.action, payloadFor(c.action, t0), c.actor ?? supervisor, t0, {
        mirrored: c.mirrored ?? false,
      });
    expect(call).toThrow(DomainError);
    expect(call).toThrow(expect.objectContaining({ code: 'request/illegal-transition', message: c.message }));
  });
});
