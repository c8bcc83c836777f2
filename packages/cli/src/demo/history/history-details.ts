import { countryName } from '../demo-options.js';
import { demoMarker } from './history-cases.js';
import type { PlannedStory } from './history-plan.js';

const dayMs = 86_400_000;

/** The weeks before the request during which the data was used: what a preservation or production covers. */
export function dateRange(at: Date): { from: string; to: string } {
  const day = (offset: number) => new Date(at.getTime() + offset * dayMs).toISOString().slice(0, 10);
  return { from: `${day(-30)}T00:00:00+07:00`, to: `${day(-1)}T23:59:59+07:00` };
}

const authorities: Readonly<Record<string, { en: string; vi: string }>> = {
  VN: { en: 'Cybercrime Police Department, Ministry of Public Security', vi: 'Cục An ninh mạng, Bộ Công an' },
  SG: { en: 'Technology Crime Investigation Branch, Singapore Police Force', vi: 'Cảnh sát Singapore' },
  FR: { en: 'Office anti-cybercriminalité (OFAC), Paris', vi: 'Văn phòng chống tội phạm mạng Pháp' },
};

function authority(country: string, language: 'vi' | 'en'): string {
  const known = authorities[country];
  return `${known === undefined ? `${countryName(country)} cybercrime unit` : known[language]} (demo)`;
}

function preservationDetails(story: PlannedStory, at: Date): Record<string, unknown> {
  const { demoCase, language, from, to } = story;
  const vi = language === 'vi';
  return {
    seekingAuthority: authority(from, language),
    offenceSummary: `${demoMarker} ${demoCase.offence[language]}`,
    dataToPreserve: demoCase.data[language],
    dataCategories: [...demoCase.categories],
    custodianOrLocation: vi
      ? `${demoCase.platform}, nhà cung cấp dịch vụ tại ${countryName(to)}`
      : `${demoCase.platform}, a service provider established in ${countryName(to)}`,
    necessity: vi
      ? 'Nhà cung cấp chỉ lưu nhật ký kết nối trong 30 ngày'
      : 'The provider deletes its connection logs after 30 days',
    mlaWillFollow: true,
    confidentiality: { requested: true, noUserNotification: true },
    identifiers: [demoCase.identifier],
    dateRange: dateRange(at),
    contact24x7: `${countryName(from)} 24/7 desk (demo)`,
  };
}

function storedDataDetails(story: PlannedStory): Record<string, unknown> {
  const { demoCase, language, from } = story;
  const vi = language === 'vi';
  return {
    requestingAuthority: authority(from, language),
    subjectMatter: `${demoMarker} ${demoCase.offence[language]}`,
    factsSummary: vi
      ? `${demoMarker} Các bị hại đã trình báo; dòng tiền và dấu vết kỹ thuật dẫn tới ${demoCase.platform}.`
      : `${demoMarker} Victims filed complaints; the money trail and technical traces lead to ${demoCase.platform}.`,
    assistanceSought: vi ? `Cung cấp: ${demoCase.data.vi}` : `Production of: ${demoCase.data.en}`,
    purpose: vi
      ? 'Xác định đối tượng và chứng minh hành vi phạm tội'
      : 'To identify the offenders and prove the offence',
    dataDescription: demoCase.data[language],
    identifiers: [demoCase.identifier],
  };
}

function policeDetails(story: PlannedStory): Record<string, unknown> {
  const { demoCase, language, from, to } = story;
  const vi = language === 'vi';
  return {
    requestingAgency: authority(from, language),
    subject: `${demoMarker} ${demoCase.offence[language]}`,
    informationSought: vi
      ? `Thông tin đăng ký doanh nghiệp và tài khoản ngân hàng ` +
        `liên quan tới ${demoCase.platform} tại ${countryName(to)}`
      : `Company registration and bank accounts linked to ${demoCase.platform} in ${countryName(to)}`,
    purpose: vi
      ? 'Xác minh ban đầu trước khi gửi yêu cầu tương trợ'
      : 'Initial inquiries before a request for mutual legal assistance',
    conditions: [{ kind: 'USE_LIMITATION', text: 'Police intelligence only: not for use as evidence without consent' }],
  };
}

const detailsOf = (story: PlannedStory, at: Date): Record<string, unknown> =>
  story.template.type === 'PRESERVATION_42'
    ? preservationDetails(story, at)
    : story.template.type === 'STORED_DATA_44'
      ? storedDataDetails(story)
      : policeDetails(story);

/** The draft a duty officer writes for the story, dated by the history clock. */
export function draftOf(story: PlannedStory, at: Date) {
  return {
    type: story.template.type,
    legalBasis: 'UN' as const,
    requestedState: story.to,
    language: story.language,
    priority: story.priority,
    details: detailsOf(story, at),
  };
}

/** What the officer types with the steps that need words (the guards ask for them). */
export function requestPayload(story: PlannedStory, action: string): Record<string, unknown> {
  switch (action) {
    case 'request-information':
      return {
        information:
          'Please give the times (with time zone) at which the account was used, so the provider can search its logs.',
      };
    case 'answer':
      return {
        information:
          'The company was registered in 2025 by a nominee director; two accounts at a local bank received ' +
          'the victims\u2019 transfers. Details attached to the formal reply (demo).',
      };
    case 'open-consultation':
      return {
        information:
          'The conduct may fall under a pending domestic case; before deciding we would like to discuss ' +
          'whether the assistance can wait for it or be given in part.',
      };
    case 'refuse':
      return {
        reasonCodes: ['ESSENTIAL_INTERESTS'],
        reasons: `The conduct concerns a matter under a domestic investigation of ${countryName(story.to)} (demo).`,
      };
    default:
      return {};
  }
}
