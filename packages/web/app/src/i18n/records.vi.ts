import type { recordsEn } from './records.en.js';

type Same<T> = { readonly [Section in keyof T]: { readonly [Key in keyof T[Section]]: string } };

/** Tiếng Việt cho hồ sơ dễ đọc (nội dung yêu cầu, lệnh, chứng cứ); cùng khóa với records.en.ts. */
export const recordsVi: Same<typeof recordsEn> = {
  records: {
    yes: 'Có',
    no: 'Không',
    confidentialityRequested: 'Yêu cầu phải được giữ bí mật.',
    confidentialityNotRequested: 'Không yêu cầu giữ bí mật.',
    noUserNotification: 'Không được thông báo cho người dùng.',
    userMayBeNotified: 'Không loại trừ việc thông báo cho người dùng.',
    range: 'Từ {{from}} đến {{to}}',
    identifierKind: 'Loại',
    identifierService: 'Dịch vụ',
    identifierValue: 'Giá trị',
    identifierObservedAt: 'Thời điểm ghi nhận',
    legalSources: 'Căn cứ pháp lý',
    unverified: 'chưa kiểm chứng',
    unverifiedHint: 'Số điều khoản nêu trên chưa được đối chiếu với văn bản chính thức của điều ước.',
    article: 'Điều {{number}}',
    conditionProposed: 'đã đề xuất',
    conditionAccepted: 'đã chấp nhận',
    conditionDeclined: 'đã từ chối',
  },
  identifierKind: {
    account: 'Tài khoản',
    phone: 'Số điện thoại',
    ip: 'Địa chỉ IP',
    domain: 'Tên miền',
    url: 'Địa chỉ URL',
    email: 'Thư điện tử',
    iban: 'Số IBAN',
    'bank-account': 'Tài khoản ngân hàng',
    wallet: 'Ví tiền mã hóa',
  },
  instrument: {
    UN: 'Công ước của Liên hợp quốc về chống tội phạm mạng',
    BUDAPEST: 'Công ước Budapest',
    SAP: 'Nghị định thư bổ sung thứ hai',
    BILATERAL: 'Điều ước song phương',
    RECIPROCITY: 'Nguyên tắc có đi có lại',
    DOMESTIC: 'Pháp luật trong nước',
    PRACTICE: 'Thực tiễn nghiệp vụ (G8/UNODC)',
  },
};
