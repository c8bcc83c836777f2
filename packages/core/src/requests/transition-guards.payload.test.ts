import { describe, expect, it } from 'vitest';
import { planTransition } from './plan-transition.js';
import { machineFor } from './machines/registry.js';
import {
  addDays,
  completeDetails,
  errorOf,
  orderActor,
  snapshot,
  supervisor,
  t0,
  type SnapshotInput,
} from './request.fixtures.js';
import type { TransitionPayload } from './request-snapshot.js';

const act = (input: SnapshotInput, action: string, payload: TransitionPayload = {}) =>
  planTransition(snapshot(input), action, payload, supervisor, t0);
const day = 86_400_000;
const until = (ms: number) => new Date(t0.getTime() + ms).toISOString();

describe('accept-with-conditions', () => {
  const assessing = { type: 'MLA_40', state: 'UNDER_ASSESSMENT', direction: 'incoming' } as const;

  it('needs at least one condition', () => {
    expect(errorOf(() => act(assessing, 'accept-with-conditions')).code).toBe('request/conditions-required');
    expect(errorOf(() => act(assessing, 'accept-with-conditions', { conditions: [] })).issues).toEqual([
      { path: '/payload/conditions', message: 'at least one condition' },
    ]);
    const plan = act(assessing, 'accept-with-conditions', {
      conditions: [{ kind: 'USE_LIMITATION', text: 'Only for this investigation' }],
    });
    expect(plan).toMatchObject({ to: 'ACCEPTED_WITH_CONDITIONS', response: 'ACCEPT_WITH_CONDITIONS' });
  });
});

describe('confirm-preserved and grant-extension: recorded by a domestic order, with a date to come', () => {
  const ordered = { type: 'PRESERVATION_42', state: 'DOMESTIC_ORDER_ISSUED', direction: 'incoming' } as const;
  const extending = { type: 'PRESERVATION_42', state: 'EXTENSION_REQUESTED', direction: 'incoming' } as const;
  const byOrder = (input: SnapshotInput, action: string, payload: TransitionPayload) =>
    planTransition(snapshot(input), action, payload, orderActor, t0);
  const until = (ms: number) => new Date(t0.getTime() + ms).toISOString();

  it('takes the provider\u2019s date, whatever it is, in any zone: the order\u2019s rules bound it', () => {
    expect(byOrder(ordered, 'confirm-preserved', { preservedUntil: until(60 * day) }).to).toBe('PRESERVED');
    // Shorter than Art. 42's 60 days is still the truth: recorded (a partial confirmation), not overstated.
    expect(byOrder(ordered, 'confirm-preserved', { preservedUntil: until(30 * day) }).to).toBe('PRESERVED');
    expect(byOrder(ordered, 'confirm-preserved', { preservedUntil: '2027-01-31T14:00:00+07:00' }).to).toBe('PRESERVED');
    expect(byOrder(extending, 'grant-extension', { preservedUntil: addDays(t0, 120).toISOString() }).to).toBe(
      'PRESERVED',
    );
  });

  it.each([
    ['a date in the past', { preservedUntil: until(-day) }],
    ['right now', { preservedUntil: t0.toISOString() }],
    ['no date', {}],
    ['something that is not a date', { preservedUntil: 'soon' }],
  ] as const)('refuses %s', (_name, payload: TransitionPayload) => {
    for (const [input, action] of [
      [ordered, 'confirm-preserved'],
      [extending, 'grant-extension'],
    ] as const) {
      const error = errorOf(() => byOrder(input, action, payload));
      expect(error.code).toBe('request/preservation-date-invalid');
      expect(error.issues[0]?.path).toBe('/payload/preservedUntil');
    }
  });

  it.each(['issue-domestic-order', 'confirm-preserved', 'grant-extension', 'renew-domestic-order'])(
    'refuses %s from an officer, naming the order routes, in every state',
    (action) => {
      for (const state of ['ACCEPTED', 'DOMESTIC_ORDER_ISSUED', 'PRESERVED', 'EXTENSION_REQUESTED']) {
        const error = errorOf(() =>
          act({ type: 'PRESERVATION_42', state, direction: 'incoming' }, action, { note: 'Done by hand' }),
        );
        expect(error.code).toBe('request/recorded-by-order');
        expect(error.message).toContain('POST /api/v1/requests/{id}/domestic-orders');
        expect(error.message).toContain('POST /api/v1/orders/{orderId}/provider-answers');
      }
    },
  );

  it('refuses an officer\u2019s payload that carries what only the node writes', () => {
    const triage = { type: 'PRESERVATION_42', state: 'ACKNOWLEDGED', direction: 'incoming' } as const;
    const error = errorOf(() => act(triage, 'triage', { preservedUntil: until(90 * day) }));
    expect(error.code).toBe('request/field-not-allowed');
    expect(error.issues).toEqual([{ path: '/payload/preservedUntil', message: 'not accepted from an officer' }]);
    expect(errorOf(() => act(triage, 'triage', { order: { reference: 'SG-ORD-2026-000001' } })).code).toBe(
      'request/field-not-allowed',
    );
  });

  it('has no path to PRESERVED but a domestic order\u2019s events (or the partner\u2019s, mirrored)', () => {
    for (const type of ['PRESERVATION_42'] as const) {
      const reaching = machineFor(type).transitions.filter((t) => t.to === 'PRESERVED' || t.response === 'PRESERVED');
      const byHand = reaching.filter((t) => t.recordedBy !== 'order' && t.by === 'requested');
      expect(byHand).toEqual([]);
      // The requester's own way back from a warning needs a preservation on file.
      expect(reaching.filter((t) => t.by === 'requesting').map((t) => [t.action, t.guards])).toEqual([
        ['continue-preservation', ['preservation-recorded']],
      ]);
    }
  });
});

describe('the provider\u2019s answer is never an officer\u2019s to claim', () => {
  it('refuses an officer\u2019s Art. 42 warning or partial execution that says the data is not held', () => {
    const preserved = { type: 'PRESERVATION_42', state: 'PRESERVED', direction: 'incoming' } as const;
    const claim = { information: 'The provider says it has nothing', reasonCodes: ['DATA_NOT_HELD'] };
    expect(errorOf(() => act(preserved, 'issue-warning', claim)).code).toBe('request/recorded-by-order');
    const executing = { type: 'STORED_DATA_44', state: 'IN_EXECUTION', direction: 'incoming' } as const;
    expect(errorOf(() => act(executing, 'report-partial-execution', claim)).code).toBe('request/recorded-by-order');
    // The requested State's own warning, in its own words, stays its officers' to give.
    expect(act(preserved, 'issue-warning', { information: 'Preserving would alert the suspect' }).to).toBe(
      'WARNING_ISSUED',
    );
  });

  it('refuses to continue a preservation when nothing was preserved, allows it once something is', () => {
    const warned = { type: 'PRESERVATION_42', state: 'WARNING_ISSUED', direction: 'outgoing' } as const;
    expect(errorOf(() => act(warned, 'continue-preservation')).code).toBe('request/nothing-preserved');
    expect(errorOf(() => act({ ...warned, preservedUntil: until(-1) }, 'continue-preservation')).code).toBe(
      'request/nothing-preserved',
    );
    expect(act({ ...warned, preservedUntil: addDays(t0, 40).toISOString() }, 'continue-preservation').to).toBe(
      'PRESERVED',
    );
  });

  it('refuses to complete execution while a domestic order made for it is still open', () => {
    const executing = { type: 'STORED_DATA_44', state: 'IN_EXECUTION', direction: 'incoming' } as const;
    const error = errorOf(() => act({ ...executing, openOrders: 2 }, 'complete-execution'));
    expect(error.code).toBe('request/orders-pending');
    expect(error.message).toContain('2 domestic order(s)');
    expect(act(executing, 'complete-execution').to).toBe('EXECUTED');
  });
});

describe('authorise-domestically and renew: a valid future period', () => {
  const accepted = { type: 'REALTIME_TRAFFIC_45', state: 'ACCEPTED', direction: 'incoming' } as const;
  const renewal = { type: 'INTERCEPTION_46', state: 'RENEWAL_REQUESTED', direction: 'incoming' } as const;
  const at = (days: number) => addDays(t0, days).toISOString();

  it('accepts a start before an end in the future, even a start already past', () => {
    expect(act(accepted, 'authorise-domestically', { authorisedStart: at(0), authorisedEnd: at(30) }).to).toBe(
      'AUTHORISED_DOMESTICALLY',
    );
    expect(act(accepted, 'authorise-domestically', { authorisedStart: at(-2), authorisedEnd: at(1) }).to).toBe(
      'AUTHORISED_DOMESTICALLY',
    );
    expect(act(renewal, 'renew', { authorisedStart: at(0), authorisedEnd: at(30) }).to).toBe('ACTIVE');
  });

  it.each([
    ['no period', {}],
    ['no end', { authorisedStart: at(0) }],
    ['no start', { authorisedEnd: at(30) }],
    ['an end before the start', { authorisedStart: at(10), authorisedEnd: at(5) }],
    ['an empty period', { authorisedStart: at(5), authorisedEnd: at(5) }],
    ['an end already past', { authorisedStart: at(-10), authorisedEnd: at(-1) }],
    ['an end right now', { authorisedStart: at(-10), authorisedEnd: t0.toISOString() }],
  ] as const)('refuses %s', (_name, payload: TransitionPayload) => {
    expect(errorOf(() => act(accepted, 'authorise-domestically', payload)).code).toBe('request/invalid-period');
    expect(errorOf(() => act(renewal, 'renew', payload)).code).toBe('request/invalid-period');
  });
});

describe('accepting an extradition: at least one year in both States (UN art. 37(1))', () => {
  const assessing = { type: 'EXTRADITION_37', state: 'UNDER_ASSESSMENT', direction: 'incoming' } as const;

  it('needs the maximum penalty under the requested State\u2019s law', () => {
    const error = errorOf(() => act(assessing, 'accept'));
    expect(error.code).toBe('request/threshold-unknown');
    expect(error.message).toContain('UN Convention against Cybercrime art. 37(1) [unverified]');
    expect(error.issues).toEqual([{ path: '/payload/requestedStateMaxPenaltyYears', message: 'required' }]);
    expect(act(assessing, 'accept', { requestedStateMaxPenaltyYears: 3 })).toMatchObject({
      to: 'GRANTED',
      response: 'ACCEPT',
    });
  });

  it.each([
    [{ requestedStateMaxPenaltyYears: 0.5 }, {}, 'the requested State'],
    [{ requestedStateMaxPenaltyYears: 0 }, {}, 'the requested State'],
    [{ requestedStateMaxPenaltyYears: 2 }, { maxPenaltyYears: 0.5 }, 'the requesting State'],
    [{ requestedStateMaxPenaltyYears: 0.5 }, { maxPenaltyYears: 0.5 }, 'the requesting and the requested State'],
  ] as const)('refuses %j with details %j: below the threshold in %s', (payload, details, where) => {
    const input = { ...assessing, details: { ...completeDetails('EXTRADITION_37'), ...details } };
    const error = errorOf(() => act(input, 'accept', payload));
    expect(error.code).toBe('request/below-extradition-threshold');
    expect(error.message).toBe(
      `the maximum penalty under the law of ${where} is below 1 year (UN Convention ` +
        `against Cybercrime art. 37(1) [unverified])`,
    );
  });

  it('takes the penalty the request already states for the requested State, and Budapest art. 24(1)(a)', () => {
    const stated = {
      ...assessing,
      details: { ...completeDetails('EXTRADITION_37'), requestedStateMaxPenaltyYears: 4 },
    };
    expect(act(stated, 'accept').to).toBe('GRANTED');
    const budapest = { ...assessing, legalBasis: 'BUDAPEST' } as const;
    expect(errorOf(() => act(budapest, 'accept')).message).toContain('Budapest Convention art. 24(1)(a)');
  });

  it('holds for provisional arrest, which serves an extradition', () => {
    const arrest = { type: 'PROVISIONAL_ARREST_37', state: 'UNDER_ASSESSMENT', direction: 'incoming' } as const;
    expect(errorOf(() => act(arrest, 'accept')).code).toBe('request/threshold-unknown');
    expect(act(arrest, 'accept', { requestedStateMaxPenaltyYears: 1 }).to).toBe('GRANTED');
  });
});

describe('refuse-on-nationality', () => {
  const consulted = {
    type: 'EXTRADITION_37',
    state: 'CONSULTATION',
    direction: 'incoming',
    consultationRecorded: true,
  } as const;

  it('must cite NATIONALITY_AUT_DEDERE', () => {
    const error = errorOf(() =>
      act(consulted, 'refuse-on-nationality', { reasonCodes: ['DISCRIMINATORY_PURPOSE'], reasons: 'Persecution' }),
    );
    expect(error.code).toBe('request/refusal-grounds-invalid');
    expect(error.message).toContain('NATIONALITY_AUT_DEDERE');
    expect(
      act(consulted, 'refuse-on-nationality', {
        reasonCodes: ['NATIONALITY_AUT_DEDERE'],
        reasons: 'A national of Viet Nam',
      }).to,
    ).toBe('REFUSED_ON_NATIONALITY');
  });

  it('cannot be cited to refuse an MLA request', () => {
    const mla = { type: 'MLA_40', state: 'CONSULTATION', direction: 'incoming', consultationRecorded: true } as const;
    expect(
      errorOf(() => act(mla, 'refuse', { reasonCodes: ['NATIONALITY_AUT_DEDERE'], reasons: 'A national' })).code,
    ).toBe('request/ground-not-allowed');
  });
});

describe('text, link and third-State guards', () => {
  it('needs information or reasons in words', () => {
    const assessing = { type: 'MLA_40', state: 'UNDER_ASSESSMENT', direction: 'incoming' } as const;
    expect(errorOf(() => act(assessing, 'request-information')).code).toBe('request/information-required');
    expect(act(assessing, 'request-information', { information: 'Which accounts?' }).to).toBe('INFO_REQUESTED');
    expect(
      act({ type: 'LE_INFO_47', state: 'RECEIVED', direction: 'incoming' }, 'reject-conditions', {
        reasons: 'Cannot accept',
      }).to,
    ).toBe('CONDITIONS_REJECTED');
  });

  it('needs the follow-up request to link and the third State of a path', () => {
    const preserved = { type: 'PRESERVATION_42', state: 'PRESERVED', direction: 'outgoing' } as const;
    expect(errorOf(() => act(preserved, 'link-follow-up-mla')).code).toBe('request/link-required');
    expect(act(preserved, 'link-follow-up-mla', { linkedRequestId: 'req-44' }).to).toBe('FOLLOW_UP_MLA_LINKED');
    const incoming = { ...preserved, direction: 'incoming' } as const;
    expect(errorOf(() => act(incoming, 'disclose-traffic-path')).issues).toEqual([
      { path: '/payload/thirdState', message: 'required' },
    ]);
  });
});

describe('completeness on submit and approve', () => {
  const preservationRequired = [
    'seekingAuthority',
    'offenceSummary',
    'dataToPreserve',
    'dataCategories',
    'custodianOrLocation',
    'necessity',
    'mlaWillFollow',
    'identifiers',
    'contact24x7',
  ];

  it('lists every missing field, each with its legal source', () => {
    const error = errorOf(() => act({ type: 'PRESERVATION_42', state: 'DRAFT', details: {} }, 'submit'));
    expect(error.code).toBe('request/incomplete');
    expect(error.message).toContain(`${preservationRequired.length} field(s)`);
    expect(error.issues.map((i) => i.path).sort()).toEqual(preservationRequired.map((f) => `/details/${f}`).sort());
    const message = (field: string) => error.issues.find((i) => i.path === `/details/${field}`)?.message;
    expect(message('dataToPreserve')).toContain('art. 42(2)(c)');
    expect(message('seekingAuthority')).toContain('UN Convention against Cybercrime art. 42(2)(a) [unverified]');
    expect(message('contact24x7')).toContain('art. 41(1)');
    expect(message('identifiers')).toContain('G8 preservation checklist');
  });

  it('cites the Budapest Convention on that basis, and asks for the treaty on a bilateral one', () => {
    const budapest = errorOf(() =>
      act({ type: 'PRESERVATION_42', state: 'DRAFT', legalBasis: 'BUDAPEST', details: {} }, 'submit'),
    );
    expect(budapest.issues.find((i) => i.path === '/details/dataToPreserve')?.message).toContain(
      'Budapest Convention art. 29(2)',
    );
    const bilateral = errorOf(() =>
      act(
        {
          type: 'PRESERVATION_42',
          state: 'DRAFT',
          legalBasis: 'BILATERAL',
          details: completeDetails('PRESERVATION_42'),
        },
        'submit',
      ),
    );
    expect(bilateral.issues.map((i) => i.path)).toEqual(['/details/treatyReference']);
  });

  it('runs the cross-field rules once the fields are there', () => {
    const details = { ...completeDetails('MLA_40') };
    delete details['factsSummary'];
    const error = errorOf(() => act({ type: 'MLA_40', state: 'DRAFT', details }, 'submit'));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.message).toContain('art. 40(15)(c)');
  });

  it('refuses wrong values and checks again on approval', () => {
    const wrong = { ...completeDetails('EXTRADITION_37'), maxPenaltyYears: 'ten' };
    expect(
      errorOf(() => act({ type: 'EXTRADITION_37', state: 'DRAFT', details: wrong }, 'submit')).issues.map(
        (i) => i.path,
      ),
    ).toEqual(['/details/maxPenaltyYears']);
    expect(errorOf(() => act({ type: 'EXTRADITION_37', state: 'SUBMITTED', details: {} }, 'approve')).code).toBe(
      'request/incomplete',
    );
    expect(act({ type: 'EXTRADITION_37', state: 'DRAFT' }, 'submit').to).toBe('SUBMITTED');
  });
});
