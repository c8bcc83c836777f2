import { describe, expect, it } from 'vitest';
import { accepted } from './indicator.fixtures.js';
import type { Indicator } from './indicator-result.js';
import { normaliseIndicator } from './normalise-indicator.js';
import { builtInWarninglists, warninglisted, type Warninglist } from './warninglists.js';

const of = (type: string, raw: string): Indicator => accepted(normaliseIndicator(type, raw));
const listIds = (indicator: Indicator, extra: readonly Warninglist[] = []): string[] =>
  warninglisted(indicator, extra).map((hit) => hit.listId);

/** A node's own banks: their real domains and accounts appear in reports and must not merge them. */
const ownBanks: readonly Warninglist[] = [
  {
    id: 'node-banks',
    version: '1',
    title: { en: "This node's banks", vi: 'Ngân hàng của nút' },
    source: 'node configuration',
    type: 'domain',
    values: ['vietcombank.com.vn'],
  },
  {
    id: 'node-bank-accounts',
    version: '1',
    title: { en: "Banks' own accounts", vi: 'Tài khoản của ngân hàng' },
    source: 'node configuration',
    type: 'vn-account',
    values: ['VN:970436:0011000000001'],
  },
];

describe('warninglists', () => {
  it('hold only normalised values of their type, each list versioned and sourced', () => {
    for (const list of builtInWarninglists) {
      expect(list.version).not.toBe('');
      expect(list.source).not.toBe('');
      for (const value of list.values) expect(of(list.type, value).valueNorm).toBe(value);
    }
  });

  it('name large platforms by host or registrable domain', () => {
    expect(listIds(of('domain', 'facebook.com'))).toEqual(['large-platforms']);
    expect(listIds(of('domain', 'm.facebook.com'))).toEqual(['large-platforms']);
    expect(listIds(of('domain', 'docs.google.com'))).toEqual(['large-platforms']);
  });

  it('name URL shorteners and public resolvers', () => {
    expect(listIds(of('domain', 'bit.ly'))).toEqual(['url-shorteners']);
    expect(listIds(of('ip', '8.8.8.8'))).toEqual(['public-resolvers']);
    expect(listIds(of('ip', '2606:4700:4700:0:0:0:0:1111'))).toEqual(['public-resolvers']);
  });

  it('list a URL only as a listed host home page: a path is one scam, its derived host is the shared part', () => {
    expect(listIds(of('url', 'https://www.facebook.com/'))).toEqual(['large-platforms']);
    expect(listIds(of('url', 'http://8.8.8.8/'))).toEqual(['public-resolvers']);
    const shortLink = of('url', 'https://bit.ly/3xYzAbC');
    expect(listIds(shortLink)).toEqual([]);
    expect(shortLink.derived.map((derived) => listIds(derived))).toEqual([['url-shorteners']]);
    expect(listIds(of('url', 'https://www.facebook.com/lua.dao.page'))).toEqual([]);
  });

  it('do not list a user site under a private suffix, nor lookalike domains', () => {
    const pages: Warninglist = { ...ownBanks[0]!, id: 'pages', values: ['github.io'] };
    expect(listIds(of('domain', 'user.github.io'), [pages])).toEqual([]);
    expect(listIds(of('domain', 'facebook.com.vn-login.top'))).toEqual([]);
    expect(listIds(of('domain', 'vietcombank-secure.com.vn'), ownBanks)).toEqual([]);
  });

  it("apply the node's own lists passed in", () => {
    expect(listIds(of('domain', 'www.vietcombank.com.vn'), ownBanks)).toEqual(['node-banks']);
    expect(listIds(of('vn-account', 'VCB 0011000000001'), ownBanks)).toEqual(['node-bank-accounts']);
    expect(listIds(of('vn-account', 'VCB 0011000000002'), ownBanks)).toEqual([]);
    expect(warninglisted(of('domain', 'www.vietcombank.com.vn'), ownBanks)).toEqual([
      { listId: 'node-banks', version: '1' },
    ]);
  });

  it('leave other indicators alone', () => {
    expect(listIds(of('phone', '0912345678'))).toEqual([]);
    expect(listIds(of('social', 'https://t.me/LuaDao_Bot'))).toEqual([]);
  });
});
