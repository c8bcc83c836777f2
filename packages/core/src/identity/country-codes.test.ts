import { describe, expect, it } from 'vitest';
import { countryCodes, isCountryCode } from './country-codes.js';

describe('countryCodes', () => {
  it('holds the 249 officially assigned ISO 3166-1 alpha-2 codes', () => {
    expect(countryCodes.size).toBe(249);
    for (const code of countryCodes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it.each(['VN', 'SG', 'FR', 'GB', 'US', 'AX', 'BQ', 'SS', 'ZW'])('includes %s', (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  it.each(['vn', 'Vn', 'fr', 'UK', 'EU', 'XK', 'AN', 'YU', 'ZZ', '', 'VNM', ' VN', 'VN '])('rejects %j', (code) => {
    expect(isCountryCode(code)).toBe(false);
  });
});
