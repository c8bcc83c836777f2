import { permissionsOf, type Role } from '../auth/roles.js';
import { DomainError } from '../errors/domain-error.js';
import type { DeadlineEffect } from './deadlines/deadline-effects.js';
import type { LegalBasis } from './legal-source.js';
import type { RequestSnapshot, TransitionActor, TransitionPayload } from './request-snapshot.js';
import type { RequestTypeCode } from './request-type-codes.js';
import { msPerHour } from '../support/time-units.js';

/**
 * Test fixtures for the request domain: a complete, valid `details` object per request type,
 * actors, snapshots and payloads that satisfy the transition guards. Written by hand from the
 * Convention's content lists, not derived from the field specs, so a wrong spec shows up.
 */
export type Details = Record<string, unknown>;

export const t0 = new Date('2026-11-02T07:00:00.000Z');
export const addHours = (date: Date, hours: number): Date => new Date(date.getTime() + hours * msPerHour);
/** A day of UTC, which keeps no daylight saving: the tests' own model, kept apart from support/legal-time.ts. */
export const addDays = (date: Date, days: number): Date => addHours(date, days * 24);

const ipAtTime = { kind: 'ip', address: '203.0.113.7', port: 443, observedAt: '2026-10-30T14:03:11+07:00' } as const;
const account = { kind: 'account', service: 'ExampleMail', handle: 'suspect@example.net' } as const;

/** UN art. 40(15)(a)-(f): the content list every MLA-based request carries. */
function mlaContent(): Details {
  return {
    requestingAuthority: 'Supreme People\u2019s Procuracy of Viet Nam',
    subjectMatter: 'Criminal investigation into a ransomware attack on a hospital, conducted by A05',
    factsSummary: 'On 30 October 2026 the hospital\u2019s systems were encrypted and a ransom demanded.',
    assistanceSought: 'Production of subscriber and traffic data held by the provider',
    purpose: 'To identify the persons who controlled the command-and-control server',
  };
}

const realTime = (): Details => ({
  requestingAuthority: 'A05, Ministry of Public Security',
  factsSummary: 'An ongoing extortion campaign controlled from the account below.',
  communications: 'Connections to and from the command server, linked to the extortion e-mails',
  ownerOrLocation: 'Server hosted by a provider in the requested State',
  justification: 'Stored data does not show the live operators; only real-time collection does',
  collectionPeriod: { from: '2026-11-03T00:00:00+07:00', to: '2026-12-03T00:00:00+07:00' },
  periodJustification: 'One month covers the next expected extortion wave',
  identifiers: [ipAtTime],
});

const personSought = { name: 'Nguyen Van A', dateOfBirth: '1990-01-01', nationality: 'VN' };

/** One factory per request type: a complete request under the UN basis. */
export const detailsFactories: Readonly<Record<RequestTypeCode, () => Details>> = {
  PRESERVATION_42: () => ({
    seekingAuthority: 'A05, Ministry of Public Security',
    offenceSummary: 'Illegal access (art. 7) to a bank\u2019s systems on 30 October 2026',
    dataToPreserve: 'Subscriber and traffic data of the account used to log in',
    dataCategories: ['subscriber', 'traffic'],
    custodianOrLocation: 'ExampleMail Inc., data centre in the requested State',
    necessity: 'The provider deletes logs after 30 days',
    mlaWillFollow: true,
    identifiers: [account, ipAtTime],
    contact24x7: 'A05 24/7 desk, +84 24 0000 0000',
  }),
  TRAFFIC_PATH_43: () => ({
    relatedPreservationReference: 'PRES-2026-0042',
    serviceProviderIdentity: 'Transit Networks Ltd',
    serviceProviderCountry: 'SG',
    pathData: 'The connection reached the provider through 198.51.100.23 at 2026-10-30T14:03:11+07:00',
  }),
  MLA_40: () => ({ assistanceTypes: ['taking-evidence', 'records'], ...mlaContent() }),
  STORED_DATA_44: () => ({
    ...mlaContent(),
    dataDescription: 'Content of the mailbox between 1 and 30 October 2026',
    identifiers: [account],
  }),
  REALTIME_TRAFFIC_45: realTime,
  INTERCEPTION_46: () => ({ ...realTime(), domesticAuthorisation: 'Decision 12/2026/QD-VKSTC' }),
  LE_INFO_47: () => ({
    requestingAgency: 'A05, Ministry of Public Security',
    subject: 'Whether the phone number below is known to the police',
    informationSought: 'Records held about the subscriber',
    purpose: 'To decide whether to open an investigation',
  }),
  SPONTANEOUS_40_51: () => ({
    providingAuthority: 'A05, Ministry of Public Security',
    informationProvided: 'A phishing kit hosted in the receiving State targets its banks',
    relevance: 'It may help the receiving State open an investigation',
  }),
  JIT_48: () => ({
    ...mlaContent(),
    memberStates: ['VN', 'SG'],
    duration: { from: '2026-12-01T00:00:00+07:00', to: '2027-06-01T00:00:00+07:00' },
    agreementSummary: 'Joint team of A05 and the SPF led from Ha Noi',
  }),
  FREEZE_CONFISCATE_50: () => ({
    ...mlaContent(),
    measure: 'freeze',
    propertyDescription: '12 BTC in the wallet below',
    propertyLocation: 'Exchange in the requested State',
  }),
  RETURN_52: () => ({
    ...mlaContent(),
    propertyDescription: 'USD 250,000 confiscated',
    confiscationOrderReference: 'Judgment 7/2026/HS-ST',
    returnPurpose: 'compensate-victims',
  }),
  EXTRADITION_37: () => ({
    personSought,
    warrantReference: 'Arrest warrant 3/2026',
    offenceDescription: 'Online fraud (art. 13) against 300 victims',
    maxPenaltyYears: 20,
  }),
  PROVISIONAL_ARREST_37: () => ({
    personSought,
    warrantReference: 'Arrest warrant 3/2026',
    urgency: 'The person is about to leave the requested State',
    extraditionWillFollow: true,
  }),
  OTHER_ASSISTANCE: () => ({ ...mlaContent() }),
};

/** The types whose details carry nothing about the basis itself (no treaty, no assurance). */
export const typesWithoutBasisFields: readonly RequestTypeCode[] = [
  'TRAFFIC_PATH_43',
  'LE_INFO_47',
  'SPONTANEOUS_40_51',
];

const basisExtras: Readonly<Record<LegalBasis, Details>> = {
  UN: {},
  BUDAPEST: {},
  BILATERAL: {
    treatyReference:
      'Treaty on Mutual Legal Assistance in Criminal Matters between Viet Nam and the requested State (2024)',
  },
  RECIPROCITY: { reciprocityAssurance: 'Viet Nam will assist the requested State in a similar case' },
};

export function completeDetails(type: RequestTypeCode, basis: LegalBasis = 'UN'): Details {
  return { ...detailsFactories[type](), ...(typesWithoutBasisFields.includes(type) ? {} : basisExtras[basis]) };
}

export const ids = {
  drafter: 'u-drafter',
  supervisor: 'u-supervisor',
  otherSupervisor: 'u-supervisor-2',
  caOfficer: 'u-ca-officer',
  admin: 'u-admin',
} as const;

export function userActor(userId: string, roles: readonly Role[]): TransitionActor {
  return { kind: 'user', userId, permissions: permissionsOf(roles) };
}

export const drafter = userActor(ids.drafter, ['duty_officer']);
export const supervisor = userActor(ids.supervisor, ['supervisor']);
export const systemActor: TransitionActor = { kind: 'system', userId: null, permissions: new Set() };

export interface SnapshotInput {
  readonly type: RequestTypeCode;
  readonly state: string;
  readonly direction?: 'outgoing' | 'incoming';
  readonly legalBasis?: LegalBasis;
  readonly details?: Details;
  readonly emergency?: boolean;
  readonly urgent?: boolean;
  readonly draftedBy?: readonly string[];
  readonly consultationRecorded?: boolean;
  readonly preservedUntil?: string | null;
  readonly openOrders?: number;
}

/** A request in a given state; complete UN-basis details and drafted by the duty officer unless told. */
export function snapshot(input: SnapshotInput): RequestSnapshot {
  const legalBasis = input.legalBasis ?? 'UN';
  return {
    id: 'req-1',
    type: input.type,
    direction: input.direction ?? 'outgoing',
    state: input.state,
    legalBasis,
    details: input.details ?? completeDetails(input.type, legalBasis),
    emergency: input.emergency ?? false,
    urgent: input.urgent ?? false,
    draftedBy: input.draftedBy ?? [ids.drafter],
    consultationRecorded: input.consultationRecorded ?? false,
    preservedUntil: input.preservedUntil ?? null,
    openOrders: input.openOrders ?? 0,
  };
}

/** One of the node's domestic orders recording its event on the request it executes. */
export const orderActor: TransitionActor = { kind: 'order', userId: null, permissions: new Set() };

/**
 * A payload that carries whatever the named action's guards may ask for, valid at `now`. An officer
 * never sends what only the node writes (a confirmed date, an order's facts); an order and a mirrored
 * partner's act do.
 */
export function payloadFor(action: string, now: Date, from: 'user' | 'node' = 'user'): TransitionPayload {
  const nodeOnly: TransitionPayload =
    from === 'node'
      ? {
          preservedUntil: addDays(now, 90).toISOString(),
          order: { reference: 'XX-ORD-2026-000001', periodEnd: addDays(now, 90).toISOString() },
        }
      : {};
  const code =
    action === 'postpone'
      ? 'INTERFERES_WITH_PROCEEDINGS'
      : action === 'refuse-on-nationality'
        ? 'NATIONALITY_AUT_DEDERE'
        : 'DISCRIMINATORY_PURPOSE';
  return {
    information: 'The information this step carries',
    reasons: 'The reasons, in words',
    reasonCodes: [code],
    conditions: [{ kind: 'CONFIDENTIALITY', text: 'Use only for the investigation named in the request' }],
    ...nodeOnly,
    authorisedStart: now.toISOString(),
    authorisedEnd: addDays(now, 30).toISOString(),
    linkedRequestId: 'req-follow-up-mla',
    thirdState: 'SG',
    requestedStateMaxPenaltyYears: 5,
  };
}

export interface ModelDeadline {
  readonly ruleId: string;
  status: 'open' | 'suspended' | 'met' | 'cancelled';
  dueAt: string;
  warnAt: string;
}

/** The deadline table as the server keeps it: one row per rule, restarted by a new start. */
export function applyDeadlineEffects(model: Map<string, ModelDeadline>, effects: readonly DeadlineEffect[]): void {
  for (const effect of effects) {
    const current = model.get(effect.ruleId);
    if (effect.kind === 'start') {
      model.set(effect.ruleId, { ruleId: effect.ruleId, status: 'open', dueAt: effect.dueAt, warnAt: effect.warnAt });
    } else if (effect.kind === 'close') {
      if (current !== undefined && (current.status === 'open' || current.status === 'suspended')) {
        current.status = effect.outcome;
      }
    } else if (current?.status === 'open') {
      current.status = 'suspended';
    }
  }
}

export function openDeadlines(model: ReadonlyMap<string, ModelDeadline>): string[] {
  return [...model.values()]
    .filter((d) => d.status === 'open')
    .map((d) => d.ruleId)
    .sort();
}

/** The DomainError a call throws; anything else (no error, another error) fails the test. */
export function errorOf(call: () => unknown): DomainError {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}
