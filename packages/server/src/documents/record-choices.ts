import type { LocalisedText } from './formal-document.js';

/**
 * Words for the fixed choices of request fields (core's request-type registry stores codes such as
 * "taking-evidence") and for the parts of structured fields; French falls back to English.
 */
export const choiceNames: Readonly<Record<string, LocalisedText>> = {
  'taking-evidence': { en: 'Taking evidence or statements', vi: 'Thu thập chứng cứ hoặc lời khai' },
  'service-of-documents': { en: 'Service of judicial documents', vi: 'Tống đạt giấy tờ tư pháp' },
  'search-seizure-freezing': { en: 'Search, seizure and freezing', vi: 'Khám xét, thu giữ và phong tỏa' },
  'stored-electronic-data': {
    en: 'Access to and disclosure of stored electronic data',
    vi: 'Truy cập và cung cấp dữ liệu điện tử được lưu trữ',
  },
  'real-time-traffic': {
    en: 'Real-time collection of traffic data',
    vi: 'Thu thập dữ liệu lưu lượng theo thời gian thực',
  },
  interception: { en: 'Interception of content data', vi: 'Thu thập dữ liệu nội dung' },
  'examining-objects-sites': { en: 'Examining objects and sites', vi: 'Khám nghiệm đồ vật và hiện trường' },
  'information-expert-evaluations': {
    en: 'Information, evidentiary items and expert evaluations',
    vi: 'Cung cấp thông tin, vật chứng và kết luận giám định',
  },
  records: {
    en: 'Originals or certified copies of documents and records',
    vi: 'Bản gốc hoặc bản sao có chứng thực của tài liệu, hồ sơ',
  },
  'tracing-proceeds': {
    en: 'Identifying or tracing proceeds of crime',
    vi: 'Xác định hoặc truy tìm tài sản do phạm tội mà có',
  },
  'voluntary-appearance': {
    en: 'Voluntary appearance of persons',
    vi: 'Tạo điều kiện để người liên quan tự nguyện có mặt',
  },
  'recovering-proceeds': { en: 'Recovering proceeds of crime', vi: 'Thu hồi tài sản do phạm tội mà có' },
  freeze: { en: 'Freezing', vi: 'Phong tỏa' },
  seize: { en: 'Seizure', vi: 'Thu giữ' },
  'confiscate-domestic-order': {
    en: 'Confiscation under a domestic order',
    vi: 'Tịch thu theo quyết định trong nước',
  },
  'enforce-foreign-order': {
    en: 'Enforcing a foreign confiscation order',
    vi: 'Thi hành quyết định tịch thu của nước ngoài',
  },
  'compensate-victims': { en: 'Compensating victims', vi: 'Bồi thường cho bị hại' },
  'restore-legitimate-owner': { en: 'Return to the legitimate owner', vi: 'Trả lại cho chủ sở hữu hợp pháp' },
  other: { en: 'Other', vi: 'Khác', fr: 'Autre' },
};

export const recordKeyNames: Readonly<Record<string, LocalisedText>> = {
  name: { en: 'Name', vi: 'Họ và tên', fr: 'Nom' },
  dateOfBirth: { en: 'Date of birth', vi: 'Ngày sinh', fr: 'Date de naissance' },
  nationality: { en: 'Nationality', vi: 'Quốc tịch', fr: 'Nationalité' },
  description: { en: 'Description', vi: 'Mô tả', fr: 'Description' },
  date: { en: 'Date', vi: 'Ngày', fr: 'Date' },
  reasons: { en: 'Reasons', vi: 'Lý do', fr: 'Motifs' },
};
