import type { Bilingual } from '../requests/types/field-spec.js';

/** Social platforms scammers use to reach people in Viet Nam, as a versioned code list. */
export interface SocialPlatform {
  readonly code: string;
  readonly label: Bilingual;
  /** Hosts whose first path segment (or `@handle`) names an account. */
  readonly hosts: readonly string[];
  readonly aliases: readonly string[];
  /** Zalo accounts are reached by phone number: a phone is written in E.164. */
  readonly phoneKeyed: boolean;
}

export const socialPlatformsVersion = '2026-12-08';

const platform = (
  code: string,
  name: string,
  hosts: readonly string[],
  aliases: readonly string[] = [],
  phoneKeyed = false,
): SocialPlatform => ({ code, label: { en: name, vi: name }, hosts, aliases: [name, ...aliases], phoneKeyed });

export const socialPlatforms: readonly SocialPlatform[] = [
  platform('facebook', 'Facebook', ['facebook.com', 'fb.com', 'fb.me', 'messenger.com', 'm.me'], ['fb', 'Messenger']),
  platform('zalo', 'Zalo', ['zalo.me', 'chat.zalo.me'], [], true),
  platform('telegram', 'Telegram', ['t.me', 'telegram.me', 'telegram.dog'], ['tg']),
  platform('tiktok', 'TikTok', ['tiktok.com']),
  platform('instagram', 'Instagram', ['instagram.com'], ['ig']),
  platform('x', 'X (Twitter)', ['x.com', 'twitter.com'], ['X', 'Twitter']),
  platform('youtube', 'YouTube', ['youtube.com'], ['yt']),
  platform('whatsapp', 'WhatsApp', ['wa.me'], [], true),
];
