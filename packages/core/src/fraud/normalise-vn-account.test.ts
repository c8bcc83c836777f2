import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepted, expectIdempotent, grouped, runs, separator } from './indicator.fixtures.js';
import { findVnBank, normaliseVnAccount } from './normalise-vn-account.js';
import { vnBanks, vnBankTable } from './vn-bank-bins.js';

const account = fc.stringMatching(/^\d{6,19}$/);
const bank = fc.constantFrom(...vnBanks);

describe('the BIN table', () => {
  it('is versioned, says its source is unverified, and holds unique six-digit BINs', () => {
    expect(vnBankTable.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(vnBankTable.verified).toBe(false);
    expect(vnBankTable.source).toContain('[unverified]');
    const bins = vnBanks.map((b) => b.bin);
    for (const bin of bins) expect(bin).toMatch(/^\d{6}$/);
    expect(new Set(bins).size).toBe(bins.length);
  });

  it('finds a bank by BIN, short name, alias or name, without case, spaces or diacritics', () => {
    for (const written of ['970436', 'Vietcombank', 'VCB', 'vcb', 'Ngân hàng Vietcombank', 'NH VCB']) {
      expect(findVnBank(written)?.bin).toBe('970436');
    }
    expect(findVnBank('Ngân hàng TMCP Quân đội')?.shortName).toBe('MB');
    expect(findVnBank('mb bank')?.shortName).toBe('MB');
    expect(findVnBank('Bank of Nowhere')).toBeUndefined();
  });
});

describe('normaliseVnAccount', () => {
  it('writes an account as VN:{BIN}:{digits} with its bank', () => {
    const vcb = accepted(normaliseVnAccount('Vietcombank 0071000123456'));
    expect(vcb.hashKey).toBe('vn-account|VN:970436:0071000123456');
    expect(vcb.valueDisplay).toBe('Vietcombank 0071000123456');
    expect(vcb.facts).toMatchObject({ bin: '970436', bank: 'Vietcombank', binTableVersion: vnBankTable.version });
    expect(accepted(normaliseVnAccount('0123 456 789', { bank: 'Techcombank' })).valueNorm).toBe(
      'VN:970407:0123456789',
    );
  });

  it('refuses an unknown bank, a missing bank and a number that is not an account', () => {
    expect(normaliseVnAccount('Bank of Nowhere 0123456789')).toEqual({
      ok: false,
      reason: 'fraud/indicator-unknown-bank',
    });
    expect(normaliseVnAccount('0123456789')).toEqual({ ok: false, reason: 'fraud/indicator-unknown-bank' });
    expect(normaliseVnAccount('VCB 12345')).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
    expect(normaliseVnAccount('VCB 0071-ABC-123')).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
    expect(normaliseVnAccount('VCB 12345678901234567890')).toEqual({
      ok: false,
      reason: 'fraud/indicator-unparseable',
    });
  });

  it('maps every way of writing one account to one indicator, idempotently', () => {
    fc.assert(
      fc.property(
        bank,
        account,
        separator,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.nat(),
        (b, digits, sep, cuts, pick) => {
          const names = [b.bin, b.shortName, b.name, ...b.aliases];
          const name = names[pick % names.length]!;
          const written = grouped(digits, cuts, sep);
          const variants = [
            `${name} ${written}`,
            `${name.toUpperCase()}: ${written}`,
            `Ngân hàng ${b.shortName} ${written}`,
            `${b.bin}:${digits}`,
            `VN:${b.bin}:${digits}`,
          ];
          for (const raw of variants) {
            const indicator = expectIdempotent(normaliseVnAccount, raw);
            expect(indicator.valueNorm).toBe(`VN:${b.bin}:${digits}`);
          }
          expect(accepted(normaliseVnAccount(written, { bank: name })).valueNorm).toBe(`VN:${b.bin}:${digits}`);
        },
      ),
      runs,
    );
  });
});
