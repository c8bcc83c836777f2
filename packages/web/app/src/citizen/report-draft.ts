import type { FirstContactChannel, ScamType } from '@hanoi247/core';
import { normaliseIndicator } from '@hanoi247/core/browser';

/** One transfer as the citizen types it; amounts and times are text until sent. */
export interface TransferDraft {
  readonly at: string;
  readonly amount: string;
  readonly currency: string;
  readonly payerInstitution: string;
  readonly payeeType: 'vn-account' | 'e-wallet' | 'iban';
  readonly payeeValue: string;
  readonly payeeBank: string;
  readonly transactionReference: string;
}

export interface IdentifierDraft {
  readonly type: string;
  readonly value: string;
  readonly bank: string;
}

export interface ReportDraft {
  readonly narrative: string;
  readonly scamType: ScamType | '';
  readonly firstContact: FirstContactChannel | '';
  readonly occurredAt: string;
  readonly province: string;
  readonly transfers: readonly TransferDraft[];
  readonly identifiers: readonly IdentifierDraft[];
  readonly contactName: string;
  readonly contactPhone: string;
  readonly contactEmail: string;
}

export const emptyTransfer: TransferDraft = {
  at: '',
  amount: '',
  currency: 'VND',
  payerInstitution: '',
  payeeType: 'vn-account',
  payeeValue: '',
  payeeBank: '',
  transactionReference: '',
};

export const emptyIdentifier: IdentifierDraft = { type: 'phone', value: '', bank: '' };

export const emptyDraft: ReportDraft = {
  narrative: '',
  scamType: '',
  firstContact: '',
  occurredAt: '',
  province: '',
  transfers: [],
  identifiers: [],
  contactName: '',
  contactPhone: '',
  contactEmail: '',
};

/** The identifier types a citizen picks from; the others (IP, IBAN, crypto) under "other" types too. */
export const citizenIdentifierTypes = ['phone', 'vn-account', 'url', 'e-wallet', 'social', 'email', 'btc', 'eth'];

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
/** VND has no minor unit: dots, commas and spaces are only grouping; other currencies take a decimal point. */
export const amountOf = (text: string, currency: string) =>
  Number(currency === 'VND' ? text.replace(/[\s.,]/g, '') : text.replace(/\s/g, '').replace(',', '.'));
/** `YYYY-MM-DDTHH:mm` in the citizen's own zone, as an instant. */
const instant = (local: string) => new Date(local).toISOString();

const hintOf = (type: string, bank: string) => {
  const given = optional(bank);
  if (given === undefined) return {};
  return type === 'vn-account' ? { bank: given } : type === 'e-wallet' ? { provider: given } : { platform: given };
};

/** Whether a value becomes an indicator as typed: checked with the node's own normalisers while typing. */
export function identifierProblem(type: string, value: string, bank: string): string | null {
  if (value.trim() === '') return null;
  const result = normaliseIndicator(type, value, hintOf(type, bank));
  return result.ok ? null : result.reason;
}

export function transferBody(transfer: TransferDraft) {
  const payee = optional(transfer.payeeValue);
  return {
    at: instant(transfer.at),
    amount: amountOf(transfer.amount, transfer.currency),
    currency: transfer.currency,
    payerInstitution: optional(transfer.payerInstitution),
    payee:
      payee === undefined
        ? undefined
        : { type: transfer.payeeType, value: payee, ...hintOf(transfer.payeeType, transfer.payeeBank) },
    transactionReference: optional(transfer.transactionReference),
  };
}

export const identifierBody = (identifier: IdentifierDraft) => ({
  type: identifier.type,
  value: identifier.value.trim(),
  role: 'contact' as const,
  ...hintOf(identifier.type, identifier.bank),
});

/** The report as the API takes it, without its proof-of-work. */
export function reportBody(draft: ReportDraft) {
  const contact = {
    name: optional(draft.contactName),
    phone: optional(draft.contactPhone),
    email: optional(draft.contactEmail),
  };
  const hasContact = Object.values(contact).some((v) => v !== undefined);
  return {
    narrative: draft.narrative.trim(),
    scamType: draft.scamType as ScamType,
    occurredAt: instant(draft.occurredAt),
    firstContact: draft.firstContact as FirstContactChannel,
    province: optional(draft.province),
    transfers: draft.transfers.filter((t) => t.amount.trim() !== '').map(transferBody),
    identifiers: draft.identifiers.filter((i) => i.value.trim() !== '').map(identifierBody),
    ...(hasContact ? { contact } : {}),
  };
}

/** The first step's missing fields, as dictionary keys. */
export function whatProblems(draft: ReportDraft): string[] {
  const problems: string[] = [];
  if (draft.narrative.trim() === '') problems.push('citizen.needNarrative');
  if (draft.scamType === '') problems.push('citizen.needScamType');
  if (draft.firstContact === '') problems.push('citizen.needFirstContact');
  if (draft.occurredAt === '') problems.push('citizen.needWhen');
  return problems;
}

/** A transfer that cannot be sent: no time or an amount that is not a positive number. */
export function transferProblem(transfer: TransferDraft): string | null {
  if (transfer.amount.trim() === '') return null;
  const amount = amountOf(transfer.amount, transfer.currency);
  if (!Number.isFinite(amount) || amount <= 0) return 'citizen.badAmount';
  return transfer.at === '' ? 'citizen.needTransferTime' : null;
}
