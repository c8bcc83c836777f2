import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepted, expectIdempotent, runs } from './indicator.fixtures.js';
import { normaliseSocial } from './normalise-social.js';

const handle = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{3,20}$/);

describe('normaliseSocial', () => {
  it('prefers the numeric profile id of a Facebook profile address', () => {
    const profile = accepted(normaliseSocial('https://www.facebook.com/profile.php?id=100012345678'));
    expect(profile.hashKey).toBe('social|facebook:100012345678');
    expect(profile.facts).toEqual({ platform: 'facebook', idKind: 'numeric-id' });
    expect(accepted(normaliseSocial('https://www.facebook.com/people/Nguyen-Van-A/100012345678/')).hashKey).toBe(
      profile.hashKey,
    );
  });

  it('writes a Zalo account reached by phone in E.164', () => {
    const zalo = accepted(normaliseSocial('zalo.me/0912345678'));
    expect(zalo.hashKey).toBe('social|zalo:+84912345678');
    expect(accepted(normaliseSocial('Zalo: 0912 345 678')).hashKey).toBe(zalo.hashKey);
  });

  it('keeps the case of a YouTube channel id', () => {
    const channel = accepted(normaliseSocial('https://www.youtube.com/channel/UCabcdefghijklmnopqrstuV'));
    expect(channel.valueNorm).toBe('youtube:UCabcdefghijklmnopqrstuV');
    expect(channel.facts['idKind']).toBe('channel-id');
  });

  it('refuses an unknown platform, group or post links, and handles with spaces', () => {
    expect(normaliseSocial('@someone')).toEqual({ ok: false, reason: 'fraud/indicator-unknown-platform' });
    expect(normaliseSocial('https://myspace.com/someone')).toEqual({
      ok: false,
      reason: 'fraud/indicator-unknown-platform',
    });
    for (const raw of ['https://www.facebook.com/groups/123456', 'https://t.me/joinchat/AbCd', 'zalo.me/g/abcdef']) {
      expect(normaliseSocial(raw)).toEqual({ ok: false, reason: 'fraud/indicator-unparseable' });
    }
    expect(normaliseSocial('two words', { platform: 'telegram' })).toEqual({
      ok: false,
      reason: 'fraud/indicator-unparseable',
    });
  });

  it('maps profile addresses, "platform: @handle" and hinted handles to one lower-case indicator, idempotently', () => {
    fc.assert(
      fc.property(handle, (name) => {
        const expected = `telegram:${name.toLowerCase()}`;
        const variants = [
          `https://t.me/${name}`,
          `t.me/${name}/`,
          `https://telegram.me/${name}?start=1`,
          `Telegram @${name}`,
          `tg: ${name}`,
          expected,
        ];
        for (const raw of variants) expect(expectIdempotent(normaliseSocial, raw).valueNorm).toBe(expected);
        expect(accepted(normaliseSocial(`@${name}`, { platform: 'Telegram' })).valueNorm).toBe(expected);
        const tiktok = accepted(normaliseSocial(`https://www.tiktok.com/@${name}`));
        expect(tiktok.valueNorm).toBe(`tiktok:${name.toLowerCase()}`);
        expect(accepted(normaliseSocial(tiktok.valueNorm)).hashKey).toBe(tiktok.hashKey);
      }),
      runs,
    );
  });
});
