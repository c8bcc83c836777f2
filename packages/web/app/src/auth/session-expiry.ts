/** When the server ends this session; kept per tab because GET /auth/session does not say. */
const key = 'h247.sessionExpiresAt';

export function rememberSessionExpiry(expiresAt: string | null): void {
  if (expiresAt === null) sessionStorage.removeItem(key);
  else sessionStorage.setItem(key, expiresAt);
}

export function sessionExpiry(): string | null {
  return sessionStorage.getItem(key);
}

/** Warn this long before the end: enough to finish a sentence and save the draft. */
export const expiryWarningMs = 5 * 60_000;

/**
 * Whether this browser signed in before. Without it the app shows the sign-in page at once
 * instead of asking the server and logging a 401 in the console of every newcomer.
 */
const hintKey = 'h247.signedIn';

export function rememberSignedIn(signedIn: boolean): void {
  if (signedIn) localStorage.setItem(hintKey, '1');
  else localStorage.removeItem(hintKey);
}

export function mayBeSignedIn(): boolean {
  return localStorage.getItem(hintKey) === '1';
}
