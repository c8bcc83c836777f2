import { DomainError } from '../errors/domain-error.js';
import { citeLegalSource, un } from './legal-source.js';
import type { GuardId } from './machines/state-machine.js';
import { providerObjectionCodes, reasonCodeCatalogue, reasonCodesFor } from './reason-codes.js';
import type { RequestSnapshot, TransitionActor, TransitionPayload } from './request-snapshot.js';
import { requestTypes, validateRequestDetails } from './types/registry.js';

/** Art. 42(7): preservation lasts at least 60 days so the MLA request can follow. */
export const minimumPreservationDays = 60;

export interface GuardContext {
  readonly request: RequestSnapshot;
  readonly actor: TransitionActor;
  readonly payload: TransitionPayload;
  readonly now: Date;
}

function checkGrounds(context: GuardContext, purpose: 'refuse' | 'postpone'): void {
  const codes = context.payload.reasonCodes ?? [];
  const allowed = reasonCodesFor(context.request.type, purpose).map((d) => d.code);
  if (codes.length === 0 || blank(context.payload.reasons)) {
    throw new DomainError(
      'request/refusal-grounds-invalid',
      `a ${purpose === 'refuse' ? 'refusal' : 'postponement'} needs at least one reason code and reasons in words (${citeLegalSource(un(40, '23', false))})`,
      {
        issues: [
          ...(codes.length === 0
            ? [{ path: '/payload/reasonCodes', message: `choose from ${allowed.join(', ')}` }]
            : []),
          ...(blank(context.payload.reasons)
            ? [{ path: '/payload/reasons', message: 'give the reasons in words' }]
            : []),
        ],
      },
    );
  }
  const unknown = codes.filter((code) => !allowed.includes(code));
  if (unknown.length > 0) {
    throw new DomainError(
      'request/refusal-grounds-invalid',
      `${unknown.join(', ')} cannot be used for ${requestTypes[context.request.type].title.en}`,
      {
        issues: [{ path: '/payload/reasonCodes', message: `allowed: ${allowed.join(', ')}` }],
      },
    );
  }
  const definitions = codes.map((code) => reasonCodeCatalogue.get(code)).filter((d) => d !== undefined);
  if (definitions.every((d) => d.forbiddenAsSoleGround === true)) {
    const cites = [...new Set(definitions.map((d) => citeLegalSource(d.legalSource)))].join('; ');
    throw new DomainError(
      'request/forbidden-sole-ground',
      `${codes.join(' and ')} can never be the sole ground (${cites})`,
      {
        issues: [{ path: '/payload/reasonCodes', message: 'add a ground the Convention allows' }],
      },
    );
  }
}

/** UN-basis MLA and every extradition: consult before refusing or postponing (Arts 37, 40). */
function consultationNeeded(request: RequestSnapshot): boolean {
  const family = requestTypes[request.type].family;
  if (family === 'extradition') return true;
  return request.legalBasis === 'UN' && (family === 'mla' || family === 'realtime' || family === 'asset');
}

/** Whitespace is not a reason: the guards hold even for callers that skip the payload schema. */
const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

function iso(value: string | undefined): number {
  return value === undefined ? Number.NaN : Date.parse(value);
}

/**
 * Four-eyes: whoever drafted, edited or submitted a request may not approve it. An actor without
 * an id cannot be told apart from a drafter, so is refused too. Shared by the guard and by the
 * list of actions offered to a caller, so a button is never shown that the guard would refuse.
 */
export function fourEyesAllows(
  request: Pick<RequestSnapshot, 'draftedBy'>,
  actor: Pick<TransitionActor, 'userId'>,
): boolean {
  return actor.userId !== null && !request.draftedBy.includes(actor.userId);
}

/**
 * The guards whose outcome depends only on who acts, not on the payload the action will carry:
 * those can be decided before the officer clicks. The others (grounds, dates...) are checked on submit.
 */
export function actorPassesGuards(ids: readonly GuardId[], request: RequestSnapshot, actor: TransitionActor): boolean {
  return ids.every((id) => id !== 'four-eyes' || fourEyesAllows(request, actor));
}

const guards: Record<GuardId, (context: GuardContext) => void> = {
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
  'four-eyes': ({ request, actor }) => {
    if (!fourEyesAllows(request, actor)) {
      throw new DomainError(
        'request/four-eyes',
        'whoever drafted or submitted a request cannot approve it: a second officer must',
      );
    }
  },
  'refusal-grounds': (context) => checkGrounds(context, 'refuse'),
  'postponement-grounds': (context) => checkGrounds(context, 'postpone'),
  'consultation-before-refusal': ({ request }) => {
    if (consultationNeeded(request) && !request.consultationRecorded) {
      const source = requestTypes[request.type].family === 'extradition' ? un(37, '16', false) : un(40, '26', false);
      throw new DomainError(
        'request/consultation-required',
        `consult the requesting State before refusing or postponing (${citeLegalSource(source)}); use open-consultation first`,
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
        'no provider has confirmed the data preserved: there is no preservation to continue; wait for a domestic order to be confirmed, or withdraw',
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
        `${claimed.join(', ')} is the service provider\u2019s answer to a domestic order: it reaches the request from the order (the provider\u2019s objection, or an officer\u2019s recorded answer at POST /api/v1/orders/{orderId}/provider-answers), never by hand`,
        { issues: [{ path: '/payload/reasonCodes', message: `not ${claimed.join(', ')}` }] },
      );
    }
  },
  'no-open-orders': ({ request }) => {
    if (request.openOrders > 0) {
      throw new DomainError(
        'request/orders-pending',
        `${request.openOrders} domestic order(s) made for this request still wait on their provider: execution is not complete`,
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
  'information-text': ({ payload }) => {
    if (blank(payload.information) && blank(payload.reasons)) {
      throw new DomainError('request/information-required', 'write the information or reasons this step carries', {
        issues: [{ path: '/payload/information', message: 'required' }],
      });
    }
  },
};

export function runGuards(ids: readonly GuardId[], context: GuardContext): void {
  for (const id of ids) guards[id](context);
}
