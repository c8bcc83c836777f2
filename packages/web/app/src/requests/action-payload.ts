/**
 * Which payload an action needs, from the guards the server's state machines name, and the
 * checks the desk sees before sending it (the server checks again; this only saves a round trip).
 */
export type PayloadField =
  | 'information'
  | 'reasonCodes'
  | 'reasons'
  | 'conditions'
  | 'authorisedStart'
  | 'authorisedEnd'
  | 'linkedRequestId'
  | 'thirdState'
  | 'requestedStateMaxPenaltyYears';

const fieldsByGuard: Readonly<Record<string, readonly PayloadField[]>> = {
  'information-text': ['information'],
  'refusal-grounds': ['reasonCodes', 'reasons'],
  'postponement-grounds': ['reasonCodes', 'reasons'],
  'conditions-present': ['conditions'],
  'authorised-period': ['authorisedStart', 'authorisedEnd'],
  'linked-request': ['linkedRequestId'],
  'third-state': ['thirdState'],
  'extradition-threshold': ['requestedStateMaxPenaltyYears'],
};

export function payloadFieldsFor(guards: readonly string[]): PayloadField[] {
  return [...new Set(guards.flatMap((g) => fieldsByGuard[g] ?? []))];
}

export const conditionKinds = [
  'CONFIDENTIALITY',
  'USE_LIMITATION',
  'DATA_PROTECTION',
  'COST_SHARING',
  'ONWARD_TRANSFER_AUTH',
] as const;

export interface PayloadDraft {
  readonly information: string;
  readonly reasonCodes: readonly string[];
  readonly reasons: string;
  /** A local date (yyyy-mm-dd) from the date input; sent as the end of that day in the officer's zone. */
  readonly conditionKind: string;
  readonly conditionText: string;
  readonly authorisedStart: string;
  readonly authorisedEnd: string;
  readonly linkedRequestId: string;
  readonly thirdState: string;
  /** Years, as typed: the maximum penalty for the conduct under this State's law (extradition). */
  readonly requestedStateMaxPenaltyYears: string;
  readonly note: string;
}

export const emptyPayload: PayloadDraft = {
  information: '',
  reasonCodes: [],
  reasons: '',
  conditionKind: 'USE_LIMITATION',
  conditionText: '',
  authorisedStart: '',
  authorisedEnd: '',
  linkedRequestId: '',
  thirdState: '',
  requestedStateMaxPenaltyYears: '',
  note: '',
};

/** Error message keys by field; empty when the payload can go. */
export function checkPayload(
  fields: readonly PayloadField[],
  draft: PayloadDraft,
  today: string,
): Partial<Record<PayloadField, string>> {
  const errors: Partial<Record<PayloadField, string>> = {};
  const need = (field: PayloadField, ok: boolean, key = 'validation.required') => {
    if (fields.includes(field) && !ok) errors[field] = key;
  };
  need('information', draft.information.trim() !== '');
  need('reasonCodes', draft.reasonCodes.length > 0, 'validation.reasonCodeRequired');
  need('reasons', draft.reasons.trim() !== '');
  need('conditions', draft.conditionText.trim() !== '');
  need('authorisedStart', /^\d{4}-\d{2}-\d{2}$/.test(draft.authorisedStart));
  need(
    'authorisedEnd',
    /^\d{4}-\d{2}-\d{2}$/.test(draft.authorisedEnd) && draft.authorisedEnd >= draft.authorisedStart,
    'validation.periodOrder',
  );
  // The period ends at the end of that local day: today still counts, yesterday does not.
  if (errors.authorisedEnd === undefined) {
    need('authorisedEnd', draft.authorisedEnd >= today, 'validation.dateInFuture');
  }
  need('linkedRequestId', draft.linkedRequestId.trim() !== '');
  need('thirdState', /^[A-Z]{2}$/.test(draft.thirdState), 'validation.countryCode');
  need(
    'requestedStateMaxPenaltyYears',
    penaltyYears(draft.requestedStateMaxPenaltyYears) !== null,
    'validation.penaltyYears',
  );
  return errors;
}

/** A maximum penalty in years, as the server takes it (0 to 100), or null. */
function penaltyYears(text: string): number | null {
  const years = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(years) && years >= 0 && years <= 100 ? years : null;
}

/** A local calendar date at the end of that day, with the officer's own UTC offset. */
export function endOfLocalDay(date: string): string {
  return new Date(`${date}T23:59:00`).toISOString();
}

/** What the officer typed goes with the language it was typed in (the partner reads it in that language). */
export function buildPayload(
  fields: readonly PayloadField[],
  draft: PayloadDraft,
  language: string,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  if (draft.note.trim() !== '') payload['note'] = draft.note.trim();
  for (const field of fields) {
    if (field === 'conditions') {
      payload['conditions'] = [{ kind: draft.conditionKind, text: draft.conditionText.trim() }];
    } else if (field === 'reasonCodes') payload['reasonCodes'] = [...draft.reasonCodes];
    else if (field === 'requestedStateMaxPenaltyYears') {
      payload[field] = penaltyYears(draft.requestedStateMaxPenaltyYears);
    } else if (field === 'authorisedStart' || field === 'authorisedEnd') {
      payload[field] = endOfLocalDay(draft[field]);
    } else payload[field] = draft[field].trim();
  }
  const typed = ['note', 'information', 'reasons', 'conditions'].some((f) => payload[f] !== undefined);
  if (typed) payload['language'] = language;
  return payload;
}
