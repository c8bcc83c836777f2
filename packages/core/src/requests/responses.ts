import { z } from 'zod';
import type { LegalSource } from './legal-source.js';
import { unCite } from './un-numbering.js';

/** Kinds of answer a requested State gives (brief §3.1 Decision / Response). */
export const responseKinds = [
  'ACK',
  'INFO_REQUEST',
  'CONSULTATION',
  'ACCEPT',
  'ACCEPT_WITH_CONDITIONS',
  'PARTIAL',
  'POSTPONE',
  'REFUSE',
  'EXECUTED',
  'PRESERVED',
  'WARNING_ART42',
  'ART43_DISCLOSURE',
] as const;
export type ResponseKind = (typeof responseKinds)[number];

/** Conditions that bind the receiver once accepted (Arts 36, 40). */
export const conditionKinds = [
  'CONFIDENTIALITY',
  'USE_LIMITATION',
  'DATA_PROTECTION',
  'COST_SHARING',
  'ONWARD_TRANSFER_AUTH',
] as const;
export type ConditionKind = (typeof conditionKinds)[number];

export const conditionSources: Readonly<Record<ConditionKind, LegalSource>> = {
  CONFIDENTIALITY: unCite.mla.confidentiality,
  USE_LIMITATION: unCite.mla.useLimitation,
  DATA_PROTECTION: unCite.dataProtection.conditions,
  COST_SHARING: unCite.mla.costs,
  ONWARD_TRANSFER_AUTH: unCite.dataProtection.onwardTransfer,
};

export const conditionSchema = z.strictObject({
  kind: z.enum(conditionKinds),
  text: z.string().trim().min(1).max(4000),
});
export type Condition = z.infer<typeof conditionSchema>;
