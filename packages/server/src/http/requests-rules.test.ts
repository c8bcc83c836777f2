import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mlaDetails,
  preservationDetails,
  preservationRequiredFields,
  requestApi,
  type Problem,
  type RequestJson,
} from './requests.fixtures.js';

/** The Convention's rules as the API enforces them: completeness, legal moves, consultation, grounds, conditions. */
describe('request rules', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let supervisor: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;
  let sequence = 0;

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    duty = await node.user(admin, 'rules.duty', ['duty_officer']);
    supervisor = await node.user(admin, 'rules.supervisor', ['supervisor']);
    api = requestApi<SignedInUser>(node);
  });
  afterAll(async () => node.stop());

  const draft = (details: Record<string, unknown> = preservationDetails(), extra: Record<string, unknown> = {}) =>
    api.draft(duty, {
      type: 'PRESERVATION_42',
      legalBasis: 'UN',
      requestedState: 'SG',
      language: 'en',
      details,
      ...extra,
    });

  /** An incoming UN-basis MLA request from France, acknowledged and under assessment. */
  async function mlaUnderAssessment(): Promise<RequestJson> {
    sequence += 1;
    const recorded = await api.receive(duty, {
      reference: `FR-2026-${90 + sequence}`,
      requestingState: 'FR',
      type: 'MLA_40',
      legalBasis: 'UN',
      language: 'en',
      details: mlaDetails(),
    });
    await api.move(duty, recorded.id, 'acknowledge');
    return api.move(duty, recorded.id, 'assess');
  }

  const expectProblem = (response: { statusCode: number; json: <T>() => T }, status: number, code: string): Problem => {
    const body = response.json<Problem>();
    expect(body).toMatchObject({ status, code });
    expect(response.statusCode).toBe(status);
    return body;
  };

  describe('completeness', () => {
    it(
      'refuses to submit an incomplete request, with one error per missing field, ' + 'each citing its source',
      async () => {
        const { seekingAuthority, necessity } = preservationDetails();
        const incomplete = await draft({ seekingAuthority, necessity });
        const missing = preservationRequiredFields.filter((f) => f !== 'seekingAuthority' && f !== 'necessity');
        expect(incomplete.missing.map((m) => m.path)).toEqual(missing.map((f) => `/details/${f}`));
        const problem = expectProblem(await api.act(duty, incomplete.id, 'submit'), 400, 'request/incomplete');
        expect(problem.detail).toContain(`${missing.length} field(s)`);
        expect(problem.errors).toHaveLength(missing.length);
        expect(problem.errors).toEqual(incomplete.missing);
        for (const error of problem.errors ?? []) {
          const un = String.raw`UN Convention against Cybercrime art\. \d+(\(\w+\))*( \[unverified\])?`;
          const required = new RegExp(String.raw` is required \((${un}|operational practice \(G8/UNODC\): .+)\)$`);
          expect(error.message).toMatch(required);
        }
        expect(problem.errors?.find((e) => e.path === '/details/identifiers')?.message).toContain(
          'G8 preservation checklist',
        );
        expect((await api.view(duty, incomplete.id)).state).toBe('DRAFT');
      },
    );

    it('asks for the treaty when the basis is bilateral, citing the basis', async () => {
      const bilateral = await api.draft(duty, {
        type: 'PRESERVATION_42',
        legalBasis: 'BILATERAL',
        requestedState: 'SG',
        language: 'en',
        details: preservationDetails(),
      });
      expect(bilateral.missing).toEqual([
        { path: '/details/treatyReference', message: expect.stringContaining('bilateral treaty') as unknown },
      ]);
    });
  });

  describe('legal moves', () => {
    it('answers an illegal transition with 409, listing the allowed actions', async () => {
      const request = await draft();
      const problem = expectProblem(await api.act(duty, request.id, 'send'), 409, 'request/illegal-transition');
      expect(problem.detail).toBe('send is not allowed from DRAFT; allowed: submit, withdraw');
      expect(problem.errors).toEqual([
        { path: '/action', message: 'submit' },
        { path: '/action', message: 'withdraw' },
      ]);
      expectProblem(await api.act(duty, request.id, 'acknowledge'), 409, 'request/illegal-transition');
      expectProblem(await api.act(duty, request.id, 'teleport'), 409, 'request/illegal-transition');
      expectProblem(await api.act(duty, request.id, 'DROP TABLE requests'), 400, 'request/validation-failed');
      const extra = await node.call('POST', `/api/v1/requests/${request.id}/transitions`, {
        as: duty,
        body: { action: 'submit', payload: { state: 'SENT' } },
      });
      expectProblem(extra, 400, 'request/validation-failed');
      expect((await api.view(duty, request.id)).state).toBe('DRAFT');
    });

    it('lets the requester withdraw an open request, and nothing leaves a terminal state', async () => {
      const request = await draft();
      await api.move(duty, request.id, 'submit');
      const withdrawn = await api.move(duty, request.id, 'withdraw', {
        note: 'The suspect was identified from other sources',
      });
      expect(withdrawn.state).toBe('WITHDRAWN');
      expect(withdrawn.availableActions).toEqual([]);
      const again = expectProblem(await api.act(duty, request.id, 'withdraw'), 409, 'request/illegal-transition');
      expect(again.detail).toBe(
        'withdraw is not allowed from WITHDRAWN; allowed: none (the other State acts next, or the request is closed)',
      );
      expectProblem(await api.act(duty, request.id, 'submit'), 409, 'request/illegal-transition');
    });
  });

  describe('emergencies', () => {
    it('needs a justification of the risk to life or safety (UN art. 2)', async () => {
      const none = await node.call('POST', '/api/v1/requests', {
        as: duty,
        body: {
          type: 'PRESERVATION_42',
          legalBasis: 'UN',
          requestedState: 'SG',
          language: 'en',
          priority: 'emergency',
        },
      });
      const problem = expectProblem(none, 400, 'request/emergency-justification-required');
      expect(problem.detail).toContain('UN art. 2');
      expect(problem.errors).toEqual([{ path: '/emergencyJustification', message: 'at least 20 characters' }]);
      const short = await node.call('POST', '/api/v1/requests', {
        as: duty,
        body: {
          type: 'PRESERVATION_42',
          legalBasis: 'UN',
          requestedState: 'SG',
          language: 'en',
          priority: 'emergency',
          emergencyJustification: 'urgent!',
        },
      });
      expectProblem(short, 400, 'request/emergency-justification-required');
      const incoming = await node.call('POST', '/api/v1/requests/incoming', {
        as: duty,
        body: {
          reference: 'FR-2026-E1',
          requestingState: 'FR',
          type: 'MLA_40',
          legalBasis: 'UN',
          language: 'en',
          priority: 'emergency',
        },
      });
      expectProblem(incoming, 400, 'request/emergency-justification-required');
      const justified = await draft(preservationDetails(), {
        priority: 'emergency',
        emergencyJustification: 'A child is being groomed and a meeting is planned for tomorrow',
      });
      expect(justified.priority).toBe('emergency');
    });

    it('refuses to raise a draft to emergency without a justification', async () => {
      const request = await draft();
      const raised = await node.call('PATCH', `/api/v1/requests/${request.id}`, {
        as: duty,
        body: { version: request.version, priority: 'emergency' },
      });
      expectProblem(raised, 400, 'request/emergency-justification-required');
      expect((await api.view(duty, request.id)).priority).toBe('normal');
    });
  });

  describe('refusing an incoming UN-basis MLA request', () => {
    let request: RequestJson;
    const grounds = { reasonCodes: ['ESSENTIAL_INTERESTS'], reasons: 'Execution would prejudice national security' };

    it('requires consultation with the requesting State first (UN art. 40)', async () => {
      request = await mlaUnderAssessment();
      const problem = expectProblem(
        await api.act(supervisor, request.id, 'refuse', grounds),
        409,
        'request/consultation-required',
      );
      expect(problem.detail).toContain('open-consultation');
      expect(problem.detail).toContain('art. 40(27)');
      expectProblem(
        await api.act(supervisor, request.id, 'postpone', {
          reasonCodes: ['INTERFERES_WITH_PROCEEDINGS'],
          reasons: 'A domestic trial is under way',
        }),
        409,
        'request/consultation-required',
      );
      expect((await api.view(duty, request.id)).state).toBe('UNDER_ASSESSMENT');
    });

    it('opens the consultation only with the information it carries', async () => {
      expectProblem(await api.act(duty, request.id, 'open-consultation'), 400, 'request/information-required');
      request = await api.move(duty, request.id, 'open-consultation', {
        information: 'Could the request be limited to subscriber data?',
      });
      expect(request.state).toBe('CONSULTATION');
    });

    it('never refuses on fiscal matters alone, citing the article', async () => {
      const problem = expectProblem(
        await api.act(supervisor, request.id, 'refuse', {
          reasonCodes: ['FISCAL_MATTER'],
          reasons: 'The offence involves tax',
        }),
        400,
        'request/forbidden-sole-ground',
      );
      expect(problem.detail).toBe(
        'FISCAL_MATTER can never be the sole ground (UN Convention against Cybercrime art. 40(23) [unverified])',
      );
      const both = expectProblem(
        await api.act(supervisor, request.id, 'refuse', {
          reasonCodes: ['FISCAL_MATTER', 'BANK_SECRECY'],
          reasons: 'Tax and bank secrecy',
        }),
        400,
        'request/forbidden-sole-ground',
      );
      expect(both.detail).toContain('art. 40(8)');
    });

    it('needs reasons in words, and grounds the request type allows', async () => {
      const noReasons = expectProblem(
        await api.act(supervisor, request.id, 'refuse', { reasonCodes: ['FISCAL_MATTER', 'ESSENTIAL_INTERESTS'] }),
        400,
        'request/refusal-grounds-invalid',
      );
      expect(noReasons.errors).toEqual([{ path: '/payload/reasons', message: 'give the reasons in words' }]);
      const noCodes = expectProblem(
        await api.act(supervisor, request.id, 'refuse', { reasons: 'No' }),
        400,
        'request/refusal-grounds-invalid',
      );
      expect(noCodes.errors?.[0]?.path).toBe('/payload/reasonCodes');
      const wrongType = expectProblem(
        await api.act(supervisor, request.id, 'refuse', { reasonCodes: ['DE_MINIMIS'], reasons: 'Too small' }),
        400,
        'request/ground-not-allowed',
      );
      expect(wrongType.detail).toContain(
        'DE_MINIMIS cannot be raised against a request for mutual legal assistance on the UN basis',
      );
      // The UN Convention has no political-offence ground: only the Budapest Convention and treaties do.
      const political = expectProblem(
        await api.act(supervisor, request.id, 'refuse', { reasonCodes: ['POLITICAL_OFFENCE'], reasons: 'Political' }),
        400,
        'request/ground-not-allowed',
      );
      expect(political.detail).toContain('UN Convention against Cybercrime art. 40(21)(a) [unverified]');
      expectProblem(await api.act(duty, request.id, 'refuse', grounds), 403, 'auth/forbidden');
      expect((await api.view(duty, request.id)).state).toBe('CONSULTATION');
    });

    it('refuses with an allowed ground beside the fiscal one, and records the grounds', async () => {
      const payload = {
        reasonCodes: ['FISCAL_MATTER', 'ESSENTIAL_INTERESTS'],
        reasons: 'Execution would prejudice national security',
      };
      request = await api.move(supervisor, request.id, 'refuse', payload);
      expect(request.state).toBe('REFUSED');
      expect(request.availableActions).toEqual([]);
      const refusal = (await api.timeline(duty, request.id)).find((e) => e.action === 'refuse');
      expect(refusal).toMatchObject({
        fromState: 'CONSULTATION',
        toState: 'REFUSED',
        actorName: 'rules.supervisor',
        payload,
      });
      expectProblem(await api.act(duty, request.id, 'withdraw'), 409, 'request/illegal-transition');
    });
  });

  describe('accepting with conditions', () => {
    it('needs at least one condition, and lists the conditions as proposed', async () => {
      const request = await mlaUnderAssessment();
      const none = expectProblem(
        await api.act(supervisor, request.id, 'accept-with-conditions'),
        400,
        'request/conditions-required',
      );
      expect(none.errors).toEqual([{ path: '/payload/conditions', message: 'at least one condition' }]);
      expectProblem(
        await api.act(supervisor, request.id, 'accept-with-conditions', { conditions: [] }),
        400,
        'request/conditions-required',
      );
      const conditions = [
        { kind: 'CONFIDENTIALITY', text: 'Keep the request and its execution confidential' },
        { kind: 'USE_LIMITATION', text: 'Use only for the investigation named in the request' },
      ];
      const accepted = await api.move(supervisor, request.id, 'accept-with-conditions', { conditions });
      expect(accepted.state).toBe('ACCEPTED_WITH_CONDITIONS');
      const read = await api.view(duty, request.id);
      expect(read.conditions.map((c) => ({ kind: c.kind, text: c.text, status: c.status }))).toEqual(
        conditions.map((c) => ({ ...c, status: 'proposed' })),
      );
    });

    it('refuses an unknown kind of condition', async () => {
      const request = await mlaUnderAssessment();
      const wrong = await api.act(supervisor, request.id, 'accept-with-conditions', {
        conditions: [{ kind: 'PAY_US', text: 'A fee' }],
      });
      expectProblem(wrong, 400, 'request/validation-failed');
      expect((await api.view(duty, request.id)).conditions).toEqual([]);
    });
  });
});
