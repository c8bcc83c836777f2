import { DomainError } from '../errors/domain-error.js';
import { fourEyesAllows, requireFourEyes } from '../lifecycle/four-eyes.js';
import { budapestCite } from './budapest-citations.js';
import { groundRuleSources, groundsFor, type GroundOptions } from './ground-rules.js';
import { citeLegalSource, type LegalBasis, type LegalSource } from './legal-source.js';
import type { GuardId } from './machines/state-machine.js';
import { extraditionThresholdYears } from './offences.js';
import { providerObjectionCodes, reasonCodeCatalogue } from './reason-codes.js';
import type { RequestSnapshot, TransitionActor, TransitionPayload } from './request-snapshot.js';
import { requestTypes, validateRequestDetails } from './types/registry.js';
import { unCite } from './un-numbering.js';

/** Art. 42(7): preservation lasts at least 60 days so the MLA request can follow. */
export const minimumPreservationDays = 60;

export interface GuardContext {
  readonly request: RequestSnapshot;
  readonly actor: TransitionActor;
  readonly payload: TransitionPayload;
  readonly now: Date;
  /** The node's legal settings: the grounds of its bilateral treaties. */
  readonly grounds?: GroundOptions;
}

const cite = (sources: readonly LegalSource[]): string => sources.map(citeLegalSource).join('; ');

/** Reasons for every refusal or postponement: UN art. 40(24), Budapest art. 27(7). */
const reasonsRule = (basis: LegalBasis): LegalSource =>
  basis === 'BUDAPEST' ? budapestCite.mla.reasons : unCite.mla.reasonsForRefusal;

function checkGrounds(context: GuardContext, purpose: 'refuse' | 'postpone'): void {
  const { request, payload } = context;
  const codes = payload.reasonCodes ?? [];
  const allowed = groundsFor(request.type, request.legalBasis, purpose, context.grounds).map((g) => g.definition.code);
  if (codes.length === 0 || blank(payload.reasons)) {
    throw new DomainError(
      'request/refusal-grounds-invalid',
      `a ${purpose === 'refuse' ? 'refusal' : 'postponement'} needs at least one ` +
        `reason code and reasons in words (${citeLegalSource(reasonsRule(request.legalBasis))})`,
      {
        issues: [
          ...(codes.length === 0
            ? [{ path: '/payload/reasonCodes', message: `choose from ${allowed.join(', ')}` }]
            : []),
          ...(blank(payload.reasons) ? [{ path: '/payload/reasons', message: 'give the reasons in words' }] : []),
        ],
      },
    );
  }
  const unknown = codes.filter((code) => !reasonCodeCatalogue.has(code));
  if (unknown.length > 0) {
    throw new DomainError('request/refusal-grounds-invalid', `${unknown.join(', ')}: no such ground`, {
      issues: [{ path: '/payload/reasonCodes', message: `allowed: ${allowed.join(', ')}` }],
    });
  }
  const notAllowed = codes.filter((code) => !allowed.includes(code));
  if (notAllowed.length > 0) {
    const rules = cite(groundRuleSources(request.type, request.legalBasis, purpose));
    throw new DomainError(
      'request/ground-not-allowed',
      `${notAllowed.join(', ')} cannot be raised against a ${requestTypes[request.type].title.en.toLowerCase()} ` +
        `on the ${request.legalBasis} basis: ` +
        (rules === '' ? 'no rule allows any ground' : `${rules} allow(s) only ${allowed.join(', ')}`),
      { issues: [{ path: '/payload/reasonCodes', message: `allowed: ${allowed.join(', ')}` }] },
    );
  }
  const chosen = groundsFor(request.type, request.legalBasis, purpose, context.grounds).filter((g) =>
    codes.includes(g.definition.code),
  );
  if (chosen.every((g) => g.definition.forbiddenAsSoleGround === true)) {
    const cites = [...new Set(chosen.map((g) => citeLegalSource(g.legalSource)))].join('; ');
    throw new DomainError(
      'request/forbidden-sole-ground',
      `${codes.join(' and ')} can never be the sole ground (${cites})`,
      {
        issues: [{ path: '/payload/reasonCodes', message: 'add a ground the legal basis allows' }],
      },
    );
  }
}

/**
 * Art. 37(1) (and Budapest art. 24(1)(a)): extradition needs at least one year's maximum under the
 * law of both States. The requesting State's is in the request; the requested State states its own
 * when it accepts (or the request already carried it).
 */
function checkThresholdInBothStates({ request, payload }: GuardContext): void {
  const source = request.legalBasis === 'BUDAPEST' ? budapestCite.extradition.scope : unCite.extradition.scope;
  const stated = payload.requestedStateMaxPenaltyYears ?? request.details['requestedStateMaxPenaltyYears'];
  if (typeof stated !== 'number') {
    throw new DomainError(
      'request/threshold-unknown',
      `state the maximum penalty for the conduct under this State's law before ` +
        `accepting: extradition needs at least ${extraditionThresholdYears} year ` +
        `in both States (${citeLegalSource(source)})`,
      { issues: [{ path: '/payload/requestedStateMaxPenaltyYears', message: 'required' }] },
    );
  }
  const requesting = request.details['maxPenaltyYears'];
  const below = [
    ...(typeof requesting === 'number' && requesting < extraditionThresholdYears
      ? [{ state: 'the requesting', path: '/details/maxPenaltyYears' }]
      : []),
    ...(stated < extraditionThresholdYears
      ? [{ state: 'the requested', path: '/payload/requestedStateMaxPenaltyYears' }]
      : []),
  ];
  if (below.length > 0) {
    throw new DomainError(
      'request/below-extradition-threshold',
      `the maximum penalty under the law of ${below.map((b) => b.state).join(' and ')} State is below ` +
        `${extraditionThresholdYears} year (${citeLegalSource(source)})`,
      { issues: below.map((b) => ({ path: b.path, message: `at least ${extraditionThresholdYears}` })) },
    );
  }
}

/**
 * UN-basis MLA and every extradition but a Budapest one: consult before refusing or postponing
 * (Arts 37, 40). Budapest art. 24 leaves extradition to the requested Party's law and treaties.
 */
function consultationNeeded(request: RequestSnapshot): boolean {
  const family = requestTypes[request.type].family;
  if (family === 'extradition') return request.legalBasis !== 'BUDAPEST';
  return request.legalBasis === 'UN' && (family === 'mla' || family === 'realtime' || family === 'asset');
}

/** Whitespace is not a reason: the guards hold even for callers that skip the payload schema. */
const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

function iso(value: string | undefined): number {
  return value === undefined ? Number.NaN : Date.parse(value);
}

/**
 * The guards whose outcome depends only on who acts, not on the payload the action will carry:
 * those can be decided before the officer clicks. The others (grounds, dates...) are checked on submit.
 */
export function actorPassesGuards(ids: readonly GuardId[], request: RequestSnapshot, actor: TransitionActor): boolean {
  return ids.every((id) => id !== 'four-eyes' || fourEyesAllows(request, actor));
}

/** The request guards the kernel's planner runs, by id. */
export const requestGuards: Readonly<Record<GuardId, (context: GuardContext) => void>> = {
  'details-complete': ({ request }) => {
    const validation = validateRequestDetails(request.type, request.legalBasis, request.details);
    const issues = validation.ok ? validation.missing : validation.issues;
    if (issues.length > 0) {
      throw new DomainError(
        'request/incomplete',
        `the request is not complete: ${issues.length} field(s) missing or wrong`,
        { issues },
      );
    }
  },
  'four-eyes': ({ request, actor }) =>
    requireFourEyes(request, actor, {
      code: 'request/four-eyes',
      detail: 'whoever drafted or submitted a request cannot approve it: a second officer must',
    }),
  'refusal-grounds': (context) => checkGrounds(context, 'refuse'),
  'postponement-grounds': (context) => checkGrounds(context, 'postpone'),
  'consultation-before-refusal': ({ request }) => {
    if (consultationNeeded(request) && !request.consultationRecorded) {
      const source =
        requestTypes[request.type].family === 'extradition' ? unCite.extradition.consultation : unCite.mla.consultation;
      throw new DomainError(
        'request/consultation-required',
        `consult the requesting State before refusing or postponing (${citeLegalSource(source)}); ` +
          `use open-consultation first`,
      );
    }
  },
  'conditions-present': ({ payload }) => {
    if ((payload.conditions ?? []).length === 0) {
      throw new DomainError('request/conditions-required', 'state at least one condition', {
        issues: [{ path: '/payload/conditions', message: 'at least one condition' }],
      });
    }
  },
  // The date comes from the provider's confirmation on a domestic order, which its own rules bound
  // (never after the order's period); here it must simply be a date still to come.
  'preserved-until-given': ({ payload, now }) => {
    const until = iso(payload.preservedUntil);
    if (Number.isNaN(until) || until <= now.getTime()) {
      throw new DomainError('request/preservation-date-invalid', 'a preservation is confirmed until a date to come', {
        issues: [{ path: '/payload/preservedUntil', message: 'a future date-time with its zone' }],
      });
    }
  },
  'preservation-recorded': ({ request, now }) => {
    if (request.preservedUntil === null || iso(request.preservedUntil) <= now.getTime()) {
      throw new DomainError(
        'request/nothing-preserved',
        'no provider has confirmed the data preserved: there is no preservation ' +
          'to continue; wait for a domestic order to be confirmed, or withdraw',
      );
    }
  },
  'no-provider-claim': ({ payload }) => {
    const claimed = (payload.reasonCodes ?? []).filter((code) =>
      (providerObjectionCodes as readonly string[]).includes(code),
    );
    if (claimed.length > 0) {
      throw new DomainError(
        'request/recorded-by-order',
        `${claimed.join(', ')} is the service provider\u2019s answer to a domestic ` +
          `order: it reaches the request from the order (the provider\u2019s objection, ` +
          `or an officer\u2019s recorded answer at POST /api/v1/orders/{orderId}/provider-answers), never by hand`,
        { issues: [{ path: '/payload/reasonCodes', message: `not ${claimed.join(', ')}` }] },
      );
    }
  },
  'no-open-orders': ({ request }) => {
    if (request.openOrders > 0) {
      throw new DomainError(
        'request/orders-pending',
        `${request.openOrders} domestic order(s) made for this request still wait ` +
          `on their provider: execution is not complete`,
      );
    }
  },
  'authorised-period': ({ payload, now }) => {
    const start = iso(payload.authorisedStart);
    const end = iso(payload.authorisedEnd);
    if (Number.isNaN(start) || Number.isNaN(end) || start >= end || end <= now.getTime()) {
      throw new DomainError(
        'request/invalid-period',
        'give the authorised start and end, the end after the start and in the future',
        {
          issues: [{ path: '/payload/authorisedEnd', message: 'after authorisedStart and in the future' }],
        },
      );
    }
  },
  'nationality-refusal': ({ payload }) => {
    if (!(payload.reasonCodes ?? []).includes('NATIONALITY_AUT_DEDERE')) {
      throw new DomainError('request/refusal-grounds-invalid', 'this refusal must cite NATIONALITY_AUT_DEDERE', {
        issues: [{ path: '/payload/reasonCodes', message: 'include NATIONALITY_AUT_DEDERE' }],
      });
    }
  },
  'linked-request': ({ payload }) => {
    if (payload.linkedRequestId === undefined) {
      throw new DomainError('request/link-required', 'name the linked request', {
        issues: [{ path: '/payload/linkedRequestId', message: 'required' }],
      });
    }
  },
  'third-state': ({ payload }) => {
    if (payload.thirdState === undefined) {
      throw new DomainError('request/link-required', 'name the third State', {
        issues: [{ path: '/payload/thirdState', message: 'required' }],
      });
    }
  },
  'extradition-threshold': checkThresholdInBothStates,
  'information-text': ({ payload }) => {
    if (blank(payload.information) && blank(payload.reasons)) {
      throw new DomainError('request/information-required', 'write the information or reasons this step carries', {
        issues: [{ path: '/payload/information', message: 'required' }],
      });
    }
  },
};
