import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepted, expectIdempotent, runs } from './indicator.fixtures.js';
import { normaliseDomain } from './normalise-domain.js';

const asciiLabel = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?$/).filter((l) => !/^..--/.test(l));
/** Vietnamese letters make internationalised names, the stuff of bank homographs. */
const unicodeLabel = fc
  .array(fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệ'), { minLength: 1, maxLength: 12 })
  .map((letters) => letters.join(''));
const suffix = fc.constantFrom('com', 'vn', 'com.vn', 'gov.vn', 'top', 'xyz', 'co.uk', 'github.io', 'blogspot.com');

describe('normaliseDomain', () => {
  it('keeps a GitHub Pages site as its own registrable domain (private suffixes included)', () => {
    const site = accepted(normaliseDomain('user.github.io'));
    expect(site.valueNorm).toBe('user.github.io');
    expect(site.facts).toMatchObject({ registrableDomain: 'user.github.io', publicSuffix: 'github.io' });
    expect(site.facts['privateSuffix']).toBe(true);
  });

  it('stores the A-label and shows the Unicode form of a homograph', () => {
    const homograph = accepted(normaliseDomain('xn--vitcombank-m7a.com'));
    expect(homograph.valueNorm).toBe('xn--vitcombank-m7a.com');
    expect(homograph.facts['unicode']).toBe('vêitcombank.com');
    expect(homograph.facts['idn']).toBe(true);
    expect(homograph.valueDisplay).toBe('vêitcombank.com (xn--vitcombank-m7a.com)');
    expect(accepted(normaliseDomain('VÊITCOMBANK.com.')).hashKey).toBe(homograph.hashKey);
  });

  it('keeps the host and names its registrable domain', () => {
    const host = accepted(normaliseDomain('https://Login.Vietcombank-Secure.com.vn/dang-nhap'));
    expect(host.valueNorm).toBe('login.vietcombank-secure.com.vn');
    expect(host.facts).toMatchObject({ registrableDomain: 'vietcombank-secure.com.vn', publicSuffix: 'com.vn' });
  });

  it('refuses IP addresses, bare suffixes, unknown top-level domains and junk', () => {
    for (const raw of ['8.8.8.8', '[::1]', 'com.vn', 'github.io', 'localhost', 'bank.notatld', 'a b.com', 'http://']) {
      expect(normaliseDomain(raw)).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
    }
  });

  it('maps case, a trailing dot, a scheme, a path and the Unicode form to one indicator, idempotently', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(asciiLabel, unicodeLabel), { minLength: 1, maxLength: 3 }),
        suffix,
        (labels, sfx) => {
          const name = `${labels.join('.')}.${sfx}`;
          const domain = expectIdempotent(normaliseDomain, name);
          expect(domain.valueNorm).toBe(new URL(`http://${name}`).hostname);
          expect(domain.facts['unicode']).toBe(name.normalize('NFC'));
          for (const raw of [
            name.toUpperCase(),
            `${name}.`,
            `https://${name}/path?q=1#f`,
            ` ${name} `,
            domain.valueNorm,
          ]) {
            expect(accepted(normaliseDomain(raw)).hashKey).toBe(domain.hashKey);
          }
        },
      ),
      runs,
    );
  });
});
