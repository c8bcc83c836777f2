import { budapestCite } from './budapest-citations.js';
import type { LegalBasis, LegalSource } from './legal-source.js';
import {
  assistanceRequestTypes,
  groundTypes,
  reasonCodeCatalogue,
  reasonCodes,
  type ReasonCodeDefinition,
} from './reason-codes.js';
import type { RequestTypeCode } from './request-type-codes.js';
import { unCite } from './un-numbering.js';

export type GroundPurpose = 'refuse' | 'postpone';

/**
 * One article that lets the requested State decline: under this basis, for these request types,
 * these grounds, cited to that article. The grounds a request may meet are the union of the rules
 * of its basis that name its type; nothing else.
 */
export interface GroundRule {
  readonly basis: 'UN' | 'BUDAPEST';
  readonly purpose: GroundPurpose;
  readonly types: readonly RequestTypeCode[];
  readonly grounds: readonly string[];
  readonly source: LegalSource;
}

const rule = (
  basis: GroundRule['basis'],
  types: readonly RequestTypeCode[],
  source: LegalSource,
  grounds: readonly string[],
  purpose: GroundPurpose = 'refuse',
): GroundRule => ({ basis, purpose, types, grounds, source });

const budapestAssistance: readonly RequestTypeCode[] = [...groundTypes.mla, ...groundTypes.realtime];
const unMla = unCite.mla;

export const groundRules: readonly GroundRule[] = [
  // UN Convention: Art. 40 for every request for assistance, Art. 36 for the personal data it moves.
  rule('UN', assistanceRequestTypes, unMla.refusalGrounds.nonConforming, ['NONCONFORMING_REQUEST']),
  rule('UN', assistanceRequestTypes, unMla.refusalGrounds.essentialInterests, ['ESSENTIAL_INTERESTS']),
  rule('UN', assistanceRequestTypes, unMla.refusalGrounds.domesticLawProhibits, ['DOMESTIC_LAW_PROHIBITS_SIMILAR']),
  rule('UN', assistanceRequestTypes, unMla.refusalGrounds.contraryLegalSystem, ['CONTRARY_LEGAL_SYSTEM']),
  rule('UN', assistanceRequestTypes, unMla.nonDiscrimination, ['DISCRIMINATORY_PURPOSE']),
  rule('UN', assistanceRequestTypes, unMla.dualCriminality, ['NO_DUAL_CRIMINALITY']),
  rule('UN', assistanceRequestTypes, unMla.bankSecrecy, ['BANK_SECRECY']),
  rule('UN', assistanceRequestTypes, unMla.fiscalMatters, ['FISCAL_MATTER']),
  rule('UN', assistanceRequestTypes, unCite.dataProtection.transfer, ['DP_TRANSFER_UNLAWFUL']),
  rule('UN', ['FREEZE_CONFISCATE_50'], unCite.assets.refusalOrLifting, ['INSUFFICIENT_EVIDENCE_TIMELY', 'DE_MINIMIS']),
  rule('UN', assistanceRequestTypes, unMla.postponement, ['INTERFERES_WITH_PROCEEDINGS'], 'postpone'),
  // Preservation and the traffic path meet only narrow grounds. The brief (§1.10, §1.11) reads Art. 42
  // as cross-referring to Art. 40's essential-interests and non-discrimination grounds, beside the
  // dual-criminality reservation; the UN text has no political-offence ground, and preserving moves
  // no personal data, so data protection is no ground either.
  rule('UN', groundTypes.preservation, unCite.preservation.dualCriminalityReservation, ['DC_RESERVATION_PRESERVATION']),
  rule('UN', groundTypes.preservation, unCite.preservation.refusalGrounds, [
    'ESSENTIAL_INTERESTS',
    'DISCRIMINATORY_PURPOSE',
  ]),
  rule('UN', groundTypes.trafficPath, unCite.trafficPath.withholding, [
    'ESSENTIAL_INTERESTS',
    'DISCRIMINATORY_PURPOSE',
  ]),
  // Extradition (Art. 37, on the UNCAC art. 44 model): the requested State's law and treaties, the
  // two-State threshold, nationality, non-discrimination; fiscal matters never alone.
  rule('UN', groundTypes.extradition, unCite.extradition.requestedStateLaw, ['REQUESTED_STATE_LAW']),
  rule('UN', groundTypes.extradition, unCite.extradition.scope, ['NO_DUAL_CRIMINALITY']),
  rule('UN', groundTypes.extradition, unCite.extradition.autDedere, ['NATIONALITY_AUT_DEDERE']),
  rule('UN', groundTypes.extradition, unCite.extradition.nonDiscrimination, ['DISCRIMINATORY_PURPOSE']),
  rule('UN', groundTypes.extradition, unCite.extradition.fiscalMatters, ['FISCAL_MATTER']),

  // Budapest Convention: art. 25(4) the requested Party's law and treaties, and never fiscal offences
  // alone; art. 27(4) (where no treaty applies) political offence and essential interests.
  rule('BUDAPEST', budapestAssistance, budapestCite.mla.requestedStateLaw, ['REQUESTED_STATE_LAW']),
  rule('BUDAPEST', budapestAssistance, budapestCite.mla.fiscalOffence, ['FISCAL_MATTER']),
  rule('BUDAPEST', budapestAssistance, budapestCite.mla.dualCriminality, ['NO_DUAL_CRIMINALITY']),
  rule('BUDAPEST', budapestAssistance, budapestCite.mla.politicalOffence, ['POLITICAL_OFFENCE']),
  rule('BUDAPEST', budapestAssistance, budapestCite.mla.essentialInterests, ['ESSENTIAL_INTERESTS']),
  rule('BUDAPEST', budapestAssistance, budapestCite.mla.postponement, ['INTERFERES_WITH_PROCEEDINGS'], 'postpone'),
  rule('BUDAPEST', groundTypes.preservation, budapestCite.preservation.dualCriminalityReservation, [
    'DC_RESERVATION_PRESERVATION',
  ]),
  rule('BUDAPEST', groundTypes.preservation, budapestCite.preservation.politicalOffence, ['POLITICAL_OFFENCE']),
  rule('BUDAPEST', groundTypes.preservation, budapestCite.preservation.essentialInterests, ['ESSENTIAL_INTERESTS']),
  rule('BUDAPEST', groundTypes.trafficPath, budapestCite.trafficPath.politicalOffence, ['POLITICAL_OFFENCE']),
  rule('BUDAPEST', groundTypes.trafficPath, budapestCite.trafficPath.essentialInterests, ['ESSENTIAL_INTERESTS']),
  rule('BUDAPEST', groundTypes.extradition, budapestCite.extradition.requestedStateLaw, ['REQUESTED_STATE_LAW']),
  rule('BUDAPEST', groundTypes.extradition, budapestCite.extradition.scope, ['NO_DUAL_CRIMINALITY']),
  rule('BUDAPEST', groundTypes.extradition, budapestCite.extradition.autDedere, ['NATIONALITY_AUT_DEDERE']),
];

/**
 * A bilateral treaty's grounds are the node's to list (config `legal.bilateralGrounds`). This default
 * is what model treaties on mutual assistance and extradition commonly allow.
 */
export const defaultBilateralGrounds: readonly string[] = [
  'NONCONFORMING_REQUEST',
  'ESSENTIAL_INTERESTS',
  'POLITICAL_OFFENCE',
  'DISCRIMINATORY_PURPOSE',
  'NO_DUAL_CRIMINALITY',
  'DOMESTIC_LAW_PROHIBITS_SIMILAR',
  'REQUESTED_STATE_LAW',
  'NATIONALITY_AUT_DEDERE',
  'DP_TRANSFER_UNLAWFUL',
];

/**
 * Reciprocity: no treaty binds, so the requested State declines on whatever ground its own law
 * gives. Every general ground is offered (each within its scope, so preservation still meets only
 * the narrow ones). A convention's reservation cannot be invoked without the convention, and the
 * rule that fiscal matters and bank secrecy never stand alone comes from treaties: none is offered.
 */
export const reciprocityGrounds: readonly string[] = reasonCodes.filter(
  (code) =>
    !['DC_RESERVATION_PRESERVATION', 'FISCAL_MATTER', 'BANK_SECRECY', 'INTERFERES_WITH_PROCEEDINGS'].includes(code),
);

export const bilateralGroundSource: LegalSource = {
  instrument: 'BILATERAL',
  article: '-',
  note: 'the treaty in force between the two States, as this node lists its grounds',
};
export const reciprocityGroundSource: LegalSource = {
  instrument: 'RECIPROCITY',
  article: '-',
  note: 'no treaty binds: the requested State decides under its own law',
};

export interface GroundOptions {
  /** The grounds of the bilateral treaties this node applies; defaults to `defaultBilateralGrounds`. */
  readonly bilateralGrounds?: readonly string[];
}

export interface AllowedGround {
  readonly definition: ReasonCodeDefinition;
  readonly legalSource: LegalSource;
}

function configured(codes: readonly string[], type: RequestTypeCode, source: LegalSource): AllowedGround[] {
  return codes.flatMap((code) => {
    const definition = reasonCodeCatalogue.get(code);
    return definition !== undefined && definition.scope.includes(type) ? [{ definition, legalSource: source }] : [];
  });
}

/** The grounds a request of this type and basis may be refused (or postponed) on, each with its article. */
export function groundsFor(
  type: RequestTypeCode,
  basis: LegalBasis,
  purpose: GroundPurpose,
  options: GroundOptions = {},
): AllowedGround[] {
  if (basis === 'BILATERAL' || basis === 'RECIPROCITY') {
    const source = basis === 'BILATERAL' ? bilateralGroundSource : reciprocityGroundSource;
    if (purpose === 'postpone') return configured(['INTERFERES_WITH_PROCEEDINGS'], type, source);
    const codes = basis === 'BILATERAL' ? (options.bilateralGrounds ?? defaultBilateralGrounds) : reciprocityGrounds;
    return configured(
      reasonCodes.filter((code) => codes.includes(code) && code !== 'INTERFERES_WITH_PROCEEDINGS'),
      type,
      source,
    );
  }
  const rules = groundRules.filter((r) => r.basis === basis && r.purpose === purpose && r.types.includes(type));
  // Catalogue order, whatever the order of the rules; the first rule naming a ground cites it.
  return reasonCodes.flatMap((code) => {
    const found = rules.find((r) => r.grounds.includes(code));
    const definition = reasonCodeCatalogue.get(code);
    return found === undefined || definition === undefined ? [] : [{ definition, legalSource: found.source }];
  });
}

/** The articles that decide which grounds apply to this type under this basis: what a refusal is held to. */
export function groundRuleSources(type: RequestTypeCode, basis: LegalBasis, purpose: GroundPurpose): LegalSource[] {
  if (basis === 'BILATERAL') return [bilateralGroundSource];
  if (basis === 'RECIPROCITY') return [reciprocityGroundSource];
  const sources = groundRules
    .filter((r) => r.basis === basis && r.purpose === purpose && r.types.includes(type))
    .map((r) => r.source);
  return [...new Set(sources)];
}

/** The article a recorded ground was raised under, for the documents; null for a ground the basis does not know. */
export function groundSource(code: string, type: RequestTypeCode, basis: LegalBasis): LegalSource | null {
  if (basis === 'BILATERAL') return bilateralGroundSource;
  if (basis === 'RECIPROCITY') return reciprocityGroundSource;
  const found = groundRules.find((r) => r.basis === basis && r.types.includes(type) && r.grounds.includes(code));
  return found?.source ?? null;
}
