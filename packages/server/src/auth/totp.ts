import { Secret, TOTP } from 'otpauth';

const period = 30;

export interface TotpCheck {
  /** The RFC 6238 time step the code belongs to, for replay protection. */
  readonly step: number;
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: 'hanoi247',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** 160-bit secret, as RFC 4226 recommends, in the base32 authenticator apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString();
}

/** Accepts the current step and one on either side, for phone clock drift. */
export function checkTotp(secretBase32: string, code: string, now: Date): TotpCheck | null {
  if (!/^\d{6}$/.test(code)) return null;
  const timestamp = now.getTime();
  const delta = totpFor(secretBase32, 'check').validate({ token: code, timestamp, window: 1 });
  if (delta === null) return null;
  return { step: Math.floor(timestamp / 1000 / period) + delta };
}

export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpFor(secretBase32, 'code').generate({ timestamp: at.getTime() });
}
