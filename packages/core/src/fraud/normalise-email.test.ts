import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepted, expectIdempotent, runs } from './indicator.fixtures.js';
import { normaliseEmail } from './normalise-email.js';

const local = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,20}[A-Za-z0-9]$/).filter((l) => !l.includes('..'));
const domain = fc.constantFrom('gmail.com', 'vietcombank-hotro.com.vn', 'xn--vitcombank-m7a.com', 'mail.example.vn');

describe('normaliseEmail', () => {
  it('lower-cases the address and writes the domain as its A-label, shown in Unicode', () => {
    const email = accepted(normaliseEmail('Support@VÊITCOMBANK.com'));
    expect(email.hashKey).toBe('email|support@xn--vitcombank-m7a.com');
    expect(email.valueDisplay).toBe('support@vêitcombank.com');
    expect(email.facts).toEqual({ domain: 'xn--vitcombank-m7a.com', registrableDomain: 'xn--vitcombank-m7a.com' });
  });

  it('refuses addresses without a local part or a registrable domain', () => {
    for (const raw of ['@example.com', 'user@', 'user@localhost', 'a b@example.com', 'user@example.com/x', 'x@b']) {
      expect(normaliseEmail(raw)).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
    }
  });

  it('maps case, mailto: and angle brackets to one indicator, idempotently', () => {
    fc.assert(
      fc.property(local, domain, (l, d) => {
        const email = expectIdempotent(normaliseEmail, `${l}@${d}`);
        for (const raw of [`${l.toUpperCase()}@${d.toUpperCase()}`, `mailto:${l}@${d}`, `<${l}@${d}>`, ` ${l}@${d} `]) {
          expect(accepted(normaliseEmail(raw)).hashKey).toBe(email.hashKey);
        }
      }),
      runs,
    );
  });
});
