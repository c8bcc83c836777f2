/**
 * Every auditable action, as data. `personalDataRead` marks consultations of personal
 * data, which must be logged with a purpose (Law Enforcement Directive Art. 25 style).
 */
export const auditActions = {
  'node.bootstrap-token-issued': { personalDataRead: false, description: 'a one-time administrator bootstrap token was issued' },
  'node.bootstrapped': { personalDataRead: false, description: 'the first administrator was created with the bootstrap token' },
  'node.keys-generated': { personalDataRead: false, description: 'the node generated its signing and encryption keys' },
  'node.keys-rotated': { personalDataRead: false, description: 'the node rotated its keys; old public keys are kept' },
  'auth.login-succeeded': { personalDataRead: false, description: 'a user signed in' },
  'auth.login-failed': { personalDataRead: false, description: 'a sign-in attempt was refused' },
  'auth.totp-enrolment-started': { personalDataRead: false, description: 'a user was given a new TOTP secret to confirm' },
  'auth.totp-enrolled': { personalDataRead: false, description: 'a user confirmed a TOTP second factor' },
  'auth.logged-out': { personalDataRead: false, description: 'a user ended a session' },
  'user.created': { personalDataRead: false, description: 'a user account was created' },
  'user.disabled': { personalDataRead: false, description: 'a user account was disabled and its sessions and tokens revoked' },
  'user.totp-reset': { personalDataRead: false, description: "a user's second factor was cleared for re-enrolment" },
  'user.totp-preset': { personalDataRead: false, description: 'a demo account was given a second factor by the operator (hanoi247 demo only)' },
  'user.listed': { personalDataRead: true, description: 'user accounts (officers\u2019 personal data) were listed' },
  'token.created': { personalDataRead: false, description: 'an API token was issued' },
  'token.revoked': { personalDataRead: false, description: 'an API token was revoked' },
  'audit.listed': { personalDataRead: true, description: 'audit entries were consulted' },
  'case.created': { personalDataRead: false, description: 'a case file was opened' },
  'case.viewed': { personalDataRead: true, description: 'a case file (persons, identifiers) was consulted' },
  'request.created': { personalDataRead: false, description: 'a cooperation request was drafted or recorded as received' },
  'request.updated': { personalDataRead: false, description: 'a draft request was edited' },
  'request.transitioned': { personalDataRead: false, description: 'a request moved through its state machine' },
  'request.viewed': { personalDataRead: true, description: 'a request with its details was consulted' },
  'request.document-rendered': { personalDataRead: true, description: 'the formal document of a request was produced' },
  'peer.pinned': { personalDataRead: false, description: 'a partner node was pinned (or re-pinned after a key rotation)' },
  'peer.removed': { personalDataRead: false, description: 'a partner node was removed from the directory' },
  'federation.received': { personalDataRead: false, description: 'a message from a partner node was committed to the inbox' },
  'federation.rejected': { personalDataRead: false, description: 'a message from a partner node was refused' },
  'federation.delivery-failed': { personalDataRead: false, description: 'a message could not be delivered to a partner node' },
  'deadline.alarm': { personalDataRead: false, description: 'a legal clock raised a warning, breach, expiry or hard stop' },
} as const satisfies Record<string, { personalDataRead: boolean; description: string }>;

export type AuditAction = keyof typeof auditActions;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(auditActions, value);
}
