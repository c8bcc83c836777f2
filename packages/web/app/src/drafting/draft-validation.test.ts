import { dateRange, requestTypes } from '@hanoi247/core';
import { describe, expect, it } from 'vitest';
import type { CountryProfile, FieldSpec } from '../api/types.js';
import { requestTypesBody } from '../test/reference.fixtures.js';
import { rangeFields } from './date-range.js';
import { countryChecks, identifierError, validateDraft, type DraftForm } from './draft-validation.js';

const fields: FieldSpec[] = [
  {
    name: 'offenceSummary',
    label: { en: 'Offence', vi: 'Tội danh' },
    legalSource: 'art. 42(2)(b)',
    requiredFor: ['UN'],
  },
  {
    name: 'treatyReference',
    label: { en: 'Treaty', vi: 'Điều ước' },
    legalSource: 'bilateral',
    requiredFor: ['BILATERAL'],
  },
];
const form: DraftForm = {
  type: 'PRESERVATION_42',
  requestedState: 'SG',
  legalBasis: 'UN',
  language: 'en',
  priority: 'urgent',
  emergencyJustification: '',
  details: { offenceSummary: 'Illegal access' },
};
const singapore: CountryProfile = {
  country: 'SG',
  name: { en: 'Singapore', vi: 'Singapore' },
  languages: ['en'],
  reservations: [
    {
      code: 'ART42_DUAL_CRIMINALITY',
      title: { en: 'may refuse preservation', vi: 'có thể từ chối bảo toàn' },
      legalSource: 'art. 42(4)',
    },
  ],
  acceptedBases: ['UN', 'BILATERAL'],
  authorities: [],
  illustrative: true,
};

describe('drafting checks', () => {
  it('requires the fields of the chosen legal basis only', () => {
    expect(validateDraft(form, fields)).toEqual({});
    expect(validateDraft({ ...form, details: {} }, fields)).toEqual({
      'details.offenceSummary': 'validation.required',
    });
    expect(validateDraft({ ...form, legalBasis: 'BILATERAL' }, fields)).toEqual({
      'details.treatyReference': 'validation.required',
    });
  });

  it('asks for a justification when the request is an emergency', () => {
    expect(validateDraft({ ...form, priority: 'emergency' }, fields)).toEqual({
      emergencyJustification: 'validation.emergencyJustification',
    });
  });

  it('checks identifiers as the server does: an IP needs its zoned time, a phone E.164', () => {
    expect(
      identifierError({ kind: 'ip', value: '203.0.113.7', port: '443', observedAt: '2026-10-30T14:03:11+07:00' }),
    ).toBeNull();
    expect(identifierError({ kind: 'ip', value: '203.0.113.7', port: '443', observedAt: '2026-10-30 14:03' })).toBe(
      'validation.zonedTime',
    );
    expect(identifierError({ kind: 'ip', value: '203.0.113.700', observedAt: '2026-10-30T14:03:11Z' })).toBe(
      'validation.ipAddress',
    );
    expect(identifierError({ kind: 'phone', value: '0912345678' })).toBe('validation.phone');
    expect(identifierError({ kind: 'account', value: 'quick.invest', service: '' })).toBe('validation.serviceRequired');
    expect(
      validateDraft(
        { ...form, details: { ...form.details, identifiers: [{ kind: 'email', value: 'nobody' }] } },
        fields,
      ),
    ).toEqual({ 'identifiers.0': 'validation.email' });
  });

  it('warns while typing about the partner: its languages, accepted bases and reservations', () => {
    const checks = countryChecks({ ...form, language: 'vi', legalBasis: 'RECIPROCITY' }, singapore, 'vi');
    expect(checks.map((c) => c.key)).toEqual(['checks.language', 'checks.basis', 'checks.reservation']);
    // The reservation in the reader's language: a code on the wire, its words from the directory.
    expect(checks[2]?.values).toEqual({ code: 'ART42_DUAL_CRIMINALITY', text: 'có thể từ chối bảo toàn' });
    expect(countryChecks(form, singapore, 'en')[0]?.values).toEqual({
      code: 'ART42_DUAL_CRIMINALITY',
      text: 'may refuse preservation',
    });
    expect(countryChecks(form, undefined, 'vi')).toEqual([]);
  });
});

describe('periods (core dateRange: { from, to }, from not after to)', () => {
  const apiFields = (code: string): FieldSpec[] =>
    requestTypesBody.requestTypes.find((t) => t.code === code)?.fields ?? [];
  const realtime = apiFields('REALTIME_TRAFFIC_45');
  const realtimeForm: DraftForm = { ...form, type: 'REALTIME_TRAFFIC_45' };
  const periodError = (collectionPeriod: unknown) =>
    validateDraft({ ...realtimeForm, details: { collectionPeriod } }, realtime)['details.collectionPeriod'];

  it('knows every registry field whose schema is core\u2019s dateRange, and no other', () => {
    const fromRegistry = new Set(
      Object.values(requestTypes).flatMap((t) => t.fields.filter((f) => f.schema === dateRange).map((f) => f.name)),
    );
    expect([...rangeFields].sort()).toEqual([...fromRegistry].sort());
  });

  it('requires the collection period of real-time collection (UN art. 45) under every basis', () => {
    expect(realtime.find((f) => f.name === 'collectionPeriod')?.requiredFor).toContain('UN');
    expect(periodError(undefined)).toBe('validation.required');
    expect(periodError({ from: '', to: '' })).toBe('validation.required');
  });

  it('asks for both ends, real times, and a start not after the end (equal is allowed, as in core)', () => {
    expect(periodError({ from: '2026-11-03T00:00', to: '' })).toBe('period.incomplete');
    expect(periodError({ from: '', to: '2026-12-03T00:00' })).toBe('period.incomplete');
    expect(periodError({ from: '2026-13-03T00:00', to: '2026-12-03T00:00' })).toBe('period.invalid');
    expect(periodError({ from: '2026-11-03', to: '2026-12-03T00:00' })).toBe('period.invalid');
    expect(periodError({ from: '2026-12-03T00:01', to: '2026-12-03T00:00' })).toBe('validation.periodOrder');
    expect(periodError({ from: '2026-12-03T00:00', to: '2026-12-03T00:00' })).toBeUndefined();
    expect(periodError({ from: '2026-11-03T00:00', to: '2026-12-03T00:00' })).toBeUndefined();
  });

  it('leaves an optional period alone when empty, but not when half given (preservation, G8 checklist)', () => {
    const preservation = apiFields('PRESERVATION_42');
    expect(preservation.find((f) => f.name === 'dateRange')?.requiredFor).toEqual([]);
    const check = (dateRange: unknown) =>
      validateDraft({ ...form, details: { ...form.details, dateRange } }, preservation)['details.dateRange'];
    expect(check(undefined)).toBeUndefined();
    expect(check({ from: '', to: '' })).toBeUndefined();
    expect(check({ from: '2026-10-01T00:00', to: '' })).toBe('period.incomplete');
    expect(check({ from: '2026-10-31T00:00', to: '2026-10-01T00:00' })).toBe('validation.periodOrder');
  });
});
