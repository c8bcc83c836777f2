import type { ProviderType } from '@hanoi247/core';

/**
 * Which registry entries may report fraud: banks and payment institutions (e-wallet operators are payment
 * intermediaries, so they are registered as BANK_OR_PAYMENT) and telecom operators.
 */
export const reportingInstitutionTypes: readonly ProviderType[] = ['BANK_OR_PAYMENT', 'TELECOM'];
