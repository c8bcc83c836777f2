import { describe, expect, it } from 'vitest';
import type { RequestTypeCode } from '../request-type-codes.js';
import { requestTypes } from '../types/registry.js';
import { runScenario, sendOutgoing, type Scenario, type Step } from './machine-scenarios.fixtures.js';
import { machineFor } from './registry.js';

/** Brief §3.2 A, B, F, G and H, written out step by step. */
const preserved: readonly Step[] = [
  ['own', 'acknowledge', 'ACKNOWLEDGED'],
  ['own', 'triage', 'TRIAGE'],
  ['own', 'accept', 'ACCEPTED'],
  ['order', 'issue-domestic-order', 'DOMESTIC_ORDER_ISSUED'],
  ['order', 'confirm-preserved', 'PRESERVED'],
];

const preservation: readonly Scenario[] = [
  {
    name: 'outgoing: information, preserved, warning, continued, extended, follow-up MLA, released',
    direction: 'outgoing',
    start: 'DRAFT',
    steps: [
      ...sendOutgoing,
      ['partner', 'acknowledge', 'ACKNOWLEDGED'],
      ['partner', 'triage', 'TRIAGE'],
      ['partner', 'request-information', 'INFO_REQUESTED'],
      ['own', 'provide-information', 'TRIAGE'],
      ['partner', 'accept', 'ACCEPTED'],
      ['partner', 'issue-domestic-order', 'DOMESTIC_ORDER_ISSUED'],
      ['partner', 'confirm-preserved', 'PRESERVED'],
      ['partner', 'issue-warning', 'WARNING_ISSUED'],
      ['own', 'continue-preservation', 'PRESERVED'],
      ['own', 'request-extension', 'EXTENSION_REQUESTED'],
      ['partner', 'grant-extension', 'PRESERVED'],
      ['own', 'link-follow-up-mla', 'FOLLOW_UP_MLA_LINKED'],
      ['partner', 'release-after-decision', 'RELEASED_AFTER_DECISION'],
    ],
  },
  {
    name: 'incoming: refused at triage',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ['own', 'acknowledge', 'ACKNOWLEDGED'],
      ['own', 'triage', 'TRIAGE'],
      ['own', 'refuse', 'REFUSED'],
    ],
  },
  {
    name: 'incoming: order renewed, path disclosed, expired when no MLA came',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ...preserved,
      ['order', 'renew-domestic-order', 'PRESERVED'],
      ['order', 'confirm-preserved', 'PRESERVED'],
      ['own', 'disclose-traffic-path', 'PRESERVED'],
      ['system', 'expire', 'EXPIRED'],
    ],
  },
  {
    name: 'incoming: extension asked, the order renewed, the provider confirms, follow-up MLA received',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ...preserved,
      ['partner', 'request-extension', 'EXTENSION_REQUESTED'],
      ['order', 'renew-domestic-order', 'EXTENSION_REQUESTED'],
      ['order', 'grant-extension', 'PRESERVED'],
      ['own', 'link-follow-up-mla', 'FOLLOW_UP_MLA_LINKED'],
      ['order', 'renew-domestic-order', 'FOLLOW_UP_MLA_LINKED'],
      ['own', 'release-after-decision', 'RELEASED_AFTER_DECISION'],
    ],
  },
  {
    name: 'incoming: the provider holds no such data, a second order preserves it, the requester continues',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ['own', 'acknowledge', 'ACKNOWLEDGED'],
      ['own', 'triage', 'TRIAGE'],
      ['own', 'accept', 'ACCEPTED'],
      ['order', 'issue-domestic-order', 'DOMESTIC_ORDER_ISSUED'],
      ['order', 'issue-warning', 'WARNING_ISSUED'],
      ['order', 'issue-domestic-order', 'WARNING_ISSUED'],
      ['order', 'confirm-preserved', 'WARNING_ISSUED'],
      ['partner', 'continue-preservation', 'PRESERVED'],
    ],
  },
  {
    name: 'incoming: warned, then withdrawn by the requester',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [...preserved, ['own', 'issue-warning', 'WARNING_ISSUED'], ['partner', 'withdraw', 'WITHDRAWN']],
  },
];

const trafficPath: readonly Scenario[] = [
  {
    name: 'outgoing: path discovered, disclosure approved and made',
    direction: 'outgoing',
    start: 'DISCOVERED',
    steps: [
      ['own', 'draft-disclosure', 'DISCLOSURE_DRAFTED'],
      ['own', 'submit', 'SUBMITTED'],
      ['own', 'approve', 'APPROVED'],
      ['own', 'disclose', 'DISCLOSED'],
    ],
  },
  {
    name: 'outgoing: disclosure withheld',
    direction: 'outgoing',
    start: 'DISCOVERED',
    steps: [
      ['own', 'draft-disclosure', 'DISCLOSURE_DRAFTED'],
      ['own', 'withhold', 'WITHHELD'],
    ],
  },
  {
    name: 'outgoing: dropped before drafting',
    direction: 'outgoing',
    start: 'DISCOVERED',
    steps: [['own', 'withdraw', 'WITHDRAWN']],
  },
  {
    name: 'incoming: disclosure acknowledged',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [['own', 'acknowledge', 'ACKNOWLEDGED']],
  },
];

const leExchange: readonly Scenario[] = [
  {
    name: 'outgoing: conditions accepted, answered, closed',
    direction: 'outgoing',
    start: 'DRAFT',
    steps: [
      ...sendOutgoing,
      ['partner', 'accept-conditions', 'CONDITIONS_ACCEPTED'],
      ['partner', 'answer', 'ANSWERED'],
      ['own', 'close', 'CLOSED'],
    ],
  },
  {
    name: 'incoming: conditions rejected, sender proceeds, exculpatory disclosure after notice',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ['own', 'reject-conditions', 'CONDITIONS_REJECTED'],
      ['partner', 'proceed-without-conditions', 'CONDITIONS_ACCEPTED'],
      ['own', 'give-prior-notice', 'PRIOR_NOTICE_SENT'],
      ['own', 'disclose-exculpatory', 'DISCLOSED_EXCULPATORY'],
    ],
  },
  {
    name: 'incoming: answered, notice given, withdrawn',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ['own', 'accept-conditions', 'CONDITIONS_ACCEPTED'],
      ['own', 'answer', 'ANSWERED'],
      ['own', 'give-prior-notice', 'PRIOR_NOTICE_SENT'],
      ['partner', 'withdraw', 'WITHDRAWN'],
    ],
  },
];

const frozen: readonly Step[] = [
  ['own', 'acknowledge', 'ACKNOWLEDGED'],
  ['own', 'assess', 'UNDER_ASSESSMENT'],
  ['own', 'accept', 'FROZEN'],
];
const confiscated: readonly Step[] = [
  ...frozen,
  ['partner', 'request-confiscation', 'CONFISCATION_REQUESTED'],
  ['own', 'recognise-foreign-order', 'FOREIGN_ORDER_RECOGNISED'],
  ['own', 'confiscate', 'CONFISCATED'],
  ['own', 'consider-return', 'RETURN_CONSIDERED'],
];

const asset: readonly Scenario[] = [
  {
    name: 'outgoing: frozen, confiscation through a domestic order, returned',
    direction: 'outgoing',
    start: 'DRAFT',
    steps: [
      ...sendOutgoing,
      ['partner', 'acknowledge', 'ACKNOWLEDGED'],
      ['partner', 'assess', 'UNDER_ASSESSMENT'],
      ['partner', 'accept', 'FROZEN'],
      ['own', 'request-confiscation', 'CONFISCATION_REQUESTED'],
      ['partner', 'seek-domestic-order', 'DOMESTIC_ORDER_SOUGHT'],
      ['partner', 'confiscate', 'CONFISCATED'],
      ['partner', 'consider-return', 'RETURN_CONSIDERED'],
      ['partner', 'return-property', 'RETURNED'],
    ],
  },
  {
    name: 'incoming: information, consultation, frozen, lifting heard and maintained, then lifted',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ['own', 'acknowledge', 'ACKNOWLEDGED'],
      ['own', 'assess', 'UNDER_ASSESSMENT'],
      ['own', 'request-information', 'INFO_REQUESTED'],
      ['partner', 'provide-information', 'UNDER_ASSESSMENT'],
      ['own', 'open-consultation', 'CONSULTATION'],
      ['own', 'accept', 'FROZEN'],
      ['own', 'propose-lift', 'LIFT_PROPOSED'],
      ['partner', 'submit-observations', 'REQUESTER_HEARD'],
      ['own', 'maintain', 'FROZEN'],
      ['own', 'propose-lift', 'LIFT_PROPOSED'],
      ['partner', 'submit-observations', 'REQUESTER_HEARD'],
      ['own', 'lift', 'LIFTED'],
    ],
  },
  {
    name: 'incoming: foreign order recognised, proceeds shared',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [...confiscated, ['own', 'share-property', 'SHARED']],
  },
  {
    name: 'incoming: foreign order recognised, proceeds disposed of',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [...confiscated, ['own', 'dispose-property', 'DISPOSED']],
  },
  {
    name: 'incoming: refused after consultation',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ['own', 'acknowledge', 'ACKNOWLEDGED'],
      ['own', 'assess', 'UNDER_ASSESSMENT'],
      ['own', 'open-consultation', 'CONSULTATION'],
      ['own', 'refuse', 'REFUSED'],
    ],
  },
  {
    name: 'outgoing: withdrawn while frozen',
    direction: 'outgoing',
    start: 'DRAFT',
    steps: [
      ...sendOutgoing,
      ['partner', 'acknowledge', 'ACKNOWLEDGED'],
      ['partner', 'assess', 'UNDER_ASSESSMENT'],
      ['partner', 'accept', 'FROZEN'],
      ['own', 'withdraw', 'WITHDRAWN'],
    ],
  },
];

const extradition: readonly Scenario[] = [
  {
    name: 'incoming: provisional arrest, information, granted, surrendered',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ['own', 'acknowledge', 'ACKNOWLEDGED'],
      ['own', 'arrest-provisionally', 'PROVISIONAL_ARREST'],
      ['own', 'assess-after-arrest', 'UNDER_ASSESSMENT'],
      ['own', 'request-information', 'INFO_REQUESTED'],
      ['partner', 'provide-information', 'UNDER_ASSESSMENT'],
      ['own', 'accept', 'GRANTED'],
      ['own', 'surrender', 'SURRENDERED'],
    ],
  },
  {
    name: 'incoming: refused on nationality after consultation, prosecuted at home',
    direction: 'incoming',
    start: 'RECEIVED',
    steps: [
      ['own', 'acknowledge', 'ACKNOWLEDGED'],
      ['own', 'assess', 'UNDER_ASSESSMENT'],
      ['own', 'open-consultation', 'CONSULTATION'],
      ['own', 'refuse-on-nationality', 'REFUSED_ON_NATIONALITY'],
      ['own', 'submit-for-domestic-prosecution', 'SUBMITTED_FOR_DOMESTIC_PROSECUTION'],
      ['own', 'report-outcome', 'OUTCOME_REPORTED'],
    ],
  },
  {
    name: 'outgoing: refused after consultation',
    direction: 'outgoing',
    start: 'DRAFT',
    steps: [
      ...sendOutgoing,
      ['partner', 'acknowledge', 'ACKNOWLEDGED'],
      ['partner', 'assess', 'UNDER_ASSESSMENT'],
      ['partner', 'open-consultation', 'CONSULTATION'],
      ['partner', 'refuse', 'REFUSED'],
    ],
  },
  {
    name: 'outgoing: withdrawn after acknowledgement',
    direction: 'outgoing',
    start: 'DRAFT',
    steps: [...sendOutgoing, ['partner', 'acknowledge', 'ACKNOWLEDGED'], ['own', 'withdraw', 'WITHDRAWN']],
  },
];

const families: readonly {
  family: string;
  types: readonly RequestTypeCode[];
  scenarios: readonly Scenario[];
  terminals: readonly string[];
}[] = [
  {
    family: 'preservation',
    types: ['PRESERVATION_42'],
    scenarios: preservation,
    terminals: ['EXPIRED', 'REFUSED', 'RELEASED_AFTER_DECISION', 'WITHDRAWN'],
  },
  {
    family: 'traffic-path',
    types: ['TRAFFIC_PATH_43'],
    scenarios: trafficPath,
    terminals: ['ACKNOWLEDGED', 'DISCLOSED', 'WITHDRAWN', 'WITHHELD'],
  },
  {
    family: 'le-exchange',
    types: ['LE_INFO_47', 'SPONTANEOUS_40_51'],
    scenarios: leExchange,
    terminals: ['CLOSED', 'DISCLOSED_EXCULPATORY', 'WITHDRAWN'],
  },
  {
    family: 'asset',
    types: ['FREEZE_CONFISCATE_50', 'RETURN_52'],
    scenarios: asset,
    terminals: ['DISPOSED', 'LIFTED', 'REFUSED', 'RETURNED', 'SHARED', 'WITHDRAWN'],
  },
  {
    family: 'extradition',
    types: ['EXTRADITION_37', 'PROVISIONAL_ARREST_37'],
    scenarios: extradition,
    terminals: ['OUTCOME_REPORTED', 'REFUSED', 'SURRENDERED', 'WITHDRAWN'],
  },
];

describe.each(families)('the $family state machine', ({ family, types, scenarios, terminals }) => {
  it.each(types)('is the machine of %s', (type) => {
    expect(requestTypes[type].family).toBe(family);
  });

  describe.each(types)('%s', (type) => {
    it.each(scenarios.map((s) => [s.name, s] as const))('walks: %s', (_name, scenario) => {
      const run = runScenario(type, scenario);
      expect(run.states.slice(1)).toEqual(scenario.steps.map(([, , to]) => to));
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
  });
});
