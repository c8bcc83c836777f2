import { roleGrants, type Permission, type Role } from '@hanoi247/core';
import type { RequestEvent } from '../repositories/request-event.repository.js';
import type { UserAccount } from '../repositories/user.repository.js';
import type { FormalDocumentField, FormalDocumentSection, LocalisedText } from './formal-document.js';
import { instantIn } from './readable-values.js';
import { machineActorNames } from './record-wording.js';

/**
 * The officer who answers for a document: who approved an outgoing request, or who recorded a
 * decision. Plain data, gathered by the service from the timeline and the user accounts, so the
 * document builders stay free of I/O.
 */
export interface Signatory {
  /** The officer's display name, or the node's own actor (system, partner's node…) by its words. */
  readonly name: string | LocalisedText;
  /** The role the officer acted in; null for the node's own actors or an account since removed. */
  readonly role: Role | null;
  /** ISO-8601 UTC: when the approval or decision was recorded. */
  readonly at: string;
}

const roleNames: Readonly<Record<Role, LocalisedText>> = {
  duty_officer: { en: '24/7 duty officer', vi: 'Cán bộ trực 24/7', fr: 'Agent de permanence 24/7' },
  central_authority_officer: {
    en: 'Central authority officer',
    vi: 'Cán bộ cơ quan trung ương',
    fr: 'Agent de l\u2019autorité centrale',
  },
  supervisor: { en: 'Supervisor', vi: 'Lãnh đạo phê duyệt', fr: 'Superviseur' },
  provider_user: { en: 'Service provider', vi: 'Doanh nghiệp', fr: 'Fournisseur de services' },
  institution_reporter: {
    en: 'Reporting institution',
    vi: 'Tổ chức báo cáo lừa đảo',
    fr: 'Établissement déclarant',
  },
  fraud_analyst: { en: 'Fraud analyst', vi: 'Cán bộ phân tích lừa đảo', fr: 'Analyste fraude' },
  fraud_supervisor: { en: 'Fraud supervisor', vi: 'Lãnh đạo phân tích lừa đảo', fr: 'Superviseur fraude' },
  auditor: { en: 'Auditor', vi: 'Kiểm toán viên', fr: 'Auditeur' },
  administrator: { en: 'Administrator', vi: 'Quản trị viên', fr: 'Administrateur' },
};

/**
 * The signatory of a timeline event. The role printed is one that allows the act (approving for
 * an approval), so an officer holding several roles is named in the capacity that counted
 * (the first permission in `preferring` one of the roles grants).
 */
export function signatoryOf(
  event: RequestEvent,
  user: UserAccount | undefined,
  preferring: readonly Permission[],
): Signatory {
  const held = user?.roles ?? [];
  const role =
    preferring.map((p) => held.find((r) => roleGrants(r, p))).find((r) => r !== undefined) ?? held[0] ?? null;
  const name = user?.displayName ?? machineActorNames[event.actorName] ?? event.actorName;
  return { name, role, at: event.occurredAt };
}

const heading: LocalisedText = { en: 'Signatory', vi: 'Người ký', fr: 'Signataire' };

const wordingFor = {
  approval: {
    by: { en: 'Approved by', vi: 'Người phê duyệt', fr: 'Approuvé par' },
    at: { en: 'Approved on', vi: 'Thời điểm phê duyệt', fr: 'Approuvé le' },
  },
  decision: {
    by: { en: 'Decided by', vi: 'Người quyết định', fr: 'Décidé par' },
    at: { en: 'Decided on', vi: 'Thời điểm quyết định', fr: 'Décidé le' },
  },
} as const satisfies Record<string, Record<string, LocalisedText>>;

const roleLabel: LocalisedText = { en: 'Role', vi: 'Chức vụ', fr: 'Fonction' };
const approvalLabel: LocalisedText = { en: 'Approval', vi: 'Phê duyệt', fr: 'Approbation' };

/** What the block says when nobody has signed yet: in words, never a blank line. */
export const notYetApproved = {
  outgoing: { en: 'Not yet approved', vi: 'Chưa được phê duyệt', fr: 'Pas encore approuvé' },
  incoming: {
    en: 'Not approved on this node: received from the requesting State',
    vi: 'Không phê duyệt tại hệ thống này: yêu cầu nhận từ Quốc gia yêu cầu',
    fr: 'Non approuvé sur ce nœud : reçu de l\u2019État requérant',
  },
} as const satisfies Record<string, LocalisedText>;

/** The block that closes a document: who signed, in which role, and when; or that no one has yet. */
export function signatorySection(
  act: keyof typeof wordingFor,
  signatory: Signatory | null,
  unsigned: LocalisedText = notYetApproved.outgoing,
): FormalDocumentSection {
  if (signatory === null) return { heading, fields: [{ label: approvalLabel, value: unsigned }] };
  const fields: FormalDocumentField[] = [
    { label: wordingFor[act].by, value: signatory.name },
    ...(signatory.role === null ? [] : [{ label: roleLabel, value: roleNames[signatory.role] }]),
    { label: wordingFor[act].at, value: instantIn(signatory.at) },
  ];
  return { heading, fields };
}
