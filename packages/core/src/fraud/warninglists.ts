import type { Bilingual } from '../requests/types/field-spec.js';
import type { Indicator } from './indicator-result.js';
import type { IndicatorType } from './indicator-types.js';

/**
 * Values shared by unrelated reports that must never join them into one cluster: a large platform, a URL shortener,
 * a public DNS resolver, the node's own banks. Each list holds normalised values of one indicator type; a domain
 * list also holds every host whose registrable domain it names (m.facebook.com is facebook.com's).
 */
export interface Warninglist {
  readonly id: string;
  readonly version: string;
  readonly title: Bilingual;
  readonly source: string;
  readonly type: IndicatorType;
  readonly values: readonly string[];
}

const words = (text: string): readonly string[] => text.split(' ');

const handCompiled =
  'compiled by hand for hanoi247 after the categories of MISP warninglists; not checked against them';

export const largePlatforms: Warninglist = {
  id: 'large-platforms',
  version: '2026-12-08',
  title: { en: 'Large platforms', vi: 'Nền tảng lớn' },
  source: handCompiled,
  type: 'domain',
  values: words(
    'facebook.com fb.com fb.me messenger.com m.me instagram.com whatsapp.com wa.me zalo.me zalo.vn ' +
      'zaloapp.com t.me telegram.org telegram.me google.com google.com.vn gmail.com youtube.com youtu.be ' +
      'tiktok.com x.com twitter.com apple.com icloud.com microsoft.com live.com outlook.com yahoo.com ' +
      'github.com linkedin.com viber.com shopee.vn lazada.vn tiki.vn amazon.com wikipedia.org',
  ),
};

export const urlShorteners: Warninglist = {
  id: 'url-shorteners',
  version: '2026-12-08',
  title: { en: 'URL shorteners', vi: 'Dịch vụ rút gọn liên kết' },
  source: handCompiled,
  type: 'domain',
  values: words(
    'bit.ly bitly.com tinyurl.com t.co shorturl.at goo.gl ow.ly is.gd v.gd buff.ly rebrand.ly cutt.ly ' +
      'rb.gy tiny.cc s.id t.ly lnkd.in shorten.asia',
  ),
};

export const publicResolvers: Warninglist = {
  id: 'public-resolvers',
  version: '2026-12-08',
  title: { en: 'Public DNS resolvers', vi: 'Máy chủ DNS công cộng' },
  source: handCompiled,
  type: 'ip',
  values: words(
    '8.8.8.8 8.8.4.4 1.1.1.1 1.0.0.1 9.9.9.9 149.112.112.112 208.67.222.222 208.67.220.220 94.140.14.14 ' +
      '94.140.15.15 2001:4860:4860::8888 2001:4860:4860::8844 2606:4700:4700::1111 2606:4700:4700::1001 ' +
      '2620:fe::fe 2620:fe::9',
  ),
};

/** The lists every node applies; a node adds its own (its banks' domains, accounts and hotlines) as `extraLists`. */
export const builtInWarninglists: readonly Warninglist[] = [largePlatforms, urlShorteners, publicResolvers];

export interface WarninglistHit {
  readonly listId: string;
  readonly version: string;
}

/** A node's own list may be long: each list's values become a set once (a cache, not state: lists are immutable). */
const valueSets = new WeakMap<Warninglist, ReadonlySet<string>>();
function valuesOf(list: Warninglist): ReadonlySet<string> {
  let values = valueSets.get(list);
  if (values === undefined) {
    values = new Set(list.values);
    valueSets.set(list, values);
  }
  return values;
}

/** The values of `indicator` a list of `type` is checked against; a URL counts only as its host's home page. */
function keysFor(indicator: Indicator, type: IndicatorType): readonly unknown[] {
  const { facts } = indicator;
  if (indicator.type === type) {
    return type === 'domain' ? [indicator.valueNorm, facts['registrableDomain']] : [indicator.valueNorm];
  }
  if (indicator.type === 'url' && facts['rootPage'] === true) {
    if (type === 'domain') return [facts['host'], facts['registrableDomain']];
    if (type === 'ip') return indicator.derived.filter((d) => d.type === 'ip').map((d) => d.valueNorm);
  }
  return [];
}

/**
 * Which lists hold the indicator: a domain by its host or registrable domain (so `user.github.io` does not
 * match a listed `github.io`), an IP exactly, a URL only when it is a listed host's home page (a path on bit.ly
 * or facebook.com is one scam's), any other type by its normalised value. Derived indicators are checked one by
 * one.
 */
export function warninglisted(
  indicator: Indicator,
  extraLists: readonly Warninglist[] = [],
): readonly WarninglistHit[] {
  return [...builtInWarninglists, ...extraLists]
    .filter((list) => keysFor(indicator, list.type).some((key) => typeof key === 'string' && valuesOf(list).has(key)))
    .map((list) => ({ listId: list.id, version: list.version }));
}
