import { describe, expect, it } from 'vitest';
import { permissions } from '../../auth/roles.js';
import { deadlineRules } from '../deadlines/deadline-rules.js';
import { groundsFor } from '../ground-rules.js';
import { requestTypeCodes, type RequestTypeCode } from '../request-type-codes.js';
import { responseKinds } from '../responses.js';
import type { StateMachineFamily } from '../types/field-spec.js';
import { requestTypes } from '../types/registry.js';
import { machineFor, stateMachines } from './registry.js';
import { openStateNames, transitionsFromState } from '../../lifecycle/machine.js';
import { guardIds, type StateMachineDefinition } from './state-machine.js';

/** Which machine each type runs on, written out (brief §3.2: 45/46 on D, 50/52 on G, 37 on H). */
const expectedFamily: Readonly<Record<RequestTypeCode, StateMachineFamily>> = {
  PRESERVATION_42: 'preservation',
  TRAFFIC_PATH_43: 'traffic-path',
  MLA_40: 'mla',
  STORED_DATA_44: 'mla',
  REALTIME_TRAFFIC_45: 'realtime',
  INTERCEPTION_46: 'realtime',
  LE_INFO_47: 'le-exchange',
  SPONTANEOUS_40_51: 'le-exchange',
  JIT_48: 'mla',
  FREEZE_CONFISCATE_50: 'asset',
  RETURN_52: 'asset',
  EXTRADITION_37: 'extradition',
  PROVISIONAL_ARREST_37: 'extradition',
  OTHER_ASSISTANCE: 'mla',
};

const machines = Object.values(stateMachines).map((m) => [m.family, m] as const);
const names = (m: StateMachineDefinition) => m.states.map((s) => s.name);

function reachable(machine: StateMachineDefinition, from: readonly string[]): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const t of transitionsFromState(machine, state)) {
      const to = t.to ?? state;
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

describe('the request-type registry', () => {
  it.each(requestTypeCodes)('runs %s on the expected machine', (type) => {
    expect(requestTypes[type].family).toBe(expectedFamily[type]);
    expect(machineFor(type)).toBe(stateMachines[expectedFamily[type]]);
  });
});

describe.each(machines)('the %s machine', (_family, machine) => {
  const states = new Set(names(machine));
  const terminal = machine.states.filter((s) => s.terminal).map((s) => s.name);

  it('has unique state names and open initial states that exist', () => {
    expect(states.size).toBe(machine.states.length);
    for (const initial of [machine.initial.outgoing, machine.initial.incoming]) {
      expect(states).toContain(initial);
      expect(terminal).not.toContain(initial);
    }
  });

  it('names only existing states in from and to', () => {
    for (const t of machine.transitions) {
      expect(t.from.length, t.action).toBeGreaterThan(0);
      for (const from of t.from) expect(states, `${t.action} from ${from}`).toContain(from);
      if (t.to !== null) expect(states, `${t.action} to ${t.to}`).toContain(t.to);
    }
  });

  it('lets nothing leave a terminal state', () => {
    for (const state of terminal) expect(transitionsFromState(machine, state).map((t) => t.action)).toEqual([]);
  });

  it('reaches every state from an initial state', () => {
    const seen = reachable(machine, [machine.initial.outgoing, machine.initial.incoming]);
    expect(names(machine).filter((s) => !seen.has(s))).toEqual([]);
  });

  it('leads from every open state to a terminal state, and to an outcome other than withdrawal', () => {
    for (const state of openStateNames(machine)) {
      const seen = reachable(machine, [state]);
      expect(
        terminal.some((t) => seen.has(t)),
        state,
      ).toBe(true);
      expect(
        terminal.some((t) => t !== 'WITHDRAWN' && seen.has(t)),
        state,
      ).toBe(true);
    }
  });

  it('lets the requester withdraw from every open state, into WITHDRAWN', () => {
    for (const state of openStateNames(machine)) {
      const withdraw = transitionsFromState(machine, state).filter((t) => t.action === 'withdraw');
      expect(
        withdraw.map((t) => [t.by, t.to]),
        state,
      ).toEqual([['requesting', 'WITHDRAWN']]);
    }
  });

  it('is deterministic: one transition per state, side, recorder and action', () => {
    const keys = machine.transitions.flatMap((t) =>
      t.from.map((from) => `${from}/${t.by}/${t.recordedBy ?? 'officer'}/${t.action}`),
    );
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('lands a mirrored action in one state, whether the partner\u2019s officer or its order performed it', () => {
    const landing = new Map<string, string>();
    const conflicts: string[] = [];
    for (const t of machine.transitions) {
      for (const from of t.from) {
        const key = `${from}/${t.by}/${t.action}`;
        const to = t.to ?? from;
        if (landing.has(key) && landing.get(key) !== to) conflicts.push(`${key}: ${landing.get(key)} or ${to}`);
        landing.set(key, to);
      }
    }
    expect(conflicts).toEqual([]);
  });

  it('uses known guards, permissions and response kinds', () => {
    for (const t of machine.transitions) {
      for (const guard of t.guards) expect(guardIds).toContain(guard);
      expect(permissions).toContain(t.permission);
      if (t.response !== undefined) expect(responseKinds).toContain(t.response);
    }
  });

  it('puts four-eyes and completeness on approval, completeness on submission', () => {
    for (const t of machine.transitions.filter((t) => t.action === 'approve')) {
      expect(t.permission).toBe('requests:approve');
      expect(t.guards).toEqual(expect.arrayContaining(['four-eyes', 'details-complete']));
    }
    for (const t of machine.transitions.filter((t) => t.action === 'submit')) {
      expect(t.guards).toContain('details-complete');
    }
  });

  it('makes refusals, acceptances and postponements supervisors\u2019 decisions with grounds where required', () => {
    for (const t of machine.transitions) {
      if (
        t.response === 'REFUSE' ||
        t.response === 'ACCEPT' ||
        t.response === 'ACCEPT_WITH_CONDITIONS' ||
        t.response === 'POSTPONE'
      ) {
        expect(t.permission, t.action).toBe('requests:approve');
      }
      if (t.response === 'REFUSE' || t.action === 'withhold' || t.action === 'lift') {
        expect(t.guards, t.action).toContain('refusal-grounds');
      }
      if (t.response === 'POSTPONE') expect(t.guards, t.action).toContain('postponement-grounds');
      if (t.response === 'ACCEPT_WITH_CONDITIONS') expect(t.guards, t.action).toContain('conditions-present');
    }
  });

  it('has system transitions only where a deadline rule performs them', () => {
    const systemActions = new Set(deadlineRules.map((r) => r.systemAction).filter((a) => a !== undefined));
    for (const t of machine.transitions.filter((t) => t.by === 'system')) expect(systemActions).toContain(t.action);
  });
});

describe.each(requestTypeCodes)('%s against its machine', (type) => {
  const machine = machineFor(type);

  it('declares every response kind the requested side can give', () => {
    const given = new Set(
      machine.transitions.filter((t) => t.by === 'requested' && t.response !== undefined).map((t) => t.response),
    );
    expect([...given].filter((kind) => kind !== undefined && !requestTypes[type].responseKinds.includes(kind))).toEqual(
      [],
    );
  });

  it.each(requestTypes[type].allowedBases)(
    'offers a ground on the %s basis wherever a refusal needs grounds',
    (basis) => {
      const needsGrounds = machine.transitions.some((t) => t.guards.includes('refusal-grounds'));
      const usable = groundsFor(type, basis, 'refuse').filter((g) => g.definition.forbiddenAsSoleGround !== true);
      if (needsGrounds) expect(usable.length).toBeGreaterThan(0);
      if (machine.transitions.some((t) => t.guards.includes('postponement-grounds'))) {
        expect(groundsFor(type, basis, 'postpone').length).toBeGreaterThan(0);
      }
    },
  );
});
