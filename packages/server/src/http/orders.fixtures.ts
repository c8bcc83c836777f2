import { createHash } from 'node:crypto';
import { requestApi, type Caller, type Details, type Reply } from './requests.fixtures.js';

/**
 * Providers and domestic orders as the HTTP tests write them, by hand from brief §3.1 and
 * UN art. 24, not derived from the schemas. Each call returns a fresh object.
 */
export function providerBody(
  legalName = 'ExampleMail Viet Nam LLC',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    legalName,
    registrationNumber: '0101234567',
    country: 'VN',
    type: 'PLATFORM',
    contacts: [
      { role: 'law-enforcement-desk', name: 'LE response team', email: 'le@examplemail.vn', phone: '+842471000000' },
    ],
    dataCategories: ['subscriber', 'traffic', 'content'],
    channel: 'both',
    languages: ['vi', 'en'],
    ...overrides,
  };
}

export const authorisation = {
  body: 'People\u2019s Procuracy of Hà Nội',
  reviewType: 'PROSECUTORIAL',
  decisionReference: 'QĐ 12/2026/VKS',
} as const;

export function orderBody(providerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'PRESERVE_25',
    providerId,
    authorisation,
    grounds: 'Logs of the account used in the intrusion are deleted after 30 days; they identify the intruder.',
    scope: {
      identifiers: [{ kind: 'account', service: 'ExampleMail', handle: 'suspect@example.net' }],
      dataCategories: ['subscriber', 'traffic'],
      dateRange: { from: '2026-10-01T00:00:00+07:00', to: '2026-10-31T23:59:59+07:00', timeZone: 'Asia/Ho_Chi_Minh' },
    },
    durationDays: 90,
    nonDisclosure: { required: true, until: null },
    ...overrides,
  };
}

/** UN art. 44 with the art. 40(15) content list: a request for stored data. */
export function storedDataDetails(): Details {
  return {
    requestingAuthority: 'Bureau de l\u2019entraide pénale internationale',
    subjectMatter: 'Ransomware investigation by the Paris prosecutor',
    factsSummary: 'On 30 October 2026 a hospital\u2019s systems were encrypted and a ransom demanded.',
    assistanceSought: 'Production of the stored login records of the account below',
    purpose: 'To identify the operators of the ransomware',
    dataDescription: 'Login IP addresses with ports and times, October 2026',
    identifiers: [{ kind: 'account', service: 'ExampleMail', handle: 'suspect@example.net' }],
  };
}

export const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

export interface OrderJson {
  readonly id: string;
  readonly reference: string;
  readonly type: string;
  readonly state: string;
  readonly requestId?: string | null;
  readonly periods: readonly { n: number; start: string; end: string; renewedBy: string | null }[];
  readonly preservedUntil: string | null;
  readonly objection: { reasonCode: string; note: string } | null;
  readonly revision: number;
  readonly deadlines: readonly {
    ruleId: string;
    status: string;
    dueAt: string;
    warnAt: string;
    escalatedAt: string | null;
  }[];
  readonly availableActions: readonly { action: string }[];
  readonly version: number;
  readonly draftedBy?: readonly string[];
}

async function expectStatus<T>(reply: Promise<Reply>, status: number, what: string): Promise<T> {
  const answer = await reply;
  if (answer.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${answer.statusCode} ${answer.body}`);
  }
  return answer.json<T>();
}

/** Officer and provider calls; the helpers that return a body insist on success. */
export function orderApi<U>(node: Caller<U>) {
  const act = (as: U, id: string, action: string, payload: Record<string, unknown> = {}) =>
    node.call('POST', `/api/v1/orders/${id}/transitions`, { as, body: { action, payload } });
  const respond = (as: U, id: string, step: string, body?: Record<string, unknown>) =>
    node.call('POST', `/api/v1/provider/orders/${id}/${step}`, { as, ...(body === undefined ? {} : { body }) });
  return {
    act,
    respond,
    createProvider: (as: U, body: Record<string, unknown>) =>
      expectStatus<{ id: string }>(node.call('POST', '/api/v1/providers', { as, body }), 201, 'create provider'),
    link: (as: U, providerId: string, userId: string) =>
      expectStatus<unknown>(
        node.call('POST', `/api/v1/providers/${providerId}/members`, { as, body: { userId } }),
        200,
        'link member',
      ),
    draft: (as: U, body: Record<string, unknown>) =>
      expectStatus<OrderJson>(node.call('POST', '/api/v1/orders', { as, body }), 201, 'draft order'),
    move: (as: U, id: string, action: string, payload: Record<string, unknown> = {}) =>
      expectStatus<OrderJson>(act(as, id, action, payload), 200, action),
    answer: (as: U, id: string, step: string, body?: Record<string, unknown>) =>
      expectStatus<OrderJson>(respond(as, id, step, body), 200, step),
    view: (as: U, id: string) =>
      expectStatus<OrderJson>(node.call('GET', `/api/v1/orders/${id}`, { as }), 200, 'view order'),
    providerView: (as: U, id: string) =>
      expectStatus<OrderJson>(node.call('GET', `/api/v1/provider/orders/${id}`, { as }), 200, 'provider view'),
    upload: (as: U, id: string, content: Buffer, headers: Record<string, string> = {}) =>
      node.call('POST', `/api/v1/provider/orders/${id}/production`, {
        as,
        body: content,
        headers: {
          'content-type': 'application/octet-stream',
          'x-content-sha256': sha256(content),
          'x-filename': 'login-records.csv',
          'x-data-category': 'traffic',
          'x-media-type': 'text/csv',
          ...headers,
        },
      }),
  };
}

/**
 * An Art. 44 request received from France, acknowledged, assessed and accepted, and its production order (traffic data
 * of October 2026, the range read in `timeZone`) drafted from it on the provider: not yet authorised.
 */
export async function productionOrderForFrance<U>(
  node: Caller<U>,
  who: { readonly duty: U; readonly supervisor: U },
  providerId: string,
  reference: string,
  timeZone: string,
): Promise<{ requestId: string; order: OrderJson }> {
  const requests = requestApi<U>(node);
  const request = await requests.receive(who.duty, {
    reference,
    requestingState: 'FR',
    type: 'STORED_DATA_44',
    legalBasis: 'UN',
    language: 'en',
    details: storedDataDetails(),
  });
  await requests.move(who.duty, request.id, 'acknowledge');
  await requests.move(who.duty, request.id, 'assess');
  await requests.move(who.supervisor, request.id, 'accept');
  const dateRange = { from: '2026-10-01T00:00:00+07:00', to: '2026-10-31T23:59:59+07:00', timeZone };
  const made = await expectStatus<{ orders: OrderJson[] }>(
    node.call('POST', `/api/v1/requests/${request.id}/domestic-orders`, {
      as: who.duty,
      body: {
        orders: [{ providerId, authorisation, type: 'PRODUCE_27A', scope: { dataCategories: ['traffic'], dateRange } }],
      },
    }),
    201,
    'order from request',
  );
  return { requestId: request.id, order: made.orders[0]! };
}
