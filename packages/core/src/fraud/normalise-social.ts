import {
  cleanInput,
  indicator,
  nameKey,
  refuse,
  type NormaliseHints,
  type NormaliseResult,
} from './indicator-result.js';
import { normalisePhone } from './normalise-phone.js';
import { socialPlatforms, type SocialPlatform } from './social-platforms.js';

const byKey = new Map<string, SocialPlatform>();
for (const platform of socialPlatforms) {
  for (const name of [platform.code, ...platform.aliases]) byKey.set(nameKey(name), platform);
}

export function findSocialPlatform(written: string): SocialPlatform | undefined {
  return byKey.get(nameKey(written));
}

function platformOfHost(host: string): SocialPlatform | undefined {
  return socialPlatforms.find((platform) => platform.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}

/** First path segments that name posts, groups or invitations rather than an account: those stay URLs. */
const notAccounts = new Set(['g', 'groups', 'joinchat', 'share', 'watch', 'p', 'reel', 'video', 'status', 'hashtag']);

interface Parts {
  readonly platform: SocialPlatform | undefined;
  readonly account: string;
}

/** facebook.com/profile.php?id=…, facebook.com/people/Name/…, youtube.com/channel/…, or the first path segment. */
function fromProfileUrl(url: URL): Parts | undefined {
  const platform = platformOfHost(url.hostname);
  if (platform === undefined) return undefined;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const first = segments[0] ?? '';
  if (notAccounts.has(first.toLowerCase())) return { platform, account: '' };
  if (first === 'profile.php') return { platform, account: url.searchParams.get('id') ?? '' };
  if (first === 'people' || first === 'channel') return { platform, account: segments.at(-1) ?? '' };
  return { platform, account: first };
}

function profileUrl(text: string): URL | undefined {
  try {
    return new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
}

function split(text: string, hints: NormaliseHints): Parts {
  const url = /^(https?:\/\/)?[^\s/:@]+\.[a-z]{2,}\//i.test(text) ? profileUrl(text) : undefined;
  const fromUrl = url === undefined ? undefined : fromProfileUrl(url);
  if (fromUrl !== undefined) return fromUrl;
  const named = /^([^:\s]+)(?::\s*|\s+)(.+)$/.exec(text);
  const platform = named === null ? undefined : findSocialPlatform(named[1]!);
  if (platform !== undefined) return { platform, account: named![2]! };
  return { platform: hints.platform === undefined ? undefined : findSocialPlatform(hints.platform), account: text };
}

/** A YouTube channel id (UC + 22 characters) is case-sensitive; every other handle is compared in lower case. */
const youtubeChannelId = /^UC[\w-]{22}$/;
const handle = /^[\p{L}\p{N}._-]{1,100}$/u;

/**
 * A social-media account as `{platform}:{handle or numeric id}` from a profile URL, "telegram: @name",
 * "Facebook some.name" or a handle with a platform hint. A numeric profile id is preferred to a handle when given
 * (handles get renamed); a phone-keyed platform (Zalo, WhatsApp) writes a phone in E.164.
 */
export function normaliseSocial(raw: string, hints: NormaliseHints = {}): NormaliseResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const { platform, account } = split(input.text, hints);
  if (platform === undefined) return refuse('fraud/indicator-unknown-platform');
  const name = account.trim().replace(/^@/, '');
  const phone = platform.phoneKeyed && /^[\d\s.+()-]+$/.test(name) ? normalisePhone(name, hints) : undefined;
  if (phone?.ok === true) {
    return indicator(
      'social',
      `${platform.code}:${phone.indicator.valueNorm}`,
      `${platform.label.en} ${phone.indicator.valueDisplay}`,
      {
        platform: platform.code,
        idKind: 'phone',
      },
    );
  }
  if (!handle.test(name)) return refuse('fraud/indicator-unparseable');
  const caseKept = platform.code === 'youtube' && youtubeChannelId.test(name);
  const value = caseKept ? name : name.toLowerCase();
  const idKind = caseKept ? 'channel-id' : /^\d+$/.test(value) ? 'numeric-id' : 'handle';
  return indicator(
    'social',
    `${platform.code}:${value}`,
    `${platform.label.en} ${idKind === 'handle' ? '@' : ''}${value}`,
    {
      platform: platform.code,
      idKind,
    },
  );
}
