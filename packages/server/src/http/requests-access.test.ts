import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseInput,
  interceptionDetails,
  preservationDetails,
  requestApi,
  type Problem,
  type RequestJson,
} from './requests.fixtures.js';

/**
 * Who sees what: interception only for the central authority and supervisors, hidden from
 * everyone else exactly as if it did not exist; protected witnesses only for the officers named;
 * no client-chosen state; every read audited with its purpose.
 */
describe('request access', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let otherDuty: SignedInUser;
  let central: SignedInUser;
  let supervisor: SignedInUser;
  let provider: SignedInUser;
  let auditor: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;
  let interception: RequestJson;
  const unknownId = '01900000-0000-7000-8000-000000000000';

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    duty = await node.user(admin, 'access.duty', ['duty_officer']);
    otherDuty = await node.user(admin, 'access.other', ['duty_officer']);
    central = await node.user(admin, 'access.central', ['central_authority_officer']);
    supervisor = await node.user(admin, 'access.supervisor', ['supervisor']);
    provider = await node.user(admin, 'access.provider', ['provider_user']);
    auditor = await node.user(admin, 'access.auditor', ['auditor']);
    api = requestApi<SignedInUser>(node);
    interception = await api.receive(central, {
      reference: 'FR-2026-46',
      requestingState: 'FR',
      type: 'INTERCEPTION_46',
      legalBasis: 'UN',
      language: 'en',
      details: interceptionDetails(),
    });
    await api.receive(duty, {
      reference: 'FR-2026-42',
      requestingState: 'FR',
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      language: 'en',
      details: preservationDetails(),
    });
  });
  afterAll(async () => node.stop());

  const queue = async (as: SignedInUser) =>
    (await node.call('GET', '/api/v1/requests', { as }))
      .json<{ requests: { id: string; reference: string }[] }>()
      .requests.map((r) => r.reference);
  const withoutRequestId = (response: { statusCode: number; headers: Record<string, unknown>; json: <T>() => T }) => {
    const { requestId: _id, ...body } = response.json<Problem>();
    return { status: response.statusCode, type: response.headers['content-type'], body };
  };
  const counts = async () => {
    const db = node.app.node.database.db;
    const requests = await db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const audit = await db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return { requests: Number(requests.n), audit: Number(audit.n) };
  };

  describe('interception requests', () => {
    it('are visible to the central authority officer who recorded them, and to supervisors', async () => {
      expect(interception).toMatchObject({ type: 'INTERCEPTION_46', state: 'RECEIVED', missing: [] });
      expect((await api.view(central, interception.id)).reference).toBe('FR-2026-46');
      expect((await api.view(supervisor, interception.id)).reference).toBe('FR-2026-46');
      expect(await queue(central)).toEqual(['FR-2026-46', 'FR-2026-42']);
    });

    it('do not exist for a duty officer: 404 on every route and absent from the queue and the clocks', async () => {
      const read = await node.call('GET', `/api/v1/requests/${interception.id}`, { as: duty });
      expect(read.statusCode).toBe(404);
      expect(read.json<Problem>().code).toBe('request/not-found');
      for (const path of ['timeline', 'document.json', 'document.pdf']) {
        expect(
          (await node.call('GET', `/api/v1/requests/${interception.id}/${path}`, { as: duty })).json<Problem>().code,
          path,
        ).toBe('request/not-found');
      }
      expect((await api.act(duty, interception.id, 'acknowledge')).json<Problem>().code).toBe('request/not-found');
      expect(await queue(duty)).toEqual(['FR-2026-42']);
      expect(
        (await node.call('GET', '/api/v1/requests?type=INTERCEPTION_46', { as: duty })).json<{ requests: unknown[] }>()
          .requests,
      ).toEqual([]);
      const clocks = (await node.call('GET', '/api/v1/deadlines', { as: duty })).json<{
        deadlines: { requestId: string }[];
      }>().deadlines;
      expect(clocks.map((d) => d.requestId)).not.toContain(interception.id);
      expect(
        (await node.call('GET', '/api/v1/deadlines', { as: central }))
          .json<{ deadlines: { requestId: string }[] }>()
          .deadlines.map((d) => d.requestId),
      ).toContain(interception.id);
      expect((await api.view(central, interception.id)).state).toBe('RECEIVED');
    });

    it('answer exactly as an unknown id does', async () => {
      const hidden = await node.call('GET', `/api/v1/requests/${interception.id}`, { as: duty });
      const unknown = await node.call('GET', `/api/v1/requests/${unknownId}`, { as: duty });
      expect(withoutRequestId(hidden)).toEqual(withoutRequestId(unknown));
      expect(withoutRequestId(unknown)).toEqual({
        status: 404,
        type: 'application/problem+json; charset=utf-8',
        body: {
          type: 'urn:hanoi247:problem:request/not-found',
          title: expect.any(String) as unknown,
          status: 404,
          detail: 'no such request',
          code: 'request/not-found',
        },
      });
      const hiddenAction = await api.act(duty, interception.id, 'acknowledge');
      const unknownAction = await api.act(duty, unknownId, 'acknowledge');
      expect(withoutRequestId(hiddenAction)).toEqual(withoutRequestId(unknownAction));
    });
  });

  it('keeps service-provider users out of the request queue and cases', async () => {
    for (const path of [
      '/api/v1/requests',
      '/api/v1/cases',
      '/api/v1/request-types',
      `/api/v1/requests/${interception.id}`,
    ]) {
      const response = await node.call('GET', path, { as: provider });
      expect(response.statusCode, path).toBe(403);
      expect(response.json<Problem>().code, path).toBe('auth/forbidden');
    }
    const draft = await node.call('POST', '/api/v1/requests', {
      as: provider,
      body: { type: 'PRESERVATION_42', legalBasis: 'UN', requestedState: 'SG', language: 'en' },
    });
    expect(draft.statusCode).toBe(403);
    expect((await node.call('GET', '/api/v1/requests', { as: auditor })).statusCode).toBe(403);
  });

  it('shows a protected witness only to the officers named on it; others do not see the person at all', async () => {
    const created = await node.call('POST', '/api/v1/cases', { as: duty, body: caseInput([otherDuty.userId]) });
    expect(created.statusCode).toBe(201);
    const caseId = created.json<{ id: string }>().id;
    const names = async (as: SignedInUser) => {
      const response = await node.call('GET', `/api/v1/cases/${caseId}`, { as });
      expect(response.statusCode).toBe(200);
      return {
        names: response.json<{ data: { persons: { name: string }[] } }>().data.persons.map((p) => p.name),
        body: response.body,
      };
    };
    const named = await names(otherDuty);
    expect(named.names).toEqual(['Nguyen Van A', 'Tran Thi B']);
    for (const outsider of [duty, supervisor, central]) {
      const seen = await names(outsider);
      expect(seen.names).toEqual(['Nguyen Van A']);
      expect(seen.body).not.toContain('Tran Thi B');
      expect(seen.body).not.toContain('noticed the intrusion');
    }
    // Its creator is not named on it either: the answer to the creation already leaves it out.
    expect(created.body).not.toContain('Tran Thi B');
  });

  it('refuses mass assignment of state and server-owned fields, writing nothing', async () => {
    const before = await counts();
    const valid = {
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      requestedState: 'SG',
      language: 'en',
      details: preservationDetails(),
    };
    for (const [field, value] of [
      ['state', 'APPROVED'],
      ['reference', 'VN-2026-999999'],
      ['direction', 'incoming'],
      ['createdBy', central.userId],
      ['version', 7],
      ['draftedBy', []],
    ] as const) {
      const response = await node.call('POST', '/api/v1/requests', { as: duty, body: { ...valid, [field]: value } });
      expect(response.statusCode, field).toBe(400);
      expect(response.json<Problem>()).toMatchObject({
        code: 'request/validation-failed',
        errors: [{ path: `/${field}`, in: 'body' }],
      });
    }
    const incoming = await node.call('POST', '/api/v1/requests/incoming', {
      as: duty,
      body: {
        reference: 'FR-2026-50',
        requestingState: 'FR',
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        language: 'en',
        state: 'PRESERVED',
      },
    });
    expect(incoming.json<Problem>()).toMatchObject({
      status: 400,
      code: 'request/validation-failed',
      errors: [{ path: '/state' }],
    });
    expect(await counts()).toEqual(before);
    const draft = await api.draft(duty, valid);
    const patched = await node.call('PATCH', `/api/v1/requests/${draft.id}`, {
      as: duty,
      body: { version: draft.version, state: 'SENT' },
    });
    expect(patched.json<Problem>()).toMatchObject({
      status: 400,
      code: 'request/validation-failed',
      errors: [{ path: '/state' }],
    });
    expect((await api.view(duty, draft.id)).state).toBe('DRAFT');
  });

  it('audits every read of a request with the purpose given in x-audit-purpose', async () => {
    const request = await api.draft(duty, {
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      requestedState: 'SG',
      language: 'en',
    });
    await api.view(otherDuty, request.id, { 'x-audit-purpose': 'Preparing the reply to Singapore' });
    await api.view(supervisor, request.id);
    const response = await node.call('GET', `/api/v1/audit?objectId=${request.id}&action=request.viewed`, {
      as: auditor,
    });
    const entries = response.json<{
      entries: {
        actorId: string;
        actorName: string;
        purpose: string | null;
        objectType: string;
        requestId: string;
        details: { reference: string };
      }[];
    }>().entries;
    expect(entries.map((e) => [e.actorName, e.purpose])).toEqual([
      ['access.supervisor', null],
      ['access.other', 'Preparing the reply to Singapore'],
    ]);
    expect(entries[1]).toMatchObject({
      actorId: otherDuty.userId,
      objectType: 'request',
      details: { reference: request.reference },
    });
    const badPurpose = await node.call('GET', `/api/v1/requests/${request.id}`, {
      as: duty,
      headers: { 'x-audit-purpose': 'x'.repeat(201) },
    });
    expect(badPurpose.json<Problem>()).toMatchObject({ status: 400, code: 'request/validation-failed' });
  });
});
