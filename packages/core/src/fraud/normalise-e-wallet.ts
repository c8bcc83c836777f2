import { eWalletProviders, type EWalletProvider } from './e-wallet-providers.js';
import {
  cleanInput,
  indicator,
  nameKey,
  refuse,
  type NormaliseHints,
  type NormaliseResult,
} from './indicator-result.js';
import { normalisePhone } from './normalise-phone.js';

const byKey = new Map<string, EWalletProvider>();
for (const provider of eWalletProviders) {
  for (const name of [provider.code, ...provider.aliases]) byKey.set(nameKey(name), provider);
}

export function findEWalletProvider(written: string): EWalletProvider | undefined {
  return byKey.get(nameKey(written)) ?? byKey.get(nameKey(written).replace(/^vi/, ''));
}

const walletId = /^[a-z0-9._-]{3,64}$/i;

/** "momo:+84912345678", "MoMo 0912 345 678", "Ví Viettel Money 0912345678", or the id alone with a provider hint. */
function split(text: string, hints: NormaliseHints): { provider: EWalletProvider | undefined; id: string } {
  const colon = /^([^:]+):\s*(.+)$/.exec(text);
  const named = colon === null ? undefined : findEWalletProvider(colon[1]!);
  if (named !== undefined) return { provider: named, id: colon![2]! };
  const words = text.split(/\s+/);
  for (let count = Math.min(3, words.length - 1); count >= 1; count -= 1) {
    const provider = findEWalletProvider(words.slice(0, count).join(' '));
    if (provider !== undefined) return { provider, id: words.slice(count).join(' ') };
  }
  return { provider: hints.provider === undefined ? undefined : findEWalletProvider(hints.provider), id: text };
}

/**
 * An e-wallet as `{provider}:{E.164 or wallet id}`: the provider from a versioned code list
 * (e-wallet-providers.ts), the wallet by the holder's phone number when the id is one.
 */
export function normaliseEWallet(raw: string, hints: NormaliseHints = {}): NormaliseResult {
  const input = cleanInput(raw);
  if (!input.ok) return input;
  const { provider, id } = split(input.text, hints);
  if (provider === undefined) return refuse('fraud/indicator-unknown-provider');
  const phone = normalisePhone(id, hints);
  if (phone.ok) {
    const { valueNorm, valueDisplay, facts } = phone.indicator;
    return indicator('e-wallet', `${provider.code}:${valueNorm}`, `${provider.label.en} ${valueDisplay}`, {
      provider: provider.code,
      keyedBy: 'phone',
      lineType: facts['lineType'] ?? null,
    });
  }
  if (!walletId.test(id)) return refuse('fraud/indicator-unparseable');
  const wallet = id.toLowerCase();
  return indicator('e-wallet', `${provider.code}:${wallet}`, `${provider.label.en} ${wallet}`, {
    provider: provider.code,
    keyedBy: 'wallet-id',
  });
}
