import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveFieldKey, fieldBox, isSealedField } from './field-box.js';
import { leadingZeroBits, proofOfWork, solveChallenge } from './proof-of-work.js';

const storageKey = randomBytes(32);
const narrativeInfo = 'hanoi247 fraud-narrative v1';
const narrative = fieldBox(deriveFieldKey(storageKey, narrativeInfo), narrativeInfo);
const row = ['fraud_report_narratives', 'report-1', '1'];

describe('field sealing (AES-256-GCM, a key per purpose from the storage key)', () => {
  it('opens what it sealed for the same row, and nothing of the plaintext shows', () => {
    const sealed = narrative.seal('Họ gọi qua Zalo và yêu cầu chuyển 5 triệu', row);
    expect(isSealedField(sealed)).toBe(true);
    expect(sealed).not.toContain('Zalo');
    expect(narrative.open(sealed, row)).toBe('Họ gọi qua Zalo và yêu cầu chuyển 5 triệu');
  });

  it('refuses a value moved to another row, altered, or opened with another purpose\u2019s key', () => {
    const sealed = narrative.seal('secret', row);
    expect(narrative.open(sealed, ['fraud_report_narratives', 'report-2', '1'])).toBeNull();
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(narrative.open(altered, row)).toBeNull();
    const contactInfo = 'hanoi247 fraud-reporter-contact v1';
    const contact = fieldBox(deriveFieldKey(storageKey, contactInfo), contactInfo);
    expect(contact.open(sealed, row)).toBeNull();
    expect(narrative.open('plain text', row)).toBeNull();
  });
});

describe('the public form\u2019s proof-of-work', () => {
  const key = randomBytes(32);
  const now = new Date('2026-11-02T08:00:00Z');
  const pow = proofOfWork(key, { bits: 8, ttlSeconds: 600 });

  it('accepts a solved challenge and refuses a forged, expired, unsolved or easier one', () => {
    const issued = pow.issue(now);
    const solution = solveChallenge(issued.challenge, issued.bits);
    expect(pow.check(issued.challenge, solution, now)).toMatchObject({ ok: true });
    expect(pow.check(`${issued.challenge}x`, solution, now)).toEqual({ ok: false, reason: 'forged' });
    expect(pow.check(issued.challenge, solution, new Date(now.getTime() + 601_000))).toEqual({
      ok: false,
      reason: 'expired',
    });
    const unsolved = Array.from({ length: 64 }, (_, n) => n).find(
      (n) => pow.check(issued.challenge, n, now).ok === false,
    );
    expect(pow.check(issued.challenge, unsolved ?? -1, now)).toEqual({ ok: false, reason: 'unsolved' });
    const easy = proofOfWork(key, { bits: 2, ttlSeconds: 600 }).issue(now);
    expect(pow.check(easy.challenge, solveChallenge(easy.challenge, 2), now)).toMatchObject({ ok: false });
    expect(pow.check('not a challenge', 0, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('counts leading zero bits across bytes', () => {
    expect(leadingZeroBits(Uint8Array.of(0, 0x10, 0xff))).toBe(11);
    expect(leadingZeroBits(Uint8Array.of(0x80))).toBe(0);
  });
});
