import { onwardTransferRule } from '../evidence/onward-transfer.js';
import { orderDeadlineRules } from '../providers/order-deadlines.js';
import { orderTransitions } from '../providers/order.machine.js';
import { orderClockSource, orderTypes } from '../providers/order-types.js';
import { budapestCite } from '../requests/budapest-citations.js';
import { countryProfiles } from '../requests/country-profiles.js';
import { deadlineRules, legalClockNote } from '../requests/deadlines/deadline-rules.js';
import { bilateralGroundSource, groundRules, reciprocityGroundSource } from '../requests/ground-rules.js';
import { instruments, type LegalSource } from '../requests/legal-source.js';
import { stateMachines } from '../requests/machines/registry.js';
import { offenceCatalogue, seriousCrimeSource } from '../requests/offences.js';
import { conditionSources } from '../requests/responses.js';
import { requestTypes } from '../requests/types/registry.js';
import { unCite } from '../requests/un-numbering.js';

/** Every catalogue of the product that holds legal sources, by name. */
export const legalCatalogues: Readonly<Record<string, unknown>> = {
  requestTypes,
  stateMachines,
  groundRules,
  groundSources: { bilateral: bilateralGroundSource, reciprocity: reciprocityGroundSource },
  deadlineRules,
  legalClockNote,
  countryProfiles,
  offences: offenceCatalogue,
  seriousCrime: seriousCrimeSource,
  conditions: conditionSources,
  onwardTransfer: onwardTransferRule,
  orderTypes,
  orderClocks: orderClockSource,
  orderTransitions,
  orderDeadlineRules,
  unCite,
  budapestCite,
};

export interface LocatedSource {
  /** Where the source sits, e.g. requestTypes.PRESERVATION_42.fields[0].legalSource. */
  readonly where: string;
  readonly source: LegalSource;
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

function isLegalSource(value: unknown): value is LegalSource {
  return (
    isPlain(value) &&
    (instruments as readonly unknown[]).includes(value['instrument']) &&
    typeof value['article'] === 'string'
  );
}

function collect(value: unknown, where: string, out: LocatedSource[]): void {
  if (isLegalSource(value)) {
    out.push({ where, source: value });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, `${where}[${i}]`, out));
  } else if (isPlain(value)) {
    // Schemas and functions are not plain objects: only the data is walked.
    for (const [key, item] of Object.entries(value)) collect(item, `${where}.${key}`, out);
  }
}

/**
 * Every legal source the product holds, wherever it sits: request types and their fields, per-basis
 * sources, state machines, grounds, clocks, profiles, offences, conditions, orders, and the citation
 * tables themselves.
 */
export function allLegalSources(): LocatedSource[] {
  const out: LocatedSource[] = [];
  for (const [name, catalogue] of Object.entries(legalCatalogues)) collect(catalogue, name, out);
  return out;
}
