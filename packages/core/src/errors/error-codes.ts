/**
 * The closed vocabulary of errors. Codes are stable identifiers that clients may
 * branch on; they are namespaced by area. Each code belongs to a kind, and the
 * HTTP layer maps kinds to statuses in exactly one place.
 */
export const errorKinds = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'gone',
  'payload-too-large',
  'unsupported-media-type',
  'rate-limited',
  'unavailable',
  'bug',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

export const errorCatalogue = {
  'request/validation-failed': 'invalid',
  'request/bad-request': 'invalid',
  'request/malformed-json': 'invalid',
  'request/forbidden-key': 'invalid',
  'request/body-too-large': 'payload-too-large',
  'request/unsupported-media-type': 'unsupported-media-type',
  'request/route-not-found': 'not-found',
  'request/rate-limited': 'rate-limited',
  'auth/unauthenticated': 'unauthenticated',
  'auth/invalid-credentials': 'unauthenticated',
  'auth/totp-required': 'unauthenticated',
  'auth/session-expired': 'unauthenticated',
  'auth/csrf-token-invalid': 'forbidden',
  'auth/forbidden': 'forbidden',
  'auth/enrolment-invalid': 'unauthenticated',
  'auth/bootstrap-token-invalid': 'unauthenticated',
  'auth/bootstrap-already-done': 'conflict',
  'user/not-found': 'not-found',
  'user/username-taken': 'conflict',
  'user/weak-password': 'invalid',
  'user/cannot-disable-self': 'conflict',
  'user/last-administrator': 'conflict',
  'token/not-found': 'not-found',
  'audit/invalid-cursor': 'invalid',
  'case/not-found': 'not-found',
  'request/not-found': 'not-found',
  'request/incomplete': 'invalid',
  'request/invalid-details': 'invalid',
  'request/illegal-transition': 'conflict',
  'request/four-eyes': 'forbidden',
  'request/not-editable': 'conflict',
  'request/refusal-grounds-invalid': 'invalid',
  'request/forbidden-sole-ground': 'invalid',
  'request/consultation-required': 'conflict',
  'request/conditions-required': 'invalid',
  'request/preservation-too-short': 'invalid',
  'request/invalid-period': 'invalid',
  'request/emergency-justification-required': 'invalid',
  'request/information-required': 'invalid',
  'request/link-required': 'invalid',
  'request/concurrent-change': 'conflict',
  'federation/invalid-envelope': 'invalid',
  'federation/unknown-signer': 'unauthenticated',
  'federation/bad-signature': 'unauthenticated',
  'federation/wrong-recipient': 'invalid',
  'federation/expired': 'invalid',
  'federation/not-yet-valid': 'invalid',
  'federation/digest-mismatch': 'invalid',
  'federation/undecryptable': 'invalid',
  'federation/invalid-descriptor': 'invalid',
  'federation/fingerprint-mismatch': 'invalid',
  'federation/unknown-peer': 'not-found',
  'federation/invalid-receipt': 'invalid',
  'federation/unexpected-message': 'conflict',
  'config/invalid': 'invalid',
  'storage/unavailable': 'unavailable',
  'bug/invariant-violated': 'bug',
  'bug/internal': 'bug',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof errorCatalogue;

export function kindOf(code: ErrorCode): ErrorKind {
  return errorCatalogue[code];
}
