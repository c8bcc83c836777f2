import { describe, expect, it } from 'vitest';
import { errorCatalogue, errorKinds, kindOf, type ErrorCode } from './error-codes.js';

const codes = Object.keys(errorCatalogue) as ErrorCode[];

describe('errorCatalogue', () => {
  it.each(codes)('gives %s a known kind', (code) => {
    expect(errorKinds).toContain(errorCatalogue[code]);
    expect(kindOf(code)).toBe(errorCatalogue[code]);
  });

  it('names every code as area/name in lower-case kebab case', () => {
    for (const code of codes) expect(code).toMatch(/^[a-z]+\/[a-z]+(?:-[a-z]+)*$/);
  });

  it('has no duplicate kinds', () => {
    expect(new Set(errorKinds).size).toBe(errorKinds.length);
  });

  it('maps the codes other modules rely on to the right kinds', () => {
    expect(kindOf('config/invalid')).toBe('invalid');
    expect(kindOf('auth/forbidden')).toBe('forbidden');
    expect(kindOf('auth/unauthenticated')).toBe('unauthenticated');
    expect(kindOf('bug/invariant-violated')).toBe('bug');
    expect(kindOf('request/body-too-large')).toBe('payload-too-large');
    expect(kindOf('request/uri-too-long')).toBe('uri-too-long');
    expect(kindOf('request/headers-too-large')).toBe('headers-too-large');
    expect(kindOf('request/timeout')).toBe('request-timeout');
    expect(kindOf('node/shutting-down')).toBe('unavailable');
  });
});
