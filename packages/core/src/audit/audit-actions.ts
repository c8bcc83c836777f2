/**
 * Every auditable action, as data. `personalDataRead` marks consultations of personal
 * data, which must be logged with a purpose (Law Enforcement Directive Art. 25 style).
 */
export const auditActions = {
  'node.bootstrap-token-issued': {
    personalDataRead: false,
    description: 'a one-time administrator bootstrap token was issued',
  },
  'node.bootstrapped': {
    personalDataRead: false,
    description: 'the first administrator was created with the bootstrap token',
  },
  'node.keys-generated': { personalDataRead: false, description: 'the node generated its signing and encryption keys' },
  'node.keys-rotated': { personalDataRead: false, description: 'the node rotated its keys; old public keys are kept' },
  'auth.login-succeeded': { personalDataRead: false, description: 'a user signed in' },
  'auth.login-failed': { personalDataRead: false, description: 'a sign-in attempt was refused' },
  'auth.totp-enrolment-started': {
    personalDataRead: false,
    description: 'a user was given a new TOTP secret to confirm',
  },
  'auth.totp-enrolled': { personalDataRead: false, description: 'a user confirmed a TOTP second factor' },
  'auth.totp-secrets-sealed': {
    personalDataRead: false,
    description: 'TOTP secrets left in the clear by an earlier version were encrypted at rest',
  },
  'auth.logged-out': { personalDataRead: false, description: 'a user ended a session' },
  'user.created': { personalDataRead: false, description: 'a user account was created' },
  'user.disabled': {
    personalDataRead: false,
    description: 'a user account was disabled and its sessions and tokens revoked',
  },
  'user.totp-reset': { personalDataRead: false, description: "a user's second factor was cleared for re-enrolment" },
  'user.totp-preset': {
    personalDataRead: false,
    description: 'a demo account was given a second factor by the operator (hanoi247 demo only)',
  },
  'user.listed': { personalDataRead: true, description: 'user accounts (officers\u2019 personal data) were listed' },
  'token.created': { personalDataRead: false, description: 'an API token was issued' },
  'token.revoked': { personalDataRead: false, description: 'an API token was revoked' },
  'audit.listed': { personalDataRead: true, description: 'audit entries were consulted' },
  'case.created': { personalDataRead: false, description: 'a case file was opened' },
  'case.viewed': { personalDataRead: true, description: 'a case file (persons, identifiers) was consulted' },
  'request.created': {
    personalDataRead: false,
    description: 'a cooperation request was drafted or recorded as received',
  },
  'request.updated': { personalDataRead: false, description: 'a draft request was edited' },
  'request.transitioned': { personalDataRead: false, description: 'a request moved through its state machine' },
  'request.viewed': { personalDataRead: true, description: 'a request with its details was consulted' },
  'request.assignees-listed': {
    personalDataRead: true,
    description: 'the officers who may be assigned a request were listed (names only)',
  },
  'request.assigned': {
    personalDataRead: false,
    description: 'a request was assigned to an officer, reassigned or unassigned',
  },
  'events.subscribed': {
    personalDataRead: false,
    description:
      'a user opened the live stream of request changes (references and states of the requests they may see)',
  },
  'request.document-rendered': { personalDataRead: true, description: 'the formal document of a request was produced' },
  'peer.pinned': {
    personalDataRead: false,
    description: 'a partner node was pinned (or re-pinned after a key rotation)',
  },
  'peer.removed': { personalDataRead: false, description: 'a partner node was removed from the directory' },
  'federation.received': {
    personalDataRead: false,
    description: 'a message from a partner node was committed to the inbox',
  },
  'federation.rejected': { personalDataRead: false, description: 'a message from a partner node was refused' },
  'federation.delivery-failed': {
    personalDataRead: false,
    description: 'a message could not be delivered to a partner node',
  },
  'evidence.added': {
    personalDataRead: false,
    description: 'an evidence item was stored (hashed, sealed) with its custody events',
  },
  'evidence.add-refused': {
    personalDataRead: false,
    description: 'evidence was refused at ingest (declared hash mismatch) and nothing was kept',
  },
  'evidence.viewed': { personalDataRead: true, description: 'an evidence item\u2019s metadata was consulted' },
  'evidence.listed': { personalDataRead: true, description: 'the evidence items of a request were listed' },
  'evidence.downloaded': {
    personalDataRead: true,
    description: 'the content of an evidence item was downloaded (custody event accessed)',
  },
  'evidence.custody-viewed': {
    personalDataRead: true,
    description: 'the chain of custody of an evidence item (with actors\u2019 names) was consulted',
  },
  'evidence.upload-started': { personalDataRead: false, description: 'a resumable evidence upload was opened' },
  'evidence.upload-cancelled': {
    personalDataRead: false,
    description: 'a resumable evidence upload was cancelled and its partial content removed',
  },
  'evidence.upload-expired': {
    personalDataRead: false,
    description: 'an abandoned evidence upload expired and its partial content was removed',
  },
  'ledger.leaves-read': {
    personalDataRead: true,
    description: 'ledger leaves (custody and audit event metadata) were read',
  },
  'evidence.onward-transfer-authorised': {
    personalDataRead: false,
    description:
      'the origin State\u2019s authorisation to send an item on to a third State ' +
      'or organisation was recorded (Art. 36)',
  },
  'evidence.onward-transfer-refused': {
    personalDataRead: false,
    description:
      'an attempt to send foreign evidence on without the origin State\u2019s authorisation was refused (Art. 36)',
  },
  'evidence.offered': {
    personalDataRead: false,
    description: 'evidence was offered to a partner State with its custody proofs (packaged, transmitted)',
  },
  'evidence.content-served': {
    personalDataRead: false,
    description: 'a partner node fetched the content of offered evidence',
  },
  'evidence.received': {
    personalDataRead: false,
    description: 'evidence from a partner State was fetched, its custody proofs and hash verified, and stored',
  },
  'evidence.transfer-failed': {
    personalDataRead: false,
    description: 'evidence offered by a partner State could not be accepted (proof, checkpoint or hash failure)',
  },
  'evidence.bundle-exported': {
    personalDataRead: true,
    description:
      'evidence was exported as a verifiable bundle (packaged; onward-transferred ' +
      'where foreign evidence left for a third State)',
  },
  'evidence.custody-recorded': {
    personalDataRead: false,
    description: 'an officer recorded a custody step (analysed, disclosed, returned)',
  },
  'evidence.destroyed': {
    personalDataRead: false,
    description:
      'an evidence item was destroyed (by hand or at its retention date): content ' +
      'removed, personal openings erased, proofs kept',
  },
  'ledger.split-view': {
    personalDataRead: false,
    description:
      'a partner node signed two different checkpoints for one size, or a history ' +
      'inconsistent with one it signed before',
  },
  'provider.created': { personalDataRead: false, description: 'a service provider was added to the registry' },
  'provider.updated': { personalDataRead: false, description: 'a service provider\u2019s registry entry was changed' },
  'provider.member-added': { personalDataRead: false, description: 'a provider user was linked to a service provider' },
  'provider.member-removed': {
    personalDataRead: false,
    description: 'a provider user was unlinked from a service provider',
  },
  'order.created': { personalDataRead: false, description: 'a domestic order to a service provider was drafted' },
  'order.transitioned': {
    personalDataRead: false,
    description: 'a domestic order moved through its state machine (officer, provider or legal clock)',
  },
  'order.viewed': {
    personalDataRead: true,
    description: 'a domestic order with its scope (identifiers) was consulted',
  },
  'order.signed-issued': {
    personalDataRead: true,
    description: 'the signed document of a domestic order was handed out',
  },
  'order.answer-recorded': {
    personalDataRead: false,
    description:
      'an officer recorded the answer of a provider not on the platform (who, ' +
      'how received, the document kept as evidence)',
  },
  'order.access-denied': {
    personalDataRead: false,
    description: 'a domestic order that does not exist or is not the caller\u2019s was asked for',
  },
  'order.deadline-alarm': {
    personalDataRead: false,
    description: 'a domestic order\u2019s clock raised a warning, breach, renewal, expiry or hard stop',
  },
  'fraud-report.submitted': {
    personalDataRead: false,
    description: 'an institution submitted a fraud report; its indicators are named by id, never by value',
  },
  'fraud-report.viewed': {
    personalDataRead: true,
    description: 'a fraud report (transfers, identifiers as given) was read',
  },
  'fraud-report.citizen-submitted': {
    personalDataRead: false,
    description: 'a citizen reported fraud on the public page; ids only: the narrative and contact are sealed',
  },
  'fraud-report.citizen-added': {
    personalDataRead: false,
    description: 'a citizen added information to their report with its status token; ids only',
  },
  'fraud-report.private-read': {
    personalDataRead: true,
    description: 'a citizen\u2019s sealed narrative and contact were opened, with the purpose given',
  },
  'indicator.looked-up': {
    personalDataRead: false,
    description: 'an indicator was looked up by its normalised value (the value is not recorded)',
  },
  'fraud-cluster.listed': {
    personalDataRead: false,
    description: 'the list of fraud clusters (totals only) was read',
  },
  'fraud-cluster.viewed': {
    personalDataRead: true,
    description: 'a fraud cluster (its reports, indicators as displayed and their links) was read',
  },
  'indicator.retracted': {
    personalDataRead: false,
    description: 'an indicator was retracted: it no longer joins reports, and its cluster was split',
  },
  'deadline.alarm': {
    personalDataRead: false,
    description: 'a legal clock raised a warning, breach, expiry or hard stop',
  },
  'job.failed': {
    personalDataRead: false,
    description: 'a durable background job (an effect promised by a committed change) gave up and showed why',
  },
} as const satisfies Record<string, { personalDataRead: boolean; description: string }>;

export type AuditAction = keyof typeof auditActions;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(auditActions, value);
}
