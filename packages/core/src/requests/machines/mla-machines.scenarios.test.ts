import { describe, expect, it } from 'vitest';
import type { RequestTypeCode } from '../request-type-codes.js';
import { requestTypes } from '../types/registry.js';
import { runScenario, sendOutgoing, type Scenario, type Step } from './machine-scenarios.fixtures.js';
import { machineFor } from './registry.js';
import { isTerminalState } from '../../lifecycle/machine.js';

/** Brief §3.2 C (MLA, Arts 40/44) and D (real time, Arts 45-46), written out step by step. */
const mlaTypes: readonly RequestTypeCode[] = ['MLA_40', 'STORED_DATA_44', 'JIT_48', 'OTHER_ASSISTANCE'];
const realtimeTypes: readonly RequestTypeCode[] = ['REALTIME_TRAFFIC_45', 'INTERCEPTION_46'];

const acknowledgeAndAssess: readonly Step[] = [
  ['own', 'acknowledge', 'ACKNOWLEDGED'],
  ['own', 'assess', 'UNDER_ASSESSMENT'],
];

/** Common to both machines: everything up to ACCEPTED, and the ways out before it. */
const assessmentScenarios: readonly Scenario[] = [
  {
    name: 'oral urgent request, confirmed in writing, information requested, accepted',
    direction: 'outgoing',
    start: 'DRAFT',
    steps: [
      ['own', 'submit', 'SUBMITTED'],
      ['own', 'approve', 'APPROVED'],
      ['own', 'record-oral-request', 'WRITTEN_CONFIRMATION_PENDING'],
      ['own', 'confirm-in-writing', 'SENT'],
      ['partner', 'acknowledge', 'ACKNOWLEDGED'],
      ['partner', 'assess', 'UNDER_ASSESSMENT'],
      ['partner', 'request-information', 'INFO_REQUESTED'],
      ['own', 'provide-information', 'UNDER_ASSESSMENT'],
      ['partner', 'accept', 'ACCEPTED'],
    ],
  },
  {
    name: 'oral request acknowledged before the written confirmation, which still follows',
    direction: 'outgoing',
    start: 'DRAFT',
    steps: [
      ['own', 'submit', 'SUBMITTED'],
      ['own', 'approve', 'APPROVED'],
      ['own', 'record-oral-request', 'WRITTEN_CONFIRMATION_PENDING'],
      ['partner', 'acknowledge', 'ACKNOWLEDGED'],
      ['own', 'confirm-in-writing', 'ACKNOWLEDGED'],
      ['partner', 'assess', 'UNDER_ASSESSMENT'],
    ],
  },
  {
    name: 'consulted, postponed, resumed and refused',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ...acknowledgeAndAssess,
      ['own', 'open-consultation', 'CONSULTATION'],
      ['own', 'postpone', 'POSTPONED'],
      ['own', 'resume', 'UNDER_ASSESSMENT'],
      ['own', 'refuse', 'REFUSED'],
    ],
  },
  {
    name: 'accepted with conditions the requester declines',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ...acknowledgeAndAssess,
      ['own', 'accept-with-conditions', 'ACCEPTED_WITH_CONDITIONS'],
      ['partner', 'decline-conditions', 'CONDITIONS_DECLINED'],
    ],
  },
  {
    name: 'withdrawn after acknowledgement',
    direction: 'outgoing',
    start: 'DRAFT',
    steps: [...sendOutgoing, ['partner', 'acknowledge', 'ACKNOWLEDGED'], ['own', 'withdraw', 'WITHDRAWN']],
  },
  {
    name: 'withdrawn as soon as it arrived',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [['partner', 'withdraw', 'WITHDRAWN']],
  },
];

const mlaScenarios: readonly Scenario[] = [
  ...assessmentScenarios,
  {
    name: 'outgoing: consultation, conditions accepted, executed in part then in full, closed',
    direction: 'outgoing',
    start: 'DRAFT',
    steps: [
      ...sendOutgoing,
      ['partner', 'acknowledge', 'ACKNOWLEDGED'],
      ['partner', 'assess', 'UNDER_ASSESSMENT'],
      ['partner', 'open-consultation', 'CONSULTATION'],
      ['partner', 'accept-with-conditions', 'ACCEPTED_WITH_CONDITIONS'],
      ['own', 'accept-conditions', 'ACCEPTED'],
      ['partner', 'start-execution', 'IN_EXECUTION'],
      ['partner', 'report-partial-execution', 'PARTIALLY_EXECUTED'],
      ['partner', 'complete-execution', 'EXECUTED'],
      ['own', 'confirm-results', 'RESULTS_RECEIVED'],
      ['own', 'close', 'CLOSED'],
    ],
  },
  {
    name: 'incoming: accepted, executed, results confirmed by the requester',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ...acknowledgeAndAssess,
      ['own', 'accept', 'ACCEPTED'],
      ['own', 'start-execution', 'IN_EXECUTION'],
      ['own', 'complete-execution', 'EXECUTED'],
      ['partner', 'confirm-results', 'RESULTS_RECEIVED'],
      ['partner', 'close', 'CLOSED'],
    ],
  },
  {
    name: 'incoming: executed through domestic orders, one provider holds no such data',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ...acknowledgeAndAssess,
      ['own', 'accept', 'ACCEPTED'],
      ['order', 'start-execution', 'IN_EXECUTION'],
      ['order', 'issue-domestic-order', 'IN_EXECUTION'],
      ['order', 'record-production', 'IN_EXECUTION'],
      ['order', 'report-partial-execution', 'PARTIALLY_EXECUTED'],
      ['order', 'report-partial-execution', 'PARTIALLY_EXECUTED'],
      ['own', 'complete-execution', 'EXECUTED'],
    ],
  },
];

const collecting: readonly Step[] = [
  ...acknowledgeAndAssess,
  ['own', 'accept', 'ACCEPTED'],
  ['own', 'authorise-domestically', 'AUTHORISED_DOMESTICALLY'],
  ['own', 'activate', 'ACTIVE'],
];

const realtimeScenarios: readonly Scenario[] = [
  ...assessmentScenarios,
  {
    name: 'incoming: batches delivered, renewed once, renewal declined, terminated',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ...collecting,
      ['own', 'deliver-batch', 'ACTIVE'],
      ['partner', 'request-renewal', 'RENEWAL_REQUESTED'],
      ['own', 'renew', 'ACTIVE'],
      ['partner', 'request-renewal', 'RENEWAL_REQUESTED'],
      ['own', 'decline-renewal', 'EXPIRED'],
      ['own', 'terminate', 'TERMINATED'],
    ],
  },
  {
    name: 'incoming: hard stop at the end of the period',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [...collecting, ['system', 'hard-stop', 'EXPIRED'], ['own', 'terminate', 'TERMINATED']],
  },
  {
    name: 'incoming: terminated before collection started',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ...acknowledgeAndAssess,
      ['own', 'accept', 'ACCEPTED'],
      ['own', 'authorise-domestically', 'AUTHORISED_DOMESTICALLY'],
      ['own', 'terminate', 'TERMINATED'],
    ],
  },
  {
    name: 'outgoing: conditions accepted, collection renewed, terminated by the requested State',
    direction: 'outgoing',
    start: 'DRAFT',
    steps: [
      ...sendOutgoing,
      ['partner', 'acknowledge', 'ACKNOWLEDGED'],
      ['partner', 'assess', 'UNDER_ASSESSMENT'],
      ['partner', 'accept-with-conditions', 'ACCEPTED_WITH_CONDITIONS'],
      ['own', 'accept-conditions', 'ACCEPTED'],
      ['partner', 'authorise-domestically', 'AUTHORISED_DOMESTICALLY'],
      ['partner', 'activate', 'ACTIVE'],
      ['own', 'request-renewal', 'RENEWAL_REQUESTED'],
      ['partner', 'renew', 'ACTIVE'],
      ['partner', 'terminate', 'TERMINATED'],
    ],
  },
];

const families = [
  {
    family: 'mla',
    types: mlaTypes,
    scenarios: mlaScenarios,
    terminals: ['CLOSED', 'CONDITIONS_DECLINED', 'REFUSED', 'WITHDRAWN'],
  },
  {
    family: 'realtime',
    types: realtimeTypes,
    scenarios: realtimeScenarios,
    terminals: ['CONDITIONS_DECLINED', 'REFUSED', 'TERMINATED', 'WITHDRAWN'],
  },
] as const;

describe.each(families)('the $family state machine', ({ family, types, scenarios, terminals }) => {
  it.each(types)('is the machine of %s', (type) => {
    expect(requestTypes[type].family).toBe(family);
  });

  describe.each(types)('%s', (type) => {
    it.each(scenarios.map((s) => [s.name, s] as const))('walks: %s', (_name, scenario) => {
      const run = runScenario(type, scenario);
      expect(run.states.slice(1)).toEqual(scenario.steps.map(([, , to]) => to));
    });

    it('walks the same paths on the BILATERAL basis, where consultation is not required', () => {
      for (const scenario of scenarios) {
        expect(() => runScenario(type, scenario, { legalBasis: 'BILATERAL' })).not.toThrow();
      }
    });
  });

  it('has exactly the terminal states written here', () => {
    const machine = machineFor(types[0]!);
    expect(
      machine.states
        .filter((s) => s.terminal)
        .map((s) => s.name)
        .sort(),
    ).toEqual([...terminals].sort());
  });

  it('is covered by the walks: every action taken and every state visited', () => {
    const machine = machineFor(types[0]!);
    const taken = new Set(scenarios.flatMap((s) => s.steps.map(([, action]) => action)));
    const visited = new Set(scenarios.flatMap((s) => [s.start, ...s.steps.map(([, , to]) => to)]));
    expect(machine.transitions.map((t) => t.action).filter((a) => !taken.has(a))).toEqual([]);
    expect(machine.states.map((s) => s.name).filter((s) => !visited.has(s))).toEqual([]);
    for (const scenario of scenarios) expect(scenario.start).toBe(machine.initial[scenario.direction]);
    for (const terminal of terminals) expect(isTerminalState(machine, terminal)).toBe(true);
  });
});
