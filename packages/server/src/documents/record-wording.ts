import type { Instrument, LegalBasis } from '@hanoi247/core';
import type { LocalisedText } from './formal-document.js';

/**
 * The words a formal document writes values with, as data beside the templates: what a code or
 * a flag of the signed record means, in each language a document is printed in.
 */
export const wording = {
  yes: { en: 'Yes', vi: 'Có', fr: 'Oui' },
  no: { en: 'No', vi: 'Không', fr: 'Non' },
  confidentialityRequested: {
    en: 'The request must be kept confidential.',
    vi: 'Yêu cầu phải được giữ bí mật.',
    fr: 'La demande doit rester confidentielle.',
  },
  confidentialityNotRequested: {
    en: 'No confidentiality is requested.',
    vi: 'Không yêu cầu giữ bí mật.',
    fr: 'Aucune confidentialité n\u2019est demandée.',
  },
  noUserNotification: {
    en: 'The user must not be notified.',
    vi: 'Không được thông báo cho người dùng.',
    fr: 'L\u2019utilisateur ne doit pas être informé.',
  },
  userMayBeNotified: {
    en: 'Notifying the user is not excluded.',
    vi: 'Không loại trừ việc thông báo cho người dùng.',
    fr: 'L\u2019information de l\u2019utilisateur n\u2019est pas exclue.',
  },
  /** With {from} and {to}. */
  range: { en: '{from} to {to}', vi: 'Từ {from} đến {to}', fr: 'Du {from} au {to}' },
  /** With {when}. */
  observedAt: { en: 'observed {when}', vi: 'ghi nhận lúc {when}', fr: 'observé le {when}' },
  /** With {number}. */
  article: { en: 'art. {number}', vi: 'Điều {number}', fr: 'art. {number}' },
  unverifiedNote: {
    en: 'Unverified: the article numbers cited in this section have not yet been checked against the official text.',
    vi: 'Chưa kiểm chứng: số điều khoản viện dẫn trong phần này chưa được đối chiếu với văn bản chính thức.',
    fr:
      'Non vérifié : les numéros d\u2019articles cités dans cette section n\u2019ont ' +
      'pas encore été contrôlés sur le texte officiel.',
  },
} as const satisfies Record<string, LocalisedText>;

/** Who recorded a decision when no officer did: the node's own actors (request events' actorName). */
export const machineActorNames: Readonly<Record<string, LocalisedText>> = {
  system: { en: 'System', vi: 'Hệ thống', fr: 'Système' },
  peer: { en: 'Partner\u2019s node', vi: 'Hệ thống của đối tác', fr: 'Nœud du partenaire' },
  federation: { en: 'Exchange with partners', vi: 'Trao đổi với đối tác', fr: 'Échanges avec les partenaires' },
  order: { en: 'Domestic order', vi: 'Lệnh trong nước', fr: 'Ordonnance interne' },
  node: { en: 'This node', vi: 'Hệ thống này', fr: 'Ce nœud' },
};

export const dataCategoryNames: Readonly<Record<string, LocalisedText>> = {
  subscriber: { en: 'Subscriber information', vi: 'Dữ liệu thuê bao', fr: 'Données relatives aux abonnés' },
  traffic: { en: 'Traffic data', vi: 'Dữ liệu lưu lượng', fr: 'Données relatives au trafic' },
  content: { en: 'Content data', vi: 'Dữ liệu nội dung', fr: 'Données de contenu' },
  other: { en: 'Other', vi: 'Khác', fr: 'Autres' },
};

export const identifierKindNames: Readonly<Record<string, LocalisedText>> = {
  account: { en: 'Account', vi: 'Tài khoản', fr: 'Compte' },
  phone: { en: 'Phone', vi: 'Số điện thoại', fr: 'Téléphone' },
  ip: { en: 'IP address', vi: 'Địa chỉ IP', fr: 'Adresse IP' },
  domain: { en: 'Domain', vi: 'Tên miền', fr: 'Nom de domaine' },
  url: { en: 'URL', vi: 'Địa chỉ URL', fr: 'URL' },
  email: { en: 'E-mail', vi: 'Thư điện tử', fr: 'Courriel' },
  iban: { en: 'IBAN', vi: 'Số IBAN', fr: 'IBAN' },
  'bank-account': { en: 'Bank account', vi: 'Tài khoản ngân hàng', fr: 'Compte bancaire' },
  wallet: { en: 'Crypto wallet', vi: 'Ví tiền mã hóa', fr: 'Portefeuille de cryptoactifs' },
};

export const priorityNames: Readonly<Record<string, LocalisedText>> = {
  emergency: { en: 'Emergency', vi: 'Khẩn cấp', fr: 'Urgence' },
  urgent: { en: 'Urgent', vi: 'Gấp', fr: 'Urgent' },
  normal: { en: 'Normal', vi: 'Thông thường', fr: 'Normale' },
};

export const legalBasisNames: Readonly<Record<LegalBasis, LocalisedText>> = {
  UN: {
    en: 'UN Convention against Cybercrime',
    vi: 'Công ước của Liên hợp quốc về chống tội phạm mạng',
    fr: 'Convention des Nations Unies contre la cybercriminalité',
  },
  BUDAPEST: { en: 'Budapest Convention', vi: 'Công ước Budapest', fr: 'Convention de Budapest' },
  BILATERAL: { en: 'Bilateral treaty', vi: 'Điều ước song phương', fr: 'Traité bilatéral' },
  RECIPROCITY: { en: 'Reciprocity', vi: 'Nguyên tắc có đi có lại', fr: 'Réciprocité' },
};

export const instrumentNames: Readonly<Record<Instrument, LocalisedText>> = {
  ...legalBasisNames,
  SAP: { en: 'Second Additional Protocol', vi: 'Nghị định thư bổ sung thứ hai', fr: 'Deuxième Protocole additionnel' },
  DOMESTIC: { en: 'Domestic law', vi: 'Pháp luật trong nước', fr: 'Droit interne' },
  PRACTICE: {
    en: 'Operational practice (G8/UNODC)',
    vi: 'Thực tiễn nghiệp vụ (G8/UNODC)',
    fr: 'Pratique opérationnelle (G8/ONUDC)',
  },
};

export const conditionKindNames: Readonly<Record<string, LocalisedText>> = {
  CONFIDENTIALITY: { en: 'Confidentiality', vi: 'Bảo mật', fr: 'Confidentialité' },
  USE_LIMITATION: { en: 'Limitation on use', vi: 'Giới hạn sử dụng', fr: 'Limitation de l\u2019utilisation' },
  DATA_PROTECTION: {
    en: 'Personal data protection',
    vi: 'Bảo vệ dữ liệu cá nhân',
    fr: 'Protection des données personnelles',
  },
  COST_SHARING: { en: 'Cost sharing', vi: 'Chia sẻ chi phí', fr: 'Partage des frais' },
  ONWARD_TRANSFER_AUTH: {
    en: 'Authorisation for onward transfer',
    vi: 'Cho phép chuyển tiếp',
    fr: 'Autorisation de transfert ultérieur',
  },
};

/** Fills {name} placeholders in every language of a pattern, each language with its own values. */
export function fillIn(
  pattern: LocalisedText,
  values: Readonly<Record<string, LocalisedText>>,
  languages: readonly string[] = documentLanguages,
): LocalisedText {
  return Object.fromEntries(
    languages.map((language) => [
      language,
      (pattern[language] ?? pattern['en'] ?? '').replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = values[name];
        return value === undefined ? whole : (value[language] ?? value['en'] ?? '');
      }),
    ]),
  );
}

/** The languages the shipped templates print (templates.ts). */
export const documentLanguages: readonly string[] = ['en', 'vi', 'fr'];

/** The same text in every language: a name, a number, a reference. */
export const everywhere = (text: string): LocalisedText =>
  Object.fromEntries(documentLanguages.map((language) => [language, text]));
