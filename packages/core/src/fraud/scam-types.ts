import type { Bilingual } from '../requests/types/field-spec.js';

/**
 * The kinds of scam a report names, as a versioned code list. Taken from the taxonomy the fraud brief
 * proposes (shared/docs/fraud-brief.md §1 "Taxonomy", itself from WA ScamNet's report form, the ACCC's
 * Targeting Scams categories and Thailand's frozen-account split), so that it maps onto a future GASA list.
 * Codes are never reused or renamed: a change makes a new version.
 */
export const scamTypeCodes = [
  'INVESTMENT',
  'PURCHASE_ECOMMERCE',
  'JOB_TASK',
  'LOAN',
  'ROMANCE',
  'IMPERSONATION_AUTHORITY',
  'IMPERSONATION_BANK_TELCO',
  'PHISHING_CREDENTIALS',
  'REMOTE_ACCESS_MALWARE_APK',
  'SEXTORTION_EXTORTION',
  'PRIZE_ADVANCE_FEE',
  'PAYMENT_REDIRECTION_BEC',
  'RECOVERY_SCAM',
  'OTHER',
] as const;
export type ScamType = (typeof scamTypeCodes)[number];

export const scamTypesVersion = '2026-12-08';

export const scamTypeLabels: Readonly<Record<ScamType, Bilingual>> = {
  INVESTMENT: { en: 'Investment or crypto scam', vi: 'Lừa đảo đầu tư, tiền mã hóa' },
  PURCHASE_ECOMMERCE: { en: 'Fake online shop or purchase', vi: 'Lừa đảo mua bán trực tuyến' },
  JOB_TASK: { en: 'Job or task scam', vi: 'Lừa đảo việc làm, "làm nhiệm vụ"' },
  LOAN: { en: 'Loan scam', vi: 'Lừa đảo cho vay' },
  ROMANCE: { en: 'Romance scam', vi: 'Lừa đảo tình cảm' },
  IMPERSONATION_AUTHORITY: {
    en: 'Impersonation of the police or other authorities',
    vi: 'Giả danh công an, cơ quan nhà nước',
  },
  IMPERSONATION_BANK_TELCO: {
    en: 'Impersonation of a bank or telecom operator',
    vi: 'Giả danh ngân hàng, nhà mạng',
  },
  PHISHING_CREDENTIALS: { en: 'Phishing or fake bank site', vi: 'Trang web giả mạo, đánh cắp thông tin đăng nhập' },
  REMOTE_ACCESS_MALWARE_APK: {
    en: 'Remote access or malicious app',
    vi: 'Cài ứng dụng độc hại, điều khiển từ xa',
  },
  SEXTORTION_EXTORTION: { en: 'Sextortion or extortion', vi: 'Tống tiền, tống tiền bằng hình ảnh nhạy cảm' },
  PRIZE_ADVANCE_FEE: { en: 'Prize or advance-fee scam', vi: 'Lừa trúng thưởng, đóng phí trước' },
  PAYMENT_REDIRECTION_BEC: {
    en: 'Payment redirection or business e-mail compromise',
    vi: 'Lừa đổi tài khoản nhận tiền, giả mạo email doanh nghiệp',
  },
  RECOVERY_SCAM: { en: 'Fake recovery of lost money', vi: 'Lừa "lấy lại tiền" đã bị lừa' },
  OTHER: { en: 'Other', vi: 'Khác' },
};

/** How the scammer first reached the victim (fraud brief §1 "Report fields"). */
export const firstContactChannels = [
  'phone-call',
  'sms',
  'zalo',
  'facebook',
  'telegram',
  'other-messaging',
  'website',
  'mobile-app',
  'email',
  'in-person',
  'other',
] as const;
export type FirstContactChannel = (typeof firstContactChannels)[number];
