import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInput, preservationDetails, requestApi, type Problem, type RequestJson } from './requests.fixtures.js';

/**
 * An outgoing preservation request from the first keystroke to SENT: a draft saved half-written,
 * completed by two officers, submitted, refused approval by its drafters, approved by a second
 * supervisor and sent; every step on the timeline and in the audit log.
 */
describe('outgoing request lifecycle', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let editingSupervisor: SignedInUser;
  let approvingSupervisor: SignedInUser;
  let auditor: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;
  let caseId: string;
  let request: RequestJson;

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    duty = await node.user(admin, 'duty.officer', ['duty_officer']);
    editingSupervisor = await node.user(admin, 'editing.supervisor', ['supervisor']);
    approvingSupervisor = await node.user(admin, 'approving.supervisor', ['supervisor']);
    auditor = await node.user(admin, 'lifecycle.auditor', ['auditor']);
    api = requestApi<SignedInUser>(node);
  });
  afterAll(async () => node.stop());

  const patch = (as: SignedInUser, body: Record<string, unknown>) =>
    node.call('PATCH', `/api/v1/requests/${request.id}`, { as, body });

  describe('cases', () => {
    it('opens a case with its offences, persons and eligibility', async () => {
      const response = await node.call('POST', '/api/v1/cases', { as: duty, body: caseInput() });
      expect(response.statusCode).toBe(201);
      const created = response.json<{
        id: string;
        data: { domesticReference: string; offences: unknown[]; persons: { name: string }[] };
        eligibility: unknown;
        createdBy: string;
      }>();
      caseId = created.id;
      expect(created.data.domesticReference).toBe('A05-2026-0042');
      expect(created.data.offences).toHaveLength(1);
      expect(created.eligibility).toEqual({ eligible: true, basis: 'convention-offence', warnings: [] });
      expect(created.createdBy).toBe(duty.userId);
      const read = await node.call('GET', `/api/v1/cases/${caseId}`, { as: editingSupervisor });
      expect(read.statusCode).toBe(200);
      expect(read.json<{ data: { title: string } }>().data.title).toBe(caseInput().title);
    });

    it('refuses an invalid case and answers 404 for an unknown one', async () => {
      const invalid = await node.call('POST', '/api/v1/cases', { as: duty, body: { ...caseInput(), offences: [] } });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json<Problem>().errors?.[0]?.path).toBe('/offences');
      const unknown = await node.call('GET', '/api/v1/cases/01900000-0000-7000-8000-000000000000', { as: duty });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json<Problem>().code).toBe('case/not-found');
    });

    it('lists cases newest first, even when opened in the same instant', async () => {
      const references = ['A05-2026-0100', 'A05-2026-0101', 'A05-2026-0102'];
      for (const domesticReference of references) {
        expect(
          (await node.call('POST', '/api/v1/cases', { as: duty, body: { ...caseInput(), domesticReference } }))
            .statusCode,
        ).toBe(201);
      }
      const listed = (await node.call('GET', '/api/v1/cases', { as: duty })).json<{
        cases: { domesticReference: string }[];
      }>();
      expect(listed.cases.map((c) => c.domesticReference)).toEqual([...references].reverse().concat('A05-2026-0042'));
    });
  });

  describe('an outgoing preservation request to Singapore', () => {
    it('saves a half-written draft and lists every missing field with its legal source', async () => {
      const { seekingAuthority, offenceSummary, dataCategories, identifiers } = preservationDetails();
      request = await api.draft(duty, {
        caseId,
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        requestedState: 'SG',
        language: 'en',
        details: { seekingAuthority, offenceSummary, dataCategories, identifiers },
      });
      expect(request).toMatchObject({
        state: 'DRAFT',
        direction: 'outgoing',
        caseId,
        requestingState: 'VN',
        requestedState: 'SG',
        priority: 'normal',
        version: 1,
      });
      expect(request.reference).toMatch(/^VN-2026-\d{6}$/);
      expect(request.reference).toBe('VN-2026-000001');
      expect(request.missing.map((m) => m.path)).toEqual([
        '/details/dataToPreserve',
        '/details/custodianOrLocation',
        '/details/necessity',
        '/details/mlaWillFollow',
        '/details/contact24x7',
      ]);
      for (const missing of request.missing) {
        expect(missing.message).toMatch(/ is required \(UN Convention against Cybercrime art\. 4[12]\(\d\)/);
      }
      expect(request.missing[0]?.message).toContain('art. 42(2)(c)');
      expect(request.availableActions.map((a) => a.action)).toEqual(['submit', 'withdraw']);
    });

    it('is completed by a PATCH carrying the version read, and refuses a stale version', async () => {
      const { dataToPreserve, custodianOrLocation, necessity, mlaWillFollow, contact24x7 } = preservationDetails();
      const reversed = await patch(duty, {
        version: 1,
        details: { dateRange: { from: '2026-10-31T00:00:00Z', to: '2026-10-01T00:00:00Z' } },
      });
      expect(reversed.json<Problem>()).toMatchObject({
        code: 'request/date-range-reversed',
        errors: [{ path: '/details/dateRange' }],
      });
      const first = await patch(duty, {
        version: 1,
        details: { dataToPreserve, custodianOrLocation, necessity, mlaWillFollow },
      });
      expect(first.statusCode).toBe(200);
      expect(first.json<RequestJson>()).toMatchObject({ version: 2, missing: [{ path: '/details/contact24x7' }] });
      const stale = await patch(editingSupervisor, { version: 1, details: { contact24x7 } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json<Problem>().code).toBe('request/concurrent-change');
      const second = await patch(editingSupervisor, { version: 2, details: { contact24x7 } });
      expect(second.statusCode).toBe(200);
      request = second.json<RequestJson>();
      expect(request.version).toBe(3);
      expect(request.missing).toEqual([]);
      const { confidentiality: _optional, ...complete } = preservationDetails();
      expect(request.details).toEqual(complete);
    });

    it('is submitted by the duty officer and is no longer editable', async () => {
      request = await api.move(duty, request.id, 'submit');
      expect(request.state).toBe('SUBMITTED');
      const late = await patch(duty, { version: request.version, details: { necessity: 'changed after submission' } });
      expect(late.statusCode).toBe(409);
      expect(late.json<Problem>().code).toBe('request/not-editable');
    });

    it(
      'cannot be approved by the duty officer (no permission) nor by a supervisor ' + 'who edited it (four-eyes)',
      async () => {
        const byDuty = await api.act(duty, request.id, 'approve');
        expect(byDuty.statusCode).toBe(403);
        expect(byDuty.json<Problem>().code).toBe('auth/forbidden');
        const byEditor = await api.act(editingSupervisor, request.id, 'approve');
        expect(byEditor.statusCode).toBe(403);
        expect(byEditor.json<Problem>()).toMatchObject({ code: 'request/four-eyes', status: 403 });
        expect((await api.view(duty, request.id)).state).toBe('SUBMITTED');
      },
    );

    it('offers approve only to whoever may approve: not the drafter, nor the supervisor who edited it', async () => {
      const actionsOf = async (as: SignedInUser) =>
        (await api.view(as, request.id)).availableActions.map((a) => a.action);
      // The duty officer lacks requests:approve; the editing supervisor has it but drafted.
      expect(await actionsOf(duty)).toEqual(['return-to-draft', 'withdraw']);
      expect(await actionsOf(editingSupervisor)).toEqual(['return-to-draft', 'withdraw']);
      expect(await actionsOf(approvingSupervisor)).toEqual(['return-to-draft', 'approve', 'withdraw']);
      // The view a transition answers is built for its caller too: the submitter's lacked approve.
      expect(request.availableActions.map((a) => a.action)).toEqual(['return-to-draft', 'withdraw']);
    });

    it('is approved by a second supervisor and sent', async () => {
      request = await api.move(approvingSupervisor, request.id, 'approve');
      expect(request.state).toBe('APPROVED');
      request = await api.move(duty, request.id, 'send');
      expect(request.state).toBe('SENT');
      expect(request.reference).toBe('VN-2026-000001');
      // Only the requested State acts on a sent request; this node may still withdraw it.
      expect(request.availableActions.map((a) => a.action)).toEqual(['withdraw']);
    });

    it('numbers the next request of the year after it', async () => {
      const next = await api.draft(duty, { type: 'MLA_40', legalBasis: 'UN', requestedState: 'FR', language: 'en' });
      expect(next.reference).toBe('VN-2026-000002');
      expect(next.caseId).toBeNull();
    });

    it('shows every event on the timeline, oldest first, with the actors\u2019 names', async () => {
      const events = await api.timeline(approvingSupervisor, request.id);
      expect(events.map((e) => [e.kind, e.action, e.fromState, e.toState, e.actorName])).toEqual([
        ['created', 'draft', null, 'DRAFT', 'duty.officer'],
        ['updated', 'edit', null, 'DRAFT', 'duty.officer'],
        ['updated', 'edit', null, 'DRAFT', 'editing.supervisor'],
        ['transition', 'submit', 'DRAFT', 'SUBMITTED', 'duty.officer'],
        ['transition', 'approve', 'SUBMITTED', 'APPROVED', 'approving.supervisor'],
        ['transition', 'send', 'APPROVED', 'SENT', 'duty.officer'],
        // No partner node for SG is pinned on this test node: the failure is on the timeline, never silent.
        ['delivery', 'delivery-failed', null, null, 'federation'],
      ]);
      expect(events.at(-1)?.payload).toMatchObject({ reason: 'no pinned partner node for SG' });
      expect(events.map((e) => e.actorId)).toEqual([
        duty.userId,
        duty.userId,
        editingSupervisor.userId,
        duty.userId,
        approvingSupervisor.userId,
        duty.userId,
        null,
      ]);
      expect(events[1]?.payload).toEqual({
        fields: ['dataToPreserve', 'custodianOrLocation', 'necessity', 'mlaWillFollow'],
      });
      const times = events.map((e) => e.occurredAt);
      expect([...times].sort()).toEqual(times);
    });

    it('writes one audit entry per change, each transition named', async () => {
      const response = await node.call('GET', `/api/v1/audit?objectId=${request.id}&limit=500`, { as: auditor });
      expect(response.statusCode).toBe(200);
      const entries = response
        .json<{
          entries: {
            action: string;
            actorId: string | null;
            objectType: string;
            details: { action?: string; reference?: string };
          }[];
        }>()
        .entries.filter((e) => e.action !== 'request.viewed')
        .reverse();
      expect(entries.map((e) => e.action)).toEqual([
        'request.created',
        'request.updated',
        'request.updated',
        'request.transitioned',
        'request.transitioned',
        'request.transitioned',
      ]);
      expect(entries.filter((e) => e.action === 'request.transitioned').map((e) => e.details.action)).toEqual([
        'submit',
        'approve',
        'send',
      ]);
      expect(entries.map((e) => e.actorId)).toEqual([
        duty.userId,
        duty.userId,
        editingSupervisor.userId,
        duty.userId,
        approvingSupervisor.userId,
        duty.userId,
      ]);
      for (const entry of entries) {
        expect(entry).toMatchObject({ objectType: 'request', details: { reference: 'VN-2026-000001' } });
      }
    });
  });

  describe('drafting refusals', () => {
    it(
      'refuses a request to this node\u2019s own State, an unknown case and a ' + 'wrong value, creating nothing',
      async () => {
        const base = { type: 'PRESERVATION_42', legalBasis: 'UN', requestedState: 'SG', language: 'en' };
        const own = await node.call('POST', '/api/v1/requests', { as: duty, body: { ...base, requestedState: 'VN' } });
        expect(own.json<Problem>()).toMatchObject({
          status: 400,
          code: 'request/own-state',
          errors: [{ path: '/requestedState' }],
        });
        const reversed = await node.call('POST', '/api/v1/requests', {
          as: duty,
          body: {
            ...base,
            details: { dateRange: { from: '2026-10-31T23:59:59+07:00', to: '2026-10-01T00:00:00+07:00' } },
          },
        });
        expect(reversed.json<Problem>()).toMatchObject({
          status: 400,
          code: 'request/date-range-reversed',
          errors: [{ path: '/details/dateRange' }],
        });
        const unjustified = await node.call('POST', '/api/v1/requests', {
          as: duty,
          body: { ...base, priority: 'emergency' },
        });
        expect(unjustified.json<Problem>()).toMatchObject({
          status: 400,
          code: 'request/emergency-justification-required',
          errors: [{ path: '/emergencyJustification' }],
        });
        const noCase = await node.call('POST', '/api/v1/requests', {
          as: duty,
          body: { ...base, caseId: '01900000-0000-7000-8000-000000000000' },
        });
        expect(noCase.json<Problem>()).toMatchObject({ status: 404, code: 'case/not-found' });
        const wrong = await node.call('POST', '/api/v1/requests', {
          as: duty,
          body: { ...base, details: { mlaWillFollow: false, dataCategories: ['everything'] } },
        });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json<Problem>().code).toBe('request/invalid-details');
        expect(
          wrong
            .json<Problem>()
            .errors?.map((e) => e.path)
            .sort(),
        ).toEqual(['/details/dataCategories/0', '/details/mlaWillFollow']);
        const unknownField = await node.call('POST', '/api/v1/requests', {
          as: duty,
          body: { ...base, details: { favouriteColour: 'blue' } },
        });
        expect(unknownField.json<Problem>()).toMatchObject({
          status: 400,
          code: 'request/invalid-details',
          errors: [{ path: '/details/favouriteColour' }],
        });
        const queue = (await node.call('GET', '/api/v1/requests', { as: duty })).json<{ requests: unknown[] }>();
        expect(queue.requests).toHaveLength(2);
      },
    );
  });
});
