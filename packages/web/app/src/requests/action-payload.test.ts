import { describe, expect, it } from 'vitest';
import { buildPayload, checkPayload, emptyPayload, payloadFieldsFor } from './action-payload.js';

describe('the payload an action needs', () => {
  it('follows the guards: a refusal needs reason codes and reasons, an acknowledgement nothing', () => {
    expect(payloadFieldsFor(['refusal-grounds', 'consultation-before-refusal'])).toEqual(['reasonCodes', 'reasons']);
    expect(payloadFieldsFor([])).toEqual([]);
    expect(payloadFieldsFor(['preservation-minimum'])).toEqual(['preservedUntil']);
  });

  it('refuses a refusal without a reason code, and a preservation date in the past', () => {
    const refuse = payloadFieldsFor(['refusal-grounds']);
    expect(checkPayload(refuse, { ...emptyPayload, reasons: 'x' }, '2026-05-01')).toEqual({
      reasonCodes: 'validation.reasonCodeRequired',
    });
    expect(
      checkPayload(refuse, { ...emptyPayload, reasons: 'x', reasonCodes: ['ESSENTIAL_INTERESTS'] }, '2026-05-01'),
    ).toEqual({});
    const preserve = payloadFieldsFor(['preservation-minimum']);
    expect(checkPayload(preserve, { ...emptyPayload, preservedUntil: '2026-04-30' }, '2026-05-01')).toEqual({
      preservedUntil: 'validation.dateInFuture',
    });
    expect(checkPayload(preserve, { ...emptyPayload, preservedUntil: 'tomorrow' }, '2026-05-01')).toEqual({
      preservedUntil: 'validation.required',
    });
  });

  it('sends conditions as the server expects them, and dates with their zone', () => {
    const payload = buildPayload(['conditions', 'preservedUntil'], {
      ...emptyPayload,
      conditionText: ' only for this case ',
      preservedUntil: '2026-08-01',
    });
    expect(payload['conditions']).toEqual([{ kind: 'USE_LIMITATION', text: 'only for this case' }]);
    expect(payload['preservedUntil']).toMatch(/^2026-0[78]-\d{2}T\d{2}:\d{2}:00\.000Z$/);
  });

  it('asks an extradition\u2019s acceptance for the maximum penalty in years, and sends it as a number', () => {
    const accept = payloadFieldsFor(['extradition-threshold']);
    expect(accept).toEqual(['requestedStateMaxPenaltyYears']);
    for (const typed of ['', 'three', '-1', '101']) {
      expect(
        checkPayload(accept, { ...emptyPayload, requestedStateMaxPenaltyYears: typed }, '2026-05-01'),
        typed,
      ).toEqual({
        requestedStateMaxPenaltyYears: 'validation.penaltyYears',
      });
    }
    expect(checkPayload(accept, { ...emptyPayload, requestedStateMaxPenaltyYears: '0.5' }, '2026-05-01')).toEqual({});
    expect(buildPayload(accept, { ...emptyPayload, requestedStateMaxPenaltyYears: '2.5' })).toEqual({
      requestedStateMaxPenaltyYears: 2.5,
    });
  });
});
