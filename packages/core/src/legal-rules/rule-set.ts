import { orderDeadlineRules } from '../providers/order-deadlines.js';
import { orderStates, orderTransitions } from '../providers/order.machine.js';
import { defaultOrderDeadlineSettings, orderTypes } from '../providers/order-types.js';
import { deadlineRules, defaultDeadlineSettings } from '../requests/deadlines/deadline-rules.js';
import { defaultBilateralGrounds, groundRules, reciprocityGrounds } from '../requests/ground-rules.js';
import { extraditionThresholdYears, offenceCatalogue, seriousCrimeThresholdYears } from '../requests/offences.js';
import { reasonCodeCatalogue } from '../requests/reason-codes.js';
import type { RequestSnapshot } from '../requests/request-snapshot.js';
import {
  countryProfileCatalogue,
  deadlineRuleCatalogue,
  requestTypeCatalogue,
  stateMachineCatalogue,
} from '../requests/reference-catalogues.js';
import { minimumPreservationDays } from '../requests/transition-guards.js';
import type { JsonValue } from '../support/canonical-json.js';
import { allLegalSources } from './legal-sources.js';

/**
 * The version of the legal rules this build applies. Each request records the version it was made
 * under, and its envelopes carry it. Any change to the rule data below needs a new version: a test
 * pins the digest of `legalRuleData()` to this value.
 */
export const ruleSetVersion = '2026.12.3';

/** Clocks whose due time is computed: evaluated once on a fixed request, so a changed number shows. */
function computedDurations(): JsonValue {
  return deadlineRules.flatMap((rule) => {
    if (typeof rule.due !== 'function') return [];
    const type = rule.appliesTo === 'all' ? 'MLA_40' : (rule.appliesTo[0] ?? 'MLA_40');
    const request: RequestSnapshot = {
      id: 'rule-set',
      type,
      direction: 'incoming',
      state: 'RECEIVED',
      legalBasis: 'UN',
      details: {},
      emergency: false,
      urgent: false,
      draftedBy: [],
      preservedUntil: null,
      openOrders: 0,
      consultationRecorded: false,
    };
    return [{ id: rule.id, due: rule.due(defaultDeadlineSettings, request) }];
  });
}

const plain = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

/**
 * All legal rule data as plain JSON: the catalogues the API publishes, the ground rules keyed by
 * instrument and article, the thresholds, the provider orders, and every legal source with its
 * verification. Functions are not data; the numbers they compute are included where they are rules.
 */
export function legalRuleData(): JsonValue {
  return plain({
    requestTypes: requestTypeCatalogue(),
    stateMachines: stateMachineCatalogue(),
    deadlineRules: deadlineRuleCatalogue(),
    deadlineDurations: computedDurations(),
    deadlineDefaults: defaultDeadlineSettings,
    reasonCodes: [...reasonCodeCatalogue.values()],
    groundRules,
    defaultBilateralGrounds,
    reciprocityGrounds,
    countryProfiles: countryProfileCatalogue(),
    offences: offenceCatalogue,
    thresholds: { seriousCrimeThresholdYears, extraditionThresholdYears, minimumPreservationDays },
    orderTypes,
    orderStates,
    orderTransitions,
    orderDeadlineRules,
    orderDefaults: defaultOrderDeadlineSettings,
    legalSources: allLegalSources(),
  });
}
