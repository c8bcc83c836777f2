import type { CaseInput } from '@hanoi247/core';
import type { Config } from '../config/config.schema.js';

/**
 * Complete, valid request details for the HTTP tests, written by hand from the Convention's
 * content lists (UN arts 40(15), 42(2), 45(3), 46(3)), not derived from the field specs, so a
 * wrong spec shows up as a failing test. Each call returns a fresh object.
 */
export type Details = Record<string, unknown>;

const account = { kind: 'account', service: 'ExampleMail', handle: 'suspect@example.net' } as const;
const ipAtTime = { kind: 'ip', address: '203.0.113.7', port: 443, observedAt: '2026-10-30T14:03:11+07:00' } as const;

/** UN art. 42(2)(a)-(g) plus the G8 checklist: an expedited preservation request. */
export function preservationDetails(): Details {
  return {
    seekingAuthority: 'A05, Ministry of Public Security',
    offenceSummary: 'Illegal access (art. 7) to a bank\u2019s systems on 30 October 2026',
    dataToPreserve: 'Subscriber and traffic data of the account used to log in',
    dataCategories: ['subscriber', 'traffic'],
    custodianOrLocation: 'ExampleMail Inc., data centre in the requested State',
    necessity: 'The provider deletes its logs after 30 days',
    mlaWillFollow: true,
    confidentiality: { requested: true, noUserNotification: true },
    identifiers: [account, ipAtTime],
    contact24x7: 'A05 24/7 desk, +84 24 0000 0000',
  };
}

/** The fields of a preservation request that every basis requires, in declaration order. */
export const preservationRequiredFields = [
  'seekingAuthority',
  'offenceSummary',
  'dataToPreserve',
  'dataCategories',
  'custodianOrLocation',
  'necessity',
  'mlaWillFollow',
  'identifiers',
  'contact24x7',
] as const;

/** UN art. 40(15)(a)-(f): a request for mutual legal assistance under the UN basis. */
export function mlaDetails(): Details {
  return {
    assistanceTypes: ['taking-evidence', 'records'],
    requestingAuthority: 'Bureau de l\u2019entraide pénale internationale',
    subjectMatter: 'Investigation into a ransomware attack on a hospital, conducted by the Paris prosecutor',
    factsSummary: 'On 30 October 2026 the hospital\u2019s systems were encrypted and a ransom demanded.',
    assistanceSought: 'Production of subscriber and traffic data held by a provider in the requested State',
    purpose: 'To identify the persons who controlled the command-and-control server',
  };
}

/** UN art. 45(3)(a)-(f): real-time collection of traffic data. */
export function realtimeTrafficDetails(): Details {
  return {
    requestingAuthority: 'Office anti-cybercriminalité',
    factsSummary: 'An ongoing extortion campaign controlled from the server below.',
    communications: 'Connections to and from the command server, linked to the extortion e-mails',
    ownerOrLocation: 'Server hosted by a provider in the requested State',
    justification: 'Stored data does not show the live operators; only real-time collection does',
    collectionPeriod: { from: '2026-11-03T00:00:00+07:00', to: '2026-12-03T00:00:00+07:00' },
    periodJustification: 'One month covers the next expected extortion wave',
    identifiers: [ipAtTime],
  };
}

/** UN art. 46(3) with the domestic authorisation of art. 30: interception of content data. */
export function interceptionDetails(): Details {
  return {
    ...realtimeTrafficDetails(),
    domesticAuthorisation: 'Ordonnance du juge des libertés 12/2026',
    minimisationNotes: 'Privileged communications are not recorded',
  };
}

/** What a bilateral basis adds to any request that carries basis fields. */
export const treatyReference =
  'Treaty on Mutual Legal Assistance in Criminal Matters between Viet Nam and France (2000)';

/** A case with a Convention offence, a suspect and one protected witness visible to `witnessOfficerIds`. */
export function caseInput(witnessOfficerIds: readonly string[] = []): CaseInput {
  return {
    domesticReference: 'A05-2026-0042',
    title: 'Intrusion into the systems of Ngân hàng Ví dụ',
    summary: 'Accounts of the bank\u2019s customers were accessed from abroad on 30 October 2026.',
    offences: [
      {
        code: 'ART_7',
        domesticProvision: 'Penal Code art. 289',
        statutoryMaxPenaltyYears: 7,
        conductDescription: 'Access to the core banking system with stolen credentials',
      },
    ],
    persons: [
      { role: 'suspect', name: 'Nguyen Van A', nationality: 'VN' },
      {
        role: 'witness',
        name: 'Tran Thi B',
        notes: 'Bank employee who noticed the intrusion',
        protectedWitness: true,
        visibleTo: [...witnessOfficerIds],
      },
    ],
    identifiers: [account],
    jurisdictionBases: ['territory', 'victim-national'],
  };
}

/** For test files that travel months in time: sessions outlive the trip (tests stay about the law). */
export function longSessions(config: Config): Config {
  return {
    ...config,
    session: { ...config.session, idleTimeoutSeconds: 400 * 86_400, absoluteTimeoutSeconds: 400 * 86_400 },
  };
}

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

/** An ISO timestamp `ms` after `from`. */
export const after = (from: Date, ms: number): string => new Date(from.getTime() + ms).toISOString();

/** Views and problems as the tests read them. */
export interface DeadlineView {
  readonly id: string;
  readonly ruleId: string;
  readonly status: string;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly warnAt: string;
}

export interface RequestJson {
  readonly id: string;
  readonly reference: string;
  readonly caseId: string | null;
  readonly type: string;
  readonly direction: 'outgoing' | 'incoming';
  readonly state: string;
  readonly priority: string;
  readonly requestingState: string;
  readonly requestedState: string;
  readonly details: Details;
  readonly version: number;
  readonly createdAt: string;
  readonly availableActions: readonly { readonly action: string; readonly permission: string }[];
  readonly missing: readonly { readonly path: string; readonly message: string }[];
  readonly warnings: readonly string[];
  readonly draftingWarnings: readonly {
    readonly code: string;
    readonly params: Readonly<Record<string, string>>;
    readonly text: { readonly en: string; readonly vi: string };
  }[];
  readonly conditions: readonly { readonly kind: string; readonly text: string; readonly status: string }[];
  readonly deadlines: readonly DeadlineView[];
  readonly links: readonly { readonly toReference: string; readonly kind: string }[];
  readonly assignedTo: string | null;
  readonly assignee: { readonly id: string; readonly displayName: string } | null;
  readonly preservedUntil: string | null;
  readonly preservationOrderedUntil: string | null;
}

export interface TimelineEvent {
  readonly kind: string;
  readonly action: string;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly occurredAt: string;
  readonly payload: Record<string, unknown>;
}

export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly requestId: string;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
}

/** The deadline of a rule that is still running (or the latest one of that rule). */
export function deadlineOf(view: Pick<RequestJson, 'deadlines'>, ruleId: string): DeadlineView | undefined {
  return view.deadlines.filter((d) => d.ruleId === ruleId).at(-1);
}

/** The little of an HTTP answer the helpers read; TestNode's answers have it. */
export interface Reply {
  readonly statusCode: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, unknown>>;
  json<T = unknown>(): T;
}

/** What the helpers need of a node: TestNode fits, without this file depending on the testkit. */
export interface Caller<U> {
  call(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    options?: { as?: U; body?: unknown; headers?: Record<string, string> },
  ): Promise<Reply>;
}

async function expectStatus<T>(reply: Promise<Reply>, status: number, what: string): Promise<T> {
  const answer = await reply;
  if (answer.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${answer.statusCode} ${answer.body}`);
  }
  return answer.json<T>();
}

/** Request calls as officers make them; the helpers that return a body insist on success. */
export function requestApi<U>(node: Caller<U>) {
  const act = (as: U, id: string, action: string, payload: Record<string, unknown> = {}) =>
    node.call('POST', `/api/v1/requests/${id}/transitions`, { as, body: { action, payload } });
  return {
    act,
    /** Applies an action that must succeed. */
    move: (as: U, id: string, action: string, payload: Record<string, unknown> = {}) =>
      expectStatus<RequestJson>(act(as, id, action, payload), 200, action),
    draft: (as: U, body: Record<string, unknown>) =>
      expectStatus<RequestJson>(node.call('POST', '/api/v1/requests', { as, body }), 201, 'draft'),
    receive: (as: U, body: Record<string, unknown>) =>
      expectStatus<RequestJson>(node.call('POST', '/api/v1/requests/incoming', { as, body }), 201, 'record incoming'),
    view: (as: U, id: string, headers: Record<string, string> = {}) =>
      expectStatus<RequestJson>(node.call('GET', `/api/v1/requests/${id}`, { as, headers }), 200, 'view'),
    timeline: async (as: U, id: string) =>
      (
        await expectStatus<{ events: TimelineEvent[] }>(
          node.call('GET', `/api/v1/requests/${id}/timeline`, { as }),
          200,
          'timeline',
        )
      ).events,
  };
}
