import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eWalletKeyNote, eWalletProviders } from './e-wallet-providers.js';
import { accepted, expectIdempotent, runs } from './indicator.fixtures.js';
import { normaliseEWallet } from './normalise-e-wallet.js';

const provider = fc.constantFrom(...eWalletProviders);
const phoneWritings = ['0912 345 678', '+84912345678', '0084 912 345 678', '091-234-5678'];

describe('normaliseEWallet', () => {
  it('writes a phone-keyed wallet as {provider}:{E.164}', () => {
    const momo = accepted(normaliseEWallet('MoMo 0912 345 678'));
    expect(momo.hashKey).toBe('e-wallet|momo:+84912345678');
    expect(momo.valueDisplay).toBe('MoMo +84 912 345 678');
    expect(momo.facts).toEqual({ provider: 'momo', keyedBy: 'phone', lineType: 'MOBILE' });
    expect(accepted(normaliseEWallet('Ví Viettel Money 0912345678')).valueNorm).toBe('viettel-money:+84912345678');
    expect(accepted(normaliseEWallet('0912345678', { provider: 'Zalo Pay' })).valueNorm).toBe('zalopay:+84912345678');
  });

  it('keeps a wallet id that is no phone number, in lower case', () => {
    const wallet = accepted(normaliseEWallet('ShopeePay: Shop.Lua_Dao'));
    expect(wallet.valueNorm).toBe('shopeepay:shop.lua_dao');
    expect(wallet.facts['keyedBy']).toBe('wallet-id');
  });

  it('refuses an unknown provider and an id that is neither phone nor wallet id', () => {
    expect(normaliseEWallet('PayFast 0912345678')).toEqual({ ok: false, reason: 'fraud/indicator-unknown-provider' });
    expect(normaliseEWallet('0912345678')).toEqual({ ok: false, reason: 'fraud/indicator-unknown-provider' });
    expect(normaliseEWallet('MoMo ab')).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
  });

  it('says the phone keying is unverified', () => {
    expect(eWalletKeyNote).toContain('[unverified]');
  });

  it('maps every way of naming the provider and writing the phone to one indicator, idempotently', () => {
    fc.assert(
      fc.property(provider, fc.constantFrom(...phoneWritings), fc.nat(), (p, phone, pick) => {
        const names = [p.code, ...p.aliases];
        const name = names[pick % names.length]!;
        const expected = `${p.code}:+84912345678`;
        for (const raw of [`${name} ${phone}`, `${name.toUpperCase()}: ${phone}`, `${p.code}:${phone}`]) {
          expect(expectIdempotent(normaliseEWallet, raw).valueNorm).toBe(expected);
        }
        expect(accepted(normaliseEWallet(phone, { provider: name })).valueNorm).toBe(expected);
      }),
      runs,
    );
  });
});
