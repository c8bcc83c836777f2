import type { RequestView } from '../api/types.js';
import { asRange, rangeFields, rangeFromApi, rangeToApi } from './date-range.js';
import { identifierFromApi, identifierToApi, type DraftForm, type IdentifierRow } from './draft-validation.js';

/** The form as the API's draft body: empty answers left out, identifiers in the server's shape. */
export function draftDetails(form: DraftForm): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(form.details)) {
    if (rangeFields.has(name)) {
      // A half-typed period is left out of a saved draft rather than refused; the form flags it.
      const range = rangeToApi(asRange(value));
      if (range !== undefined) details[name] = range;
      continue;
    }
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    details[name] =
      name === 'identifiers' && Array.isArray(value)
        ? (value as IdentifierRow[]).map(identifierToApi)
        : typeof value === 'string'
          ? value.trim()
          : value;
  }
  return details;
}

export function draftBody(form: DraftForm): Record<string, unknown> {
  return {
    type: form.type,
    legalBasis: form.legalBasis,
    requestedState: form.requestedState,
    language: form.language,
    priority: form.priority,
    ...(form.emergencyJustification.trim() === ''
      ? {}
      : { emergencyJustification: form.emergencyJustification.trim() }),
    details: draftDetails(form),
  };
}

export function formFromRequest(view: RequestView): DraftForm {
  const identifiers = Array.isArray(view.details['identifiers'])
    ? (view.details['identifiers'] as Record<string, unknown>[]).map(identifierFromApi)
    : undefined;
  // Periods come back as UTC instants; the inputs show them in the officer's local time.
  const ranges = Object.fromEntries(
    Object.entries(view.details)
      .filter(([name]) => rangeFields.has(name))
      .map(([name, value]) => [name, rangeFromApi(value)]),
  );
  return {
    type: view.type,
    requestedState: view.requestedState,
    legalBasis: view.legalBasis,
    language: view.language,
    priority: view.priority,
    emergencyJustification: view.emergencyJustification ?? '',
    details: { ...view.details, ...ranges, ...(identifiers === undefined ? {} : { identifiers }) },
  };
}

export const newDraft: DraftForm = {
  type: 'PRESERVATION_42',
  requestedState: '',
  legalBasis: 'UN',
  language: 'en',
  priority: 'urgent',
  emergencyJustification: '',
  details: {},
};
