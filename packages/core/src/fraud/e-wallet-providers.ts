import type { Bilingual } from '../requests/types/field-spec.js';

/** E-wallet providers licensed in Viet Nam that reports name most, as a versioned code list. */
export interface EWalletProvider {
  readonly code: string;
  readonly label: Bilingual;
  /** Other ways reporters write the provider, compared without case, spaces or diacritics. */
  readonly aliases: readonly string[];
}

export const eWalletProvidersVersion = '2026-12-08';

/** Fraud brief §2: that these wallets are keyed by the holder's phone number is unverified. */
export const eWalletKeyNote = 'wallets keyed by phone number: assumption, not checked with the providers [unverified]';

const provider = (code: string, name: string, ...aliases: string[]): EWalletProvider => ({
  code,
  label: { en: name, vi: `Ví ${name}` },
  aliases: [name, ...aliases],
});

export const eWalletProviders: readonly EWalletProvider[] = [
  provider('momo', 'MoMo', 'Ví MoMo', 'M_Service'),
  provider('zalopay', 'ZaloPay', 'Zalo Pay'),
  provider('viettel-money', 'Viettel Money', 'ViettelPay', 'Viettel Pay'),
  provider('vnpt-money', 'VNPT Money', 'VNPT Pay'),
  provider('shopeepay', 'ShopeePay', 'AirPay'),
  provider('vnpay', 'VNPAY', 'VNPay Wallet'),
  provider('moca', 'Moca'),
  provider('payoo', 'Payoo'),
];
