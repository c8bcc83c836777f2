import type { FormalDocumentKind, LocalisedText } from './formal-document.js';

/**
 * The wording of formal documents, as data: a translator edits this file, not the renderer.
 * Each document kind has one template per language; the renderer picks it and fills it with
 * the model. Labels of individual fields come from the model itself, so the `terms` here are
 * the agreed vocabulary that builders of models reuse (see `termIn`), keeping one translation
 * of "grounds for refusal" across the product.
 */
export interface DocumentLabels {
  readonly reference: string;
  readonly requestingState: string;
  readonly requestedState: string;
  readonly issuedAt: string;
  readonly issuingAuthority: string;
  /** The banner word, printed in capitals. */
  readonly emergency: string;
  readonly emergencyNote: string;
  readonly verificationCaption: string;
  readonly canonicalDigest: string;
  readonly signingKey: string;
  /** With {page} and {pages} placeholders. */
  readonly pageOf: string;
  readonly languageVersion: string;
}

export const termKeys = [
  'mutualLegalAssistanceRequest',
  'expeditedPreservation',
  'expeditedDisclosureOfTrafficData',
  'requestingState',
  'requestedState',
  'emergency',
  'deadline',
  'groundsForRefusal',
  'conditionsOfUse',
  'confidentiality',
  'outcome',
] as const;
export type TermKey = (typeof termKeys)[number];

export interface DocumentTemplate {
  readonly framework: string;
  readonly heading: string;
  readonly labels: DocumentLabels;
  readonly terms: Readonly<Record<TermKey, string>>;
}

const terms = {
  en: {
    mutualLegalAssistanceRequest: 'Request for mutual legal assistance',
    expeditedPreservation: 'Request for expedited preservation of stored electronic data',
    expeditedDisclosureOfTrafficData: 'Request for expedited disclosure of preserved traffic data',
    requestingState: 'Requesting State',
    requestedState: 'Requested State',
    emergency: 'Emergency',
    deadline: 'Deadline',
    groundsForRefusal: 'Grounds for refusal',
    conditionsOfUse: 'Conditions of use',
    confidentiality: 'Confidentiality',
    outcome: 'Outcome',
  },
  vi: {
    mutualLegalAssistanceRequest: 'Yêu cầu tương trợ tư pháp',
    expeditedPreservation: 'Yêu cầu bảo toàn khẩn cấp dữ liệu điện tử được lưu trữ',
    expeditedDisclosureOfTrafficData: 'Yêu cầu tiết lộ khẩn cấp dữ liệu lưu lượng đã được bảo toàn',
    requestingState: 'Quốc gia yêu cầu',
    requestedState: 'Quốc gia được yêu cầu',
    emergency: 'Khẩn cấp',
    deadline: 'Thời hạn',
    groundsForRefusal: 'Căn cứ từ chối',
    conditionsOfUse: 'Điều kiện sử dụng',
    confidentiality: 'Bảo mật',
    outcome: 'Kết quả',
  },
  fr: {
    mutualLegalAssistanceRequest: "Demande d'entraide judiciaire",
    expeditedPreservation: 'Demande de conservation rapide de données électroniques stockées',
    expeditedDisclosureOfTrafficData: 'Demande de divulgation rapide de données relatives au trafic conservées',
    requestingState: 'État requérant',
    requestedState: 'État requis',
    emergency: 'Urgence',
    deadline: 'Délai',
    groundsForRefusal: 'Motifs de refus',
    conditionsOfUse: "Conditions d'utilisation",
    confidentiality: 'Confidentialité',
    outcome: 'Suite donnée',
  },
} as const satisfies Record<string, Record<TermKey, string>>;

const framework = {
  en: 'United Nations Convention against Cybercrime',
  vi: 'Công ước của Liên hợp quốc về chống tội phạm mạng',
  fr: 'Convention des Nations Unies contre la cybercriminalité',
} as const;

type CommonLabels = Omit<DocumentLabels, 'emergencyNote'>;

const labels = {
  en: {
    reference: 'Reference',
    requestingState: terms.en.requestingState,
    requestedState: terms.en.requestedState,
    issuedAt: 'Issued (UTC)',
    issuingAuthority: 'Issuing authority',
    emergency: 'EMERGENCY',
    verificationCaption:
      'This code ties the paper to the signed electronic record: scan it to check ' +
      'the reference, digest and signing key with the issuing node.',
    canonicalDigest: 'SHA-256 of the signed record (canonical JSON)',
    signingKey: 'Node signing key',
    pageOf: 'Page {page} of {pages}',
    languageVersion: 'English version',
  },
  vi: {
    reference: 'Số tham chiếu',
    requestingState: terms.vi.requestingState,
    requestedState: terms.vi.requestedState,
    issuedAt: 'Ngày ban hành (UTC)',
    issuingAuthority: 'Cơ quan ban hành',
    emergency: 'KHẨN CẤP',
    verificationCaption:
      'Mã này gắn bản giấy với hồ sơ điện tử đã ký: quét mã để đối chiếu số tham ' +
      'chiếu, mã băm và khóa ký với nút ban hành.',
    canonicalDigest: 'SHA-256 của hồ sơ đã ký (JSON chuẩn tắc)',
    signingKey: 'Khóa ký của nút',
    pageOf: 'Trang {page}/{pages}',
    languageVersion: 'Bản tiếng Việt',
  },
  fr: {
    reference: 'Référence',
    requestingState: terms.fr.requestingState,
    requestedState: terms.fr.requestedState,
    issuedAt: 'Émis le (UTC)',
    issuingAuthority: 'Autorité émettrice',
    emergency: 'URGENCE',
    verificationCaption:
      "Ce code relie le document papier à l'enregistrement électronique signé " +
      ": scannez-le pour vérifier la référence, l'empreinte et la clé de signature " +
      'auprès du nœud émetteur.',
    canonicalDigest: "SHA-256 de l'enregistrement signé (JSON canonique)",
    signingKey: 'Clé de signature du nœud',
    pageOf: 'Page {page} sur {pages}',
    languageVersion: 'Version française',
  },
} as const satisfies Record<string, CommonLabels>;

export const documentTemplates = {
  request: {
    en: {
      framework: framework.en,
      heading: 'Request for international cooperation',
      labels: { ...labels.en, emergencyNote: 'Emergency request: please act on it at once, at any hour.' },
      terms: terms.en,
    },
    vi: {
      framework: framework.vi,
      heading: 'Yêu cầu hợp tác quốc tế',
      labels: { ...labels.vi, emergencyNote: 'Yêu cầu khẩn cấp: đề nghị xử lý ngay, kể cả ngoài giờ làm việc.' },
      terms: terms.vi,
    },
    fr: {
      framework: framework.fr,
      heading: 'Demande de coopération internationale',
      labels: { ...labels.fr, emergencyNote: 'Demande urgente : à traiter immédiatement, à toute heure.' },
      terms: terms.fr,
    },
  },
  response: {
    en: {
      framework: framework.en,
      heading: 'Response to a request for international cooperation',
      labels: { ...labels.en, emergencyNote: 'Response to an emergency request.' },
      terms: terms.en,
    },
    vi: {
      framework: framework.vi,
      heading: 'Trả lời yêu cầu hợp tác quốc tế',
      labels: { ...labels.vi, emergencyNote: 'Trả lời yêu cầu khẩn cấp.' },
      terms: terms.vi,
    },
    fr: {
      framework: framework.fr,
      heading: 'Réponse à une demande de coopération internationale',
      labels: { ...labels.fr, emergencyNote: 'Réponse à une demande urgente.' },
      terms: terms.fr,
    },
  },
} as const satisfies Record<FormalDocumentKind, Readonly<Record<string, DocumentTemplate>>>;

export type DocumentTemplates = Readonly<Record<FormalDocumentKind, Readonly<Record<string, DocumentTemplate>>>>;

/**
 * Official language of the requested State, for the default language order. States whose
 * language has no template yet get English only; the caller can still pass languages.
 */
export const stateLanguages: Readonly<Record<string, string>> = {
  VN: 'vi',
  FR: 'fr',
  MC: 'fr',
  SN: 'fr',
  CI: 'fr',
  ML: 'fr',
  BF: 'fr',
  NE: 'fr',
  TG: 'fr',
  BJ: 'fr',
  GA: 'fr',
  CG: 'fr',
  CD: 'fr',
  GN: 'fr',
};

export function templateFor(
  kind: FormalDocumentKind,
  language: string,
  templates: DocumentTemplates = documentTemplates,
): DocumentTemplate | undefined {
  return templates[kind][language];
}

/** The agreed wording of a term in every language, ready to use as a model label. */
export function termIn(
  kind: FormalDocumentKind,
  key: TermKey,
  templates: DocumentTemplates = documentTemplates,
): LocalisedText {
  return Object.fromEntries(
    Object.entries(templates[kind]).map(([language, template]) => [language, template.terms[key]]),
  );
}
