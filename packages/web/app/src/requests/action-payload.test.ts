import { describe, expect, it } from 'vitest';
import { buildPayload, checkPayload, emptyPayload, payloadFieldsFor } from './action-payload.js';

describe('the payload an action needs', () => {
  it('follows the guards: a refusal needs reason codes and reasons, an acknowledgement nothing', () => {
    expect(payloadFieldsFor(['refusal-grounds', 'consultation-before-refusal'])).toEqual(['reasonCodes', 'reasons']);
    expect(payloadFieldsFor([])).toEqual([]);
    // Dates the provider confirms are never typed by an officer: no guard of an officer's action asks for one.
    expect(payloadFieldsFor(['preserved-until-given', 'preservation-recorded', 'no-open-orders'])).toEqual([]);
  });

  it('refuses a refusal without a reason code, and a period that ends before it starts', () => {
    const refuse = payloadFieldsFor(['refusal-grounds']);
    expect(checkPayload(refuse, { ...emptyPayload, reasons: 'x' }, '2026-05-01')).toEqual({
      reasonCodes: 'validation.reasonCodeRequired',
    });
    expect(
      checkPayload(refuse, { ...emptyPayload, reasons: 'x', reasonCodes: ['ESSENTIAL_INTERESTS'] }, '2026-05-01'),
    ).toEqual({});
    const period = payloadFieldsFor(['authorised-period']);
    expect(
      checkPayload(
        period,
        { ...emptyPayload, authorisedStart: '2026-05-10', authorisedEnd: '2026-05-02' },
        '2026-05-01',
      ),
    ).toEqual({ authorisedEnd: 'validation.periodOrder' });
  });

  it('sends conditions as the server expects them, dates with their zone, and typed text with its language', () => {
    const payload = buildPayload(
      ['conditions', 'authorisedEnd'],
      { ...emptyPayload, conditionText: ' only for this case ', authorisedEnd: '2026-08-01' },
      'vi',
    );
    expect(payload['conditions']).toEqual([{ kind: 'USE_LIMITATION', text: 'only for this case' }]);
    expect(payload['authorisedEnd']).toMatch(/^2026-0[78]-\d{2}T\d{2}:\d{2}:00\.000Z$/);
    expect(payload['language']).toBe('vi');
    // Nothing typed, nothing to mark.
    expect(buildPayload([], emptyPayload, 'en')).toEqual({});
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
    expect(buildPayload(accept, { ...emptyPayload, requestedStateMaxPenaltyYears: '2.5' }, 'en')).toEqual({
      requestedStateMaxPenaltyYears: 2.5,
    });
  });
});
