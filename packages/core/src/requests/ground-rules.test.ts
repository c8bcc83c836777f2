import { describe, expect, it } from 'vitest';
import { defaultBilateralGrounds, groundRules, groundsFor, groundSource } from './ground-rules.js';
import { citeLegalSource, type LegalBasis } from './legal-source.js';
import { planTransition } from './plan-transition.js';
import { errorOf, snapshot, supervisor, t0, type SnapshotInput } from './request.fixtures.js';
import type { RequestTypeCode } from './request-type-codes.js';

const codes = (type: RequestTypeCode, basis: LegalBasis, bilateralGrounds?: readonly string[]) =>
  groundsFor(type, basis, 'refuse', bilateralGrounds === undefined ? {} : { bilateralGrounds })
    .map((g) => g.definition.code)
    .sort();
const cited = (type: RequestTypeCode, basis: LegalBasis) =>
  Object.fromEntries(groundsFor(type, basis, 'refuse').map((g) => [g.definition.code, citeLegalSource(g.legalSource)]));

const refuse = (input: SnapshotInput, reasonCodes: string[], bilateralGrounds?: readonly string[]) =>
  planTransition(
    snapshot({ direction: 'incoming', consultationRecorded: true, ...input }),
    input.type === 'TRAFFIC_PATH_43' ? 'withhold' : 'refuse',
    { reasonCodes, reasons: 'Set out in the attached note' },
    supervisor,
    t0,
    bilateralGrounds === undefined ? {} : { grounds: { bilateralGrounds } },
  );
const preservation = (legalBasis: LegalBasis) =>
  ({ type: 'PRESERVATION_42', state: 'TRIAGE', legalBasis }) as const satisfies SnapshotInput;

/** Written out from the articles, not derived from the rules under test. */
describe('the grounds each basis allows, by request type', () => {
  it.each([
    ['PRESERVATION_42', 'UN', ['DC_RESERVATION_PRESERVATION', 'DISCRIMINATORY_PURPOSE', 'ESSENTIAL_INTERESTS']],
    ['PRESERVATION_42', 'BUDAPEST', ['DC_RESERVATION_PRESERVATION', 'ESSENTIAL_INTERESTS', 'POLITICAL_OFFENCE']],
    ['TRAFFIC_PATH_43', 'UN', ['DISCRIMINATORY_PURPOSE', 'ESSENTIAL_INTERESTS']],
    ['TRAFFIC_PATH_43', 'BUDAPEST', ['ESSENTIAL_INTERESTS', 'POLITICAL_OFFENCE']],
    [
      'MLA_40',
      'UN',
      [
        'BANK_SECRECY',
        'CONTRARY_LEGAL_SYSTEM',
        'DISCRIMINATORY_PURPOSE',
        'DOMESTIC_LAW_PROHIBITS_SIMILAR',
        'DP_TRANSFER_UNLAWFUL',
        'ESSENTIAL_INTERESTS',
        'FISCAL_MATTER',
        'NONCONFORMING_REQUEST',
        'NO_DUAL_CRIMINALITY',
      ],
    ],
    [
      'INTERCEPTION_46',
      'BUDAPEST',
      ['ESSENTIAL_INTERESTS', 'FISCAL_MATTER', 'NO_DUAL_CRIMINALITY', 'POLITICAL_OFFENCE', 'REQUESTED_STATE_LAW'],
    ],
    [
      'EXTRADITION_37',
      'UN',
      [
        'DISCRIMINATORY_PURPOSE',
        'FISCAL_MATTER',
        'NATIONALITY_AUT_DEDERE',
        'NO_DUAL_CRIMINALITY',
        'REQUESTED_STATE_LAW',
      ],
    ],
    ['EXTRADITION_37', 'BUDAPEST', ['NATIONALITY_AUT_DEDERE', 'NO_DUAL_CRIMINALITY', 'REQUESTED_STATE_LAW']],
    ['PRESERVATION_42', 'RECIPROCITY', ['DISCRIMINATORY_PURPOSE', 'ESSENTIAL_INTERESTS', 'POLITICAL_OFFENCE']],
    ['PRESERVATION_42', 'BILATERAL', ['DISCRIMINATORY_PURPOSE', 'ESSENTIAL_INTERESTS', 'POLITICAL_OFFENCE']],
  ] as const)('%s on the %s basis: %j', (type, basis, expected) => {
    expect(codes(type, basis)).toEqual([...expected].sort());
  });

  it('adds the de minimis and late-evidence grounds of art. 50(7) to freezing and confiscation only', () => {
    expect(cited('FREEZE_CONFISCATE_50', 'UN')).toMatchObject({
      DE_MINIMIS: 'UN Convention against Cybercrime art. 50(7) [unverified]',
      INSUFFICIENT_EVIDENCE_TIMELY: 'UN Convention against Cybercrime art. 50(7) [unverified]',
    });
    expect(codes('RETURN_52', 'UN')).not.toContain('DE_MINIMIS');
  });

  it('never lets data protection or a political offence stop a UN-basis preservation or traffic path', () => {
    for (const rule of groundRules.filter((r) => r.basis === 'UN')) {
      expect(rule.grounds, citeLegalSource(rule.source)).not.toContain('POLITICAL_OFFENCE');
    }
    for (const basis of ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'] as const) {
      expect(codes('PRESERVATION_42', basis)).not.toContain('DP_TRANSFER_UNLAWFUL');
      expect(codes('TRAFFIC_PATH_43', basis)).not.toContain('DP_TRANSFER_UNLAWFUL');
    }
  });

  it('cites each ground to the article of its basis', () => {
    expect(cited('PRESERVATION_42', 'UN')).toEqual({
      ESSENTIAL_INTERESTS: 'UN Convention against Cybercrime art. 42(5) [unverified]',
      DISCRIMINATORY_PURPOSE: 'UN Convention against Cybercrime art. 42(5) [unverified]',
      DC_RESERVATION_PRESERVATION: 'UN Convention against Cybercrime art. 42(4) [unverified]',
    });
    expect(cited('PRESERVATION_42', 'BUDAPEST')).toEqual({
      ESSENTIAL_INTERESTS: 'Budapest Convention art. 29(5)(b)',
      DC_RESERVATION_PRESERVATION: 'Budapest Convention art. 29(4)',
      POLITICAL_OFFENCE: 'Budapest Convention art. 29(5)(a)',
    });
    expect(cited('MLA_40', 'UN')).toMatchObject({
      DISCRIMINATORY_PURPOSE: 'UN Convention against Cybercrime art. 40(22) [unverified]',
      FISCAL_MATTER: 'UN Convention against Cybercrime art. 40(23) [unverified]',
    });
    expect(cited('MLA_40', 'BUDAPEST')).toMatchObject({
      POLITICAL_OFFENCE: 'Budapest Convention art. 27(4)(a)',
      FISCAL_MATTER: 'Budapest Convention art. 25(4)',
    });
    expect(cited('EXTRADITION_37', 'UN')).toMatchObject({
      NATIONALITY_AUT_DEDERE: 'UN Convention against Cybercrime art. 37(11) [unverified]',
      FISCAL_MATTER: 'UN Convention against Cybercrime art. 37(16) [unverified]',
    });
    expect(citeLegalSource(groundSource('POLITICAL_OFFENCE', 'MLA_40', 'BILATERAL')!)).toMatch(/^bilateral treaty: /);
    expect(groundSource('POLITICAL_OFFENCE', 'MLA_40', 'UN')).toBeNull();
  });

  it('postpones on the proceedings ground, cited to the basis', () => {
    const postpone = (basis: LegalBasis) =>
      groundsFor('MLA_40', basis, 'postpone').map((g) => [g.definition.code, citeLegalSource(g.legalSource)]);
    expect(postpone('UN')).toEqual([
      ['INTERFERES_WITH_PROCEEDINGS', 'UN Convention against Cybercrime art. 40(26) [unverified]'],
    ]);
    expect(postpone('BUDAPEST')).toEqual([['INTERFERES_WITH_PROCEEDINGS', 'Budapest Convention art. 27(5)']]);
    expect(groundsFor('PRESERVATION_42', 'UN', 'postpone')).toEqual([]);
  });
});

describe('refusing on a ground the basis does not allow', () => {
  it('rejects a UN-basis preservation refused for a political offence, naming the rule', () => {
    const error = errorOf(() => refuse(preservation('UN'), ['POLITICAL_OFFENCE']));
    expect(error.code).toBe('request/ground-not-allowed');
    expect(error.message).toBe(
      'POLITICAL_OFFENCE cannot be raised against a request for expedited preservation ' +
        'of stored electronic data on the UN basis: ' +
        ('UN Convention against Cybercrime art. 42(4) [unverified]; UN Convention ' +
          'against Cybercrime art. 42(5) [unverified] ') +
        'allow(s) only ESSENTIAL_INTERESTS, DISCRIMINATORY_PURPOSE, DC_RESERVATION_PRESERVATION',
    );
    expect(error.issues).toEqual([
      {
        path: '/payload/reasonCodes',
        message: 'allowed: ESSENTIAL_INTERESTS, DISCRIMINATORY_PURPOSE, DC_RESERVATION_PRESERVATION',
      },
    ]);
  });

  it('rejects data protection against a preservation, on any basis', () => {
    for (const basis of ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'] as const) {
      expect(errorOf(() => refuse(preservation(basis), ['DP_TRANSFER_UNLAWFUL'])).code, basis).toBe(
        'request/ground-not-allowed',
      );
    }
  });

  it('accepts the political-offence ground on the Budapest basis, where art. 29(5)(a) allows it', () => {
    expect(refuse(preservation('BUDAPEST'), ['POLITICAL_OFFENCE']).to).toBe('REFUSED');
    const traffic = { type: 'TRAFFIC_PATH_43', state: 'DISCLOSURE_DRAFTED', direction: 'outgoing' } as const;
    expect(refuse({ ...traffic, legalBasis: 'BUDAPEST' }, ['POLITICAL_OFFENCE']).to).toBe('WITHHELD');
    expect(errorOf(() => refuse({ ...traffic, legalBasis: 'UN' }, ['POLITICAL_OFFENCE'])).message).toContain(
      'art. 43(2)',
    );
  });

  it('keeps fiscal offences from standing alone under Budapest art. 25(4)', () => {
    const mla = { type: 'MLA_40', state: 'UNDER_ASSESSMENT', legalBasis: 'BUDAPEST' } as const;
    const error = errorOf(() => refuse(mla, ['FISCAL_MATTER']));
    expect(error.code).toBe('request/forbidden-sole-ground');
    expect(error.message).toContain('Budapest Convention art. 25(4)');
    expect(refuse(mla, ['FISCAL_MATTER', 'POLITICAL_OFFENCE']).to).toBe('REFUSED');
  });

  it('applies the grounds the node lists for its bilateral treaties, within each ground\u2019s scope', () => {
    const mla = { type: 'MLA_40', state: 'UNDER_ASSESSMENT', legalBasis: 'BILATERAL' } as const;
    expect(refuse(mla, ['POLITICAL_OFFENCE']).to).toBe('REFUSED');
    const error = errorOf(() => refuse(mla, ['POLITICAL_OFFENCE'], ['ESSENTIAL_INTERESTS']));
    expect(error.code).toBe('request/ground-not-allowed');
    expect(error.message).toContain('bilateral treaty: the treaty in force between the two States');
    expect(refuse(mla, ['ESSENTIAL_INTERESTS'], ['ESSENTIAL_INTERESTS']).to).toBe('REFUSED');
    // A bilateral list cannot widen a preservation's narrow grounds.
    expect(codes('PRESERVATION_42', 'BILATERAL', ['NO_DUAL_CRIMINALITY', 'ESSENTIAL_INTERESTS'])).toEqual([
      'ESSENTIAL_INTERESTS',
    ]);
    expect(defaultBilateralGrounds).not.toContain('FISCAL_MATTER');
  });

  it('offers under reciprocity neither a convention reservation nor the never-alone grounds', () => {
    expect(codes('PRESERVATION_42', 'RECIPROCITY')).not.toContain('DC_RESERVATION_PRESERVATION');
    expect(codes('MLA_40', 'RECIPROCITY')).not.toContain('FISCAL_MATTER');
    expect(codes('MLA_40', 'RECIPROCITY')).toContain('POLITICAL_OFFENCE');
  });
});
