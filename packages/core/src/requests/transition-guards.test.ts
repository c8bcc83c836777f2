import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LegalBasis } from './legal-source.js';
import { machineFor } from './machines/registry.js';
import { planTransition } from './plan-transition.js';
import { groundsFor } from './ground-rules.js';
import { drafter, errorOf, ids, snapshot, supervisor, t0, userActor, type SnapshotInput } from './request.fixtures.js';
import type { TransitionActor, TransitionPayload } from './request-snapshot.js';
import { requestTypeCodes, type RequestTypeCode } from './request-type-codes.js';

const grounds = (...reasonCodes: string[]): TransitionPayload => ({
  reasonCodes,
  reasons: 'Explained in the attached note',
});
const act = (
  input: SnapshotInput,
  action: string,
  payload: TransitionPayload = {},
  actor: TransitionActor = supervisor,
) => planTransition(snapshot(input), action, payload, actor, t0);

describe('four-eyes approval', () => {
  const submitted = { type: 'MLA_40', state: 'SUBMITTED', direction: 'outgoing' } as const;

  it('lets a supervisor who did not draft approve', () => {
    expect(act(submitted, 'approve').to).toBe('APPROVED');
    expect(
      act(
        { ...submitted, draftedBy: [ids.drafter, ids.supervisor] },
        'approve',
        {},
        userActor(ids.otherSupervisor, ['supervisor']),
      ).to,
    ).toBe('APPROVED');
  });

  it('refuses the drafter or submitter, even a supervisor', () => {
    expect(errorOf(() => act({ ...submitted, draftedBy: [ids.supervisor] }, 'approve')).code).toBe('request/four-eyes');
    expect(errorOf(() => act({ ...submitted, draftedBy: [ids.drafter, ids.supervisor] }, 'approve')).code).toBe(
      'request/four-eyes',
    );
  });

  it('refuses a user without an id, who cannot be told apart from the drafter', () => {
    const anonymous: TransitionActor = { ...supervisor, userId: null };
    expect(errorOf(() => act(submitted, 'approve', {}, anonymous)).code).toBe('request/four-eyes');
  });

  it.each([
    ['the drafting duty officer', drafter],
    ['another duty officer', userActor('u-duty-2', ['duty_officer'])],
    ['a central authority officer', userActor(ids.caOfficer, ['central_authority_officer'])],
    ['an administrator', userActor(ids.admin, ['administrator'])],
  ] as const)('refuses %s: approving needs requests:approve', (_who, actor) => {
    const error = errorOf(() => act(submitted, 'approve', {}, actor));
    expect(error.code).toBe('auth/forbidden');
    expect(error.message).toContain('requests:approve');
  });

  it.each(requestTypeCodes)('applies to %s', (type) => {
    const state = machineFor(type).transitions.find((t) => t.action === 'approve')!.from[0]!;
    expect(errorOf(() => act({ type, state, draftedBy: [ids.supervisor] }, 'approve')).code).toBe('request/four-eyes');
    expect(act({ type, state }, 'approve').to).toBe('APPROVED');
  });
});

describe('refusal grounds', () => {
  const assessing = {
    type: 'MLA_40',
    state: 'UNDER_ASSESSMENT',
    direction: 'incoming',
    consultationRecorded: true,
  } as const;

  it('needs at least one reason code and reasons in words', () => {
    const none = errorOf(() => act(assessing, 'refuse', {}));
    expect(none.code).toBe('request/refusal-grounds-invalid');
    expect(none.issues.map((i) => i.path)).toEqual(['/payload/reasonCodes', '/payload/reasons']);
    expect(
      errorOf(() => act(assessing, 'refuse', { reasonCodes: ['ESSENTIAL_INTERESTS'] })).issues.map((i) => i.path),
    ).toEqual(['/payload/reasons']);
    expect(
      errorOf(() => act(assessing, 'refuse', { reasonCodes: [], reasons: 'Why' })).issues.map((i) => i.path),
    ).toEqual(['/payload/reasonCodes']);
    expect(act(assessing, 'refuse', grounds('ESSENTIAL_INTERESTS')).to).toBe('REFUSED');
  });

  it.each([
    [['FISCAL_MATTER'], ['art. 40(23)']],
    [['BANK_SECRECY'], ['art. 40(8)']],
    [
      ['FISCAL_MATTER', 'BANK_SECRECY'],
      ['art. 40(23)', 'art. 40(8)'],
    ],
  ])('never accepts %j as the sole ground', (codes, articles) => {
    const error = errorOf(() => act(assessing, 'refuse', grounds(...codes)));
    expect(error.code).toBe('request/forbidden-sole-ground');
    for (const article of articles) expect(error.message).toContain(article);
  });

  it('accepts fiscal matters or bank secrecy together with a ground the Convention allows', () => {
    expect(act(assessing, 'refuse', grounds('FISCAL_MATTER', 'ESSENTIAL_INTERESTS')).to).toBe('REFUSED');
    expect(act(assessing, 'refuse', grounds('BANK_SECRECY', 'FISCAL_MATTER', 'NO_DUAL_CRIMINALITY')).to).toBe(
      'REFUSED',
    );
  });

  it('rejects a ground the basis does not allow for the type, naming the rule', () => {
    for (const code of [
      'DC_RESERVATION_PRESERVATION',
      'NATIONALITY_AUT_DEDERE',
      'DE_MINIMIS',
      'INTERFERES_WITH_PROCEEDINGS',
      'POLITICAL_OFFENCE',
    ]) {
      const error = errorOf(() => act(assessing, 'refuse', grounds('ESSENTIAL_INTERESTS', code)));
      expect(error.code, code).toBe('request/ground-not-allowed');
      expect(error.message).toMatch(
        new RegExp(`^${code} cannot be raised against a request for mutual legal assistance on the UN basis: `),
      );
      expect(error.message).toContain('UN Convention against Cybercrime art. 40(21)(a) [unverified]');
    }
  });

  it('rejects a code that is no ground at all', () => {
    const error = errorOf(() => act(assessing, 'refuse', grounds('ESSENTIAL_INTERESTS', 'MADE_UP')));
    expect(error.code).toBe('request/refusal-grounds-invalid');
    expect(error.message).toBe('MADE_UP: no such ground');
  });

  it('keeps the dual-criminality reservation to preservation and the de minimis ground to assets', () => {
    expect(
      act(
        { type: 'PRESERVATION_42', state: 'TRIAGE', direction: 'incoming' },
        'refuse',
        grounds('DC_RESERVATION_PRESERVATION'),
      ).to,
    ).toBe('REFUSED');
    expect(
      errorOf(() =>
        act(
          { type: 'PRESERVATION_42', state: 'TRIAGE', direction: 'incoming' },
          'refuse',
          grounds('NO_DUAL_CRIMINALITY'),
        ),
      ).code,
    ).toBe('request/ground-not-allowed');
    expect(
      act(
        { type: 'FREEZE_CONFISCATE_50', state: 'CONSULTATION', direction: 'incoming', consultationRecorded: true },
        'refuse',
        grounds('DE_MINIMIS'),
      ).to,
    ).toBe('REFUSED');
  });

  it('postpones only on the postponement ground', () => {
    expect(act(assessing, 'postpone', grounds('INTERFERES_WITH_PROCEEDINGS')).to).toBe('POSTPONED');
    expect(errorOf(() => act(assessing, 'postpone', grounds('ESSENTIAL_INTERESTS'))).code).toBe(
      'request/ground-not-allowed',
    );
    expect(errorOf(() => act(assessing, 'postpone', { reasonCodes: ['INTERFERES_WITH_PROCEEDINGS'] })).code).toBe(
      'request/refusal-grounds-invalid',
    );
  });

  it('guards withholding a traffic path and lifting a freeze the same way', () => {
    const withheld = errorOf(() =>
      act(
        { type: 'TRAFFIC_PATH_43', state: 'DISCLOSURE_DRAFTED', direction: 'outgoing' },
        'withhold',
        grounds('BANK_SECRECY'),
      ),
    );
    expect(withheld.code).toBe('request/ground-not-allowed');
    expect(withheld.message).toContain('art. 43(2)');
    expect(
      act(
        { type: 'TRAFFIC_PATH_43', state: 'DISCLOSURE_DRAFTED', direction: 'outgoing' },
        'withhold',
        grounds('ESSENTIAL_INTERESTS'),
      ).to,
    ).toBe('WITHHELD');
    const hearing = { type: 'FREEZE_CONFISCATE_50', state: 'REQUESTER_HEARD', direction: 'incoming' } as const;
    expect(errorOf(() => act(hearing, 'lift', {})).code).toBe('request/refusal-grounds-invalid');
    expect(act(hearing, 'lift', grounds('INSUFFICIENT_EVIDENCE_TIMELY')).to).toBe('LIFTED');
  });

  /**
   * Every refusal-like transition of every type: the never-alone grounds the UN basis allows for the
   * type fail alone and pass with another allowed ground; where the type allows none of them, they fail
   * as grounds the rule does not allow.
   */
  const refusals = requestTypeCodes.flatMap((type) =>
    machineFor(type)
      .transitions.filter((t) => t.guards.includes('refusal-grounds') && !t.guards.includes('nationality-refusal'))
      .map((t) => ({ type, action: t.action, state: t.from[0]!, by: t.by })),
  );

  it('holds for every refusal of every type (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...refusals),
        fc.subarray(['FISCAL_MATTER', 'BANK_SECRECY'], { minLength: 1 }),
        fc.nat(),
        ({ type, action, state, by }, chosen, pick) => {
          const direction = by === 'requested' ? 'incoming' : 'outgoing';
          const input = { type, state, direction, consultationRecorded: true } as const;
          const offered = groundsFor(type, 'UN', 'refuse').map((g) => g.definition);
          const sole = chosen.filter((code) => offered.some((d) => d.code === code));
          if (sole.length < chosen.length) {
            expect(errorOf(() => act(input, action, grounds(...chosen))).code).toBe('request/ground-not-allowed');
          }
          if (sole.length === 0) return;
          expect(errorOf(() => act(input, action, grounds(...sole))).code).toBe('request/forbidden-sole-ground');
          const allowed = offered.filter((d) => d.forbiddenAsSoleGround !== true);
          const extra = allowed[pick % allowed.length]!.code;
          expect(act(input, action, grounds(...sole, extra)).from).toBe(state);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('consultation before refusal or postponement', () => {
  const assessing = (type: RequestTypeCode, legalBasis: LegalBasis) =>
    ({ type, legalBasis, state: 'UNDER_ASSESSMENT', direction: 'incoming' }) as const;

  it('is required for UN-basis MLA, real-time and asset requests', () => {
    for (const type of [
      'MLA_40',
      'STORED_DATA_44',
      'JIT_48',
      'OTHER_ASSISTANCE',
      'REALTIME_TRAFFIC_45',
      'INTERCEPTION_46',
      'FREEZE_CONFISCATE_50',
      'RETURN_52',
    ] as const) {
      const error = errorOf(() => act(assessing(type, 'UN'), 'refuse', grounds('ESSENTIAL_INTERESTS')));
      expect(error.code, type).toBe('request/consultation-required');
      expect(error.message).toContain('art. 40(27)');
      expect(error.message).toContain('open-consultation');
    }
    expect(errorOf(() => act(assessing('MLA_40', 'UN'), 'postpone', grounds('INTERFERES_WITH_PROCEEDINGS'))).code).toBe(
      'request/consultation-required',
    );
  });

  it('is checked before the grounds', () => {
    expect(errorOf(() => act(assessing('MLA_40', 'UN'), 'refuse', {})).code).toBe('request/consultation-required');
  });

  it('is satisfied once open-consultation was recorded', () => {
    const opened = act(assessing('MLA_40', 'UN'), 'open-consultation', {
      information: 'We intend to refuse unless you narrow the request',
    });
    expect(opened).toMatchObject({ to: 'CONSULTATION', recordsConsultation: true, response: 'CONSULTATION' });
    const consulted = { ...assessing('MLA_40', 'UN'), state: opened.to, consultationRecorded: true };
    expect(act(consulted, 'refuse', grounds('ESSENTIAL_INTERESTS')).to).toBe('REFUSED');
    expect(act(consulted, 'postpone', grounds('INTERFERES_WITH_PROCEEDINGS')).to).toBe('POSTPONED');
  });

  it.each(['BILATERAL', 'BUDAPEST', 'RECIPROCITY'] as const)('is not required for MLA on the %s basis', (basis) => {
    expect(act(assessing('MLA_40', basis), 'refuse', grounds('ESSENTIAL_INTERESTS')).to).toBe('REFUSED');
    expect(act(assessing('MLA_40', basis), 'postpone', grounds('INTERFERES_WITH_PROCEEDINGS')).to).toBe('POSTPONED');
  });

  it('is not required to refuse preservation', () => {
    expect(
      act({ type: 'PRESERVATION_42', state: 'TRIAGE', direction: 'incoming' }, 'refuse', grounds('ESSENTIAL_INTERESTS'))
        .to,
    ).toBe('REFUSED');
  });

  it.each(['UN', 'BILATERAL', 'RECIPROCITY'] as const)(
    'is always required for extradition, here on the %s basis',
    (basis) => {
      for (const type of ['EXTRADITION_37', 'PROVISIONAL_ARREST_37'] as const) {
        const error = errorOf(() => act(assessing(type, basis), 'refuse', grounds('DISCRIMINATORY_PURPOSE')));
        expect(error.code).toBe('request/consultation-required');
        expect(error.message).toContain('art. 37(17)');
        expect(
          errorOf(() => act(assessing(type, basis), 'refuse-on-nationality', grounds('NATIONALITY_AUT_DEDERE'))).code,
        ).toBe('request/consultation-required');
        expect(
          act({ ...assessing(type, basis), consultationRecorded: true }, 'refuse', grounds('DISCRIMINATORY_PURPOSE'))
            .to,
        ).toBe('REFUSED');
      }
    },
  );

  it('is not required for extradition on the Budapest basis, which leaves it to the requested Party\u2019s law', () => {
    expect(act(assessing('EXTRADITION_37', 'BUDAPEST'), 'refuse', grounds('REQUESTED_STATE_LAW')).to).toBe('REFUSED');
  });
});
