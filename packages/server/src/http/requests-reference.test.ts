import { requestTypeCodes } from '@hanoi247/core';
import { TestNode, type SignedInUser } from '@hanoi247/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInput, preservationDetails, requestApi } from './request-fixtures.js';

interface RequestTypeEntry {
  readonly code: string;
  readonly title: { readonly en: string; readonly vi: string };
  readonly legalSource: string;
  readonly fields: readonly {
    readonly name: string;
    readonly legalSource: string;
    readonly requiredFor: readonly string[];
  }[];
  readonly refusalGrounds: readonly {
    readonly code: string;
    readonly legalSource: string;
    readonly forbiddenAsSoleGround: boolean;
  }[];
}

const citation =
  /^(UN Convention against Cybercrime art\. \d+(\(\w+\))*( \[unverified\])?|Budapest Convention art\. \d+(\(\w+\))*|bilateral treaty: .+|reciprocity: .+|operational practice \(G8\/UNODC\): .+)$/;

/** The legal rules as data, and the warnings drafted from them while the officer types. */
describe('reference data and drafting warnings', () => {
  let node: TestNode;
  let duty: SignedInUser;
  let central: SignedInUser;
  let auditor: SignedInUser;
  let api: ReturnType<typeof requestApi<SignedInUser>>;

  beforeAll(async () => {
    node = await TestNode.start();
    const admin = await node.administrator();
    duty = await node.user(admin, 'reference.duty', ['duty_officer']);
    central = await node.user(admin, 'reference.central', ['central_authority_officer']);
    auditor = await node.user(admin, 'reference.auditor', ['auditor']);
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
        legalSource: 'UN Convention against Cybercrime art. 42(3)(b) [unverified]',
        requiredFor: ['UN', 'BUDAPEST', 'BILATERAL', 'RECIPROCITY'],
      });
      expect(preservation.fields.find((f) => f.name === 'treatyReference')).toMatchObject({
        legalSource: 'bilateral treaty: the treaty governs when one exists (UN art. 40)',
        requiredFor: ['BILATERAL'],
      });
      const mla = types.find((t) => t.code === 'MLA_40')!;
      expect(mla.refusalGrounds.find((g) => g.code === 'FISCAL_MATTER')).toMatchObject({
        forbiddenAsSoleGround: true,
        legalSource: expect.stringContaining('art. 40(22)') as unknown,
      });
    });

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
        deadlineRules: { id: string; kind: string; legalSource: string }[];
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
      const profiles = (await node.call('GET', '/api/v1/country-profiles', { as: duty })).json<{
        countryProfiles: {
          country: string;
          languages: string[];
          reservations: { code: string; legalSource: string }[];
        }[];
      }>().countryProfiles;
      expect(profiles.map((p) => p.country)).toEqual(['VN', 'SG', 'FR']);
      expect(profiles.find((p) => p.country === 'SG')).toMatchObject({
        languages: ['en'],
        reservations: [
          { code: 'ART42_DUAL_CRIMINALITY', legalSource: 'UN Convention against Cybercrime art. 42(4) [unverified]' },
        ],
      });
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
    const languageWarnings = (warnings: readonly string[]) => warnings.filter((w) => w.includes('accepts'));

    beforeAll(async () => {
      // Illegal access (art. 7): a Convention offence, so Singapore's art. 42(4) reservation is not in play.
      conventionCaseId = (await node.call('POST', '/api/v1/cases', { as: duty, body: caseInput() })).json<{
        id: string;
      }>().id;
    });

    it('warns when a request to Singapore has no English text', async () => {
      const request = await toSingapore({ language: 'vi' });
      expect(languageWarnings(request.warnings)).toEqual([
        'Singapore accepts English; this request has no English text (UN art. 40(14))',
      ]);
      const pending = await toSingapore({ language: 'vi', translations: [{ language: 'en', status: 'pending' }] });
      expect(languageWarnings(pending.warnings)).toHaveLength(1);
    });

    it('says nothing about language once a certified English translation is attached, or after adding one', async () => {
      const translated = await toSingapore({ language: 'vi', translations: [{ language: 'en', status: 'certified' }] });
      expect(translated.warnings).toEqual([]);
      const draft = await toSingapore({ language: 'vi' });
      const patched = await node.call('PATCH', `/api/v1/requests/${draft.id}`, {
        as: duty,
        body: { version: draft.version, translations: [{ language: 'en', status: 'machine' }] },
      });
      expect(patched.json<{ warnings: string[] }>().warnings).toEqual([]);
      expect((await api.view(duty, draft.id)).warnings).toEqual([]);
    });

    it('warns about a basis Singapore does not accept, its art. 42 reservation and eligibility', async () => {
      const reciprocity = await toSingapore({
        language: 'en',
        legalBasis: 'RECIPROCITY',
        details: { ...preservationDetails(), reciprocityAssurance: 'Viet Nam will assist Singapore in a similar case' },
      });
      expect(reciprocity.warnings).toEqual([
        'Singapore does not cooperate on the RECIPROCITY basis; use UN, BILATERAL',
      ]);
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
      expect(request.warnings).toHaveLength(2);
      expect(request.warnings[0]).toContain('UN art. 42(4)');
      expect(request.warnings[1]).toContain('no Convention offence and no serious crime');
      // Without a case the offence is unknown: the officer is told the checks could not run.
      const noCase = await toSingapore({ language: 'en', caseId: undefined });
      expect(noCase.warnings).toEqual([
        'no case is attached: the offence is unknown, so eligibility (UN art. 35, 40, 41) and the requested State\u2019s reservations cannot be checked',
      ]);
      const unknownState = await api.draft(duty, {
        type: 'PRESERVATION_42',
        legalBasis: 'UN',
        requestedState: 'DE',
        language: 'en',
        caseId: conventionCaseId,
      });
      expect(unknownState.warnings).toEqual([
        'no directory profile for DE: languages and reservations cannot be checked',
      ]);
    });
  });
});
