import { requestTypeCodes } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInput, mlaDetails, preservationDetails, requestApi } from './requests.fixtures.js';

interface RequestTypeEntry {
  readonly code: string;
  readonly title: { readonly en: string; readonly vi: string };
  readonly legalSource: string;
  readonly fields: readonly {
    readonly name: string;
    readonly legalSource: string;
    readonly requiredFor: readonly string[];
  }[];
  readonly refusalGrounds: Readonly<Record<string, readonly GroundEntry[]>>;
  readonly postponementGrounds: Readonly<Record<string, readonly GroundEntry[]>>;
}

interface GroundEntry {
  readonly code: string;
  readonly legalSource: string;
  readonly forbiddenAsSoleGround: boolean;
}

/** This node's bilateral treaties allow only these grounds (config `legal.bilateralGrounds`). */
const bilateralGrounds = ['ESSENTIAL_INTERESTS', 'NO_DUAL_CRIMINALITY'];

const art = String.raw`art\. \d+(\(\w+\))*`;
const treaty = String.raw`UN Convention against Cybercrime ${art}( \[unverified\])?|Budapest Convention ${art}`;
const citation = new RegExp(`^(${treaty}|(bilateral treaty|reciprocity|operational practice \\(G8/UNODC\\)): .+)$`);

/** The legal rules as data, and the warnings drafted from them while the officer types. */
describe('reference data and drafting warnings', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let central: SignedInUser;
  let auditor: SignedInUser;
  let supervisor: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;

  beforeAll(async () => {
    node = await TestNode.start({ configure: (c) => ({ ...c, legal: { bilateralGrounds } }) });
    const admin = await node.administrator();
    duty = await node.user(admin, 'reference.duty', ['duty_officer']);
    central = await node.user(admin, 'reference.central', ['central_authority_officer']);
    auditor = await node.user(admin, 'reference.auditor', ['auditor']);
    supervisor = await node.user(admin, 'reference.supervisor', ['supervisor']);
    api = requestApi<SignedInUser>(node);
  });
  afterAll(async () => node.stop());

  describe('reference endpoints', () => {
    it('list all 14 request types, every field with its legal source cited', async () => {
      const response = await node.call('GET', '/api/v1/request-types', { as: duty });
      expect(response.statusCode).toBe(200);
      const types = response.json<{ requestTypes: RequestTypeEntry[] }>().requestTypes;
      expect(types.map((t) => t.code)).toEqual([...requestTypeCodes]);
      expect(types).toHaveLength(14);
      for (const type of types) {
        expect(type.legalSource, type.code).toMatch(citation);
        expect(type.fields.length, type.code).toBeGreaterThan(0);
        for (const field of type.fields) expect(field.legalSource, `${type.code}.${field.name}`).toMatch(citation);
      }
      const preservation = types.find((t) => t.code === 'PRESERVATION_42')!;
      expect(preservation.title.vi).toBe('Yêu cầu bảo toàn khẩn cấp dữ liệu điện tử được lưu trữ');
      expect(preservation.fields.find((f) => f.name === 'offenceSummary')).toMatchObject({
        legalSource: 'UN Convention against Cybercrime art. 42(2)(b) [unverified]',
        sourceFor: { BUDAPEST: 'Budapest Convention art. 29(2)(b)' },
        requiredFor: ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'],
      });
      expect(preservation.fields.find((f) => f.name === 'treatyReference')).toMatchObject({
        legalSource: 'bilateral treaty: the treaty governs when one exists (UN art. 40(6))',
        requiredFor: ['BILATERAL'],
      });
      const mla = types.find((t) => t.code === 'MLA_40')!;
      expect(mla.refusalGrounds['UN']?.find((g) => g.code === 'FISCAL_MATTER')).toMatchObject({
        forbiddenAsSoleGround: true,
        legalSource: 'UN Convention against Cybercrime art. 40(23) [unverified]',
      });
      expect(mla.refusalGrounds['UN']?.map((g) => g.code)).not.toContain('POLITICAL_OFFENCE');
      expect(mla.refusalGrounds['BUDAPEST']?.find((g) => g.code === 'POLITICAL_OFFENCE')?.legalSource).toBe(
        'Budapest Convention art. 27(4)(a)',
      );
      expect(mla.postponementGrounds['UN']?.map((g) => g.code)).toEqual(['INTERFERES_WITH_PROCEEDINGS']);
    });

    it(
      'offer each basis its own grounds: narrow ones for preservation, the node\u2019s ' +
        'list for bilateral treaties',
      async () => {
        const types = (await node.call('GET', '/api/v1/request-types', { as: duty })).json<{
          requestTypes: RequestTypeEntry[];
        }>().requestTypes;
        const grounds = (code: string, basis: string) =>
          types.find((t) => t.code === code)?.refusalGrounds[basis]?.map((g) => g.code);
        expect(grounds('PRESERVATION_42', 'UN')).toEqual([
          'ESSENTIAL_INTERESTS',
          'DISCRIMINATORY_PURPOSE',
          'DC_RESERVATION_PRESERVATION',
        ]);
        expect(grounds('TRAFFIC_PATH_43', 'BUDAPEST')).toEqual(['ESSENTIAL_INTERESTS', 'POLITICAL_OFFENCE']);
        expect(grounds('MLA_40', 'BILATERAL')).toEqual(bilateralGrounds);
        expect(grounds('PRESERVATION_42', 'BILATERAL')).toEqual(['ESSENTIAL_INTERESTS']);
        expect(grounds('FREEZE_CONFISCATE_50', 'BUDAPEST')).toBeUndefined();
      },
    );

    it('answer every officer role, and no one without the requests permission', async () => {
      for (const path of [
        '/api/v1/state-machines',
        '/api/v1/deadline-rules',
        '/api/v1/country-profiles',
        '/api/v1/request-types',
      ]) {
        expect((await node.call('GET', path, { as: duty })).statusCode, path).toBe(200);
        expect((await node.call('GET', path, { as: central })).statusCode, path).toBe(200);
        expect((await node.call('GET', path, { as: auditor })).statusCode, path).toBe(403);
        expect((await node.call('GET', path)).statusCode, path).toBe(401);
      }
    });

    it('describe the state machines, the legal clocks and the partner States', async () => {
      const machines = (await node.call('GET', '/api/v1/state-machines', { as: duty })).json<{
        stateMachines: {
          family: string;
          initial: unknown;
          transitions: { action: string; by: string; legalSource: string | null }[];
        }[];
      }>().stateMachines;
      expect(machines.map((m) => m.family)).toEqual([
        'preservation',
        'traffic-path',
        'mla',
        'realtime',
        'le-exchange',
        'asset',
        'extradition',
      ]);
      const preservation = machines[0]!;
      expect(preservation.initial).toEqual({ outgoing: 'DRAFT', incoming: 'RECEIVED' });
      expect(preservation.transitions.find((t) => t.action === 'confirm-preserved')).toMatchObject({
        by: 'requested',
        recordedBy: 'order',
        legalSource: 'UN Convention against Cybercrime art. 42(7) [unverified]',
      });
      const rules = (await node.call('GET', '/api/v1/deadline-rules', { as: duty })).json<{
        deadlineRules: { id: string; kind: string; legalSource: string; sourceFor?: Record<string, string> }[];
      }>().deadlineRules;
      expect(rules.map((r) => r.id)).toEqual([
        'acknowledge-urgent',
        'acknowledge-standard',
        'written-confirmation',
        'preservation-period',
        'authorised-collection-end',
        'deadline-sought',
      ]);
      for (const rule of rules) {
        expect(rule.legalSource, rule.id).toMatch(/^UN Convention against Cybercrime art\. \d+/);
      }
      // The hard stop comes from the domestic authorisation, not from Art. 45 or 46.
      expect(rules.find((r) => r.id === 'authorised-collection-end')?.sourceFor).toEqual({
        REALTIME_TRAFFIC_45: 'UN Convention against Cybercrime art. 29 [unverified]',
        INTERCEPTION_46: 'UN Convention against Cybercrime art. 30 [unverified]',
      });
      const profiles = (await node.call('GET', '/api/v1/country-profiles', { as: duty })).json<{
        countryProfiles: {
          country: string;
          languages: string[];
          reservations: { code: string; title: { en: string; vi: string }; legalSource: string }[];
        }[];
      }>().countryProfiles;
      expect(profiles.map((p) => p.country)).toEqual(['VN', 'SG', 'FR']);
      expect(profiles.find((p) => p.country === 'SG')).toMatchObject({
        languages: ['en'],
        reservations: [
          {
            code: 'ART42_DUAL_CRIMINALITY',
            title: {
              en: 'may refuse preservation for non-Convention offences where dual criminality will fail',
              vi: expect.stringContaining('tội phạm kép') as unknown,
            },
            legalSource: 'UN Convention against Cybercrime art. 42(4) [unverified]',
          },
        ],
      });
    });
  });

  describe('refusal grounds of this node\u2019s bilateral treaties', () => {
    it('refuses a bilateral-basis request only on a ground the node lists', async () => {
      const request = await api.receive(supervisor, {
        reference: 'FR-2026-0077',
        requestingState: 'FR',
        type: 'MLA_40',
        legalBasis: 'BILATERAL',
        language: 'en',
        details: { ...mlaDetails(), treatyReference: 'Franco-Vietnamese MLA treaty of 2000' },
      });
      await api.move(supervisor, request.id, 'acknowledge');
      await api.move(supervisor, request.id, 'assess');
      const refused = await api.act(supervisor, request.id, 'refuse', {
        reasonCodes: ['POLITICAL_OFFENCE'],
        reasons: 'The treaty allows a refusal for a political offence',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ code: string; detail: string }>()).toMatchObject({
        code: 'request/ground-not-allowed',
        detail: expect.stringContaining('allow(s) only ESSENTIAL_INTERESTS, NO_DUAL_CRIMINALITY') as unknown,
      });
      const accepted = await api.move(supervisor, request.id, 'refuse', {
        reasonCodes: ['ESSENTIAL_INTERESTS'],
        reasons: 'Execution would prejudice national security',
      });
      expect(accepted.state).toBe('REFUSED');
    });
  });

  describe('drafting warnings', () => {
    let conventionCaseId: string;
    const toSingapore = (extra: Record<string, unknown>) =>
      api.draft(duty, {
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        requestedState: 'SG',
        caseId: conventionCaseId,
        details: preservationDetails(),
        ...extra,
      });
    const drafting = (request: { draftingWarnings: readonly { text: { en: string } }[] }) =>
      request.draftingWarnings.map((w) => w.text.en);
    const languageWarnings = (request: { draftingWarnings: readonly { code: string; text: { en: string } }[] }) =>
      request.draftingWarnings.filter((w) => w.code === 'language-not-accepted').map((w) => w.text.en);

    beforeAll(async () => {
      // Illegal access (art. 7): a Convention offence, so Singapore's art. 42(4) reservation is not in play.
      conventionCaseId = (await node.call('POST', '/api/v1/cases', { as: duty, body: caseInput() })).json<{
        id: string;
      }>().id;
    });

    it('warns when a request to Singapore has no English text', async () => {
      const request = await toSingapore({ language: 'vi' });
      expect(languageWarnings(request)).toEqual([
        'Singapore accepts English; this request has no English text (UN Convention ' +
          'against Cybercrime art. 40(14) [unverified])',
      ]);
      // A code with its parameters, and its words in both languages for the reader to choose from.
      expect(request.draftingWarnings[0]).toMatchObject({
        code: 'language-not-accepted',
        params: { state: 'SG', languages: 'en' },
        text: { vi: expect.stringContaining('tiếng Anh') as unknown },
      });
      const pending = await toSingapore({ language: 'vi', translations: [{ language: 'en', status: 'pending' }] });
      expect(languageWarnings(pending)).toHaveLength(1);
    });

    it(
      'says nothing about language once a certified English translation is attached, ' + 'or after adding one',
      async () => {
        const translated = await toSingapore({
          language: 'vi',
          translations: [{ language: 'en', status: 'certified' }],
        });
        expect(translated.warnings).toEqual([]);
        expect(translated.draftingWarnings).toEqual([]);
        const draft = await toSingapore({ language: 'vi' });
        const patched = await node.call('PATCH', `/api/v1/requests/${draft.id}`, {
          as: duty,
          body: { version: draft.version, translations: [{ language: 'en', status: 'machine' }] },
        });
        expect(patched.json<{ draftingWarnings: unknown[] }>().draftingWarnings).toEqual([]);
        expect((await api.view(duty, draft.id)).draftingWarnings).toEqual([]);
      },
    );

    it('warns about a basis Singapore does not accept, its art. 42 reservation and eligibility', async () => {
      const reciprocity = await toSingapore({
        language: 'en',
        legalBasis: 'RECIPROCITY',
        details: { ...preservationDetails(), reciprocityAssurance: 'Viet Nam will assist Singapore in a similar case' },
      });
      expect(drafting(reciprocity)).toEqual([
        'Singapore does not cooperate on the RECIPROCITY basis; use UN, BILATERAL',
      ]);
      expect(reciprocity.warnings).toEqual([]);
      const input = caseInput();
      const minor = await node.call('POST', '/api/v1/cases', {
        as: duty,
        body: {
          ...input,
          domesticReference: 'A05-2026-0900',
          offences: [
            { code: 'OTHER', statutoryMaxPenaltyYears: 2, conductDescription: 'Defamation on a social network' },
          ],
        },
      });
      expect(minor.statusCode).toBe(201);
      const request = await toSingapore({ language: 'en', caseId: minor.json<{ id: string }>().id });
      expect(drafting(request)).toHaveLength(1);
      expect(drafting(request)[0]).toContain('UN Convention against Cybercrime art. 42(4)');
      expect(request.warnings).toHaveLength(1);
      expect(request.warnings[0]).toContain('no Convention offence and no serious crime');
      // Without a case the offence is unknown: the officer is told the checks could not run.
      const noCase = await toSingapore({ language: 'en', caseId: undefined });
      expect(noCase.draftingWarnings).toEqual([]);
      expect(noCase.warnings).toEqual([
        'no case is attached: the offence is unknown, so eligibility (UN art. 35, ' +
          '40, 41) and the requested State\u2019s reservations cannot be checked',
      ]);
      const unknownState = await api.draft(duty, {
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        requestedState: 'DE',
        language: 'en',
        caseId: conventionCaseId,
      });
      expect(drafting(unknownState)).toEqual([
        'no directory profile for DE: languages and reservations cannot be checked',
      ]);
    });
  });
});
