/**
 * The cases the demo history is about: online fraud and cybercrime of the kinds 24/7 desks
 * handle between Viet Nam, Singapore and France. Every name, account and address is invented
 * (documentation IP ranges, .example domains); each text starts with the demo marker.
 */
export interface DemoCase {
  readonly offence: { readonly en: string; readonly vi: string };
  readonly data: { readonly en: string; readonly vi: string };
  readonly platform: string;
  readonly identifier: Readonly<Record<string, unknown>>;
  readonly categories: readonly ('subscriber' | 'traffic' | 'content')[];
}

/** Shown first in every seeded request's description: the same word in both languages. */
export const demoMarker = '[DEMO]';

export const demoCases: readonly DemoCase[] = [
  {
    offence: {
      en: 'Fraudulent crypto-investment app: 214 victims lured by fake returns (UN art. 13)',
      vi: 'Ứng dụng đầu tư tiền mã hóa lừa đảo: 214 bị hại bị dụ bằng lợi nhuận giả (Điều 13 Công ước)',
    },
    data: {
      en: 'Subscriber data and login IP addresses of the app operator\u2019s account',
      vi: 'Thông tin thuê bao và địa chỉ IP đăng nhập của tài khoản vận hành ứng dụng',
    },
    platform: 'Lotus Chat',
    identifier: { kind: 'account', service: 'Lotus Chat', handle: 'quick.invest.2026' },
    categories: ['subscriber', 'traffic'],
  },
  {
    offence: {
      en: 'Romance scam: victim transferred 1.2 billion VND to a fake suitor',
      vi: 'Lừa đảo tình cảm: bị hại chuyển 1,2 tỷ đồng cho người quen qua mạng',
    },
    data: {
      en: 'Messages and subscriber data of the profile used to contact the victim',
      vi: 'Tin nhắn và thông tin thuê bao của hồ sơ đã liên lạc với bị hại',
    },
    platform: 'Sakura Social',
    identifier: { kind: 'account', service: 'Sakura Social', handle: 'anna.lee.sg' },
    categories: ['subscriber', 'content'],
  },
  {
    offence: {
      en: 'SMS phishing impersonating a bank: 3,400 messages, 61 accounts emptied (UN art. 7)',
      vi: 'Tin nhắn giả mạo ngân hàng: 3.400 tin nhắn, 61 tài khoản bị rút tiền (Điều 7 Công ước)',
    },
    data: {
      en: 'Registration data and access logs of the phishing domain',
      vi: 'Dữ liệu đăng ký và nhật ký truy cập của tên miền giả mạo',
    },
    platform: 'Harbour Hosting',
    identifier: { kind: 'domain', name: 'secure-login-bank.example' },
    categories: ['subscriber', 'traffic'],
  },
  {
    offence: {
      en: 'Ransomware against a logistics company; systems encrypted, ransom demanded in bitcoin (UN art. 9)',
      vi: 'Mã độc tống tiền tấn công công ty logistics; hệ thống bị mã hóa, đòi tiền chuộc bằng bitcoin (Điều 9)',
    },
    data: {
      en: 'Connection logs of the server used for the ransom negotiation',
      vi: 'Nhật ký kết nối của máy chủ dùng để thương lượng tiền chuộc',
    },
    platform: 'Seine Cloud',
    identifier: { kind: 'domain', name: 'unlock-your-files.example' },
    categories: ['traffic'],
  },
  {
    offence: {
      en: 'Business e-mail compromise: supplier invoice diverted, EUR 480,000 lost',
      vi: 'Xâm nhập thư điện tử doanh nghiệp: hóa đơn nhà cung cấp bị đổi tài khoản, thiệt hại 480.000 EUR',
    },
    data: {
      en: 'Login records and forwarding rules of the compromised mailbox',
      vi: 'Nhật ký đăng nhập và quy tắc chuyển tiếp của hộp thư bị chiếm quyền',
    },
    platform: 'ExampleMail',
    identifier: { kind: 'email', address: 'accounts.payable@supplier.example' },
    categories: ['subscriber', 'traffic', 'content'],
  },
  {
    offence: {
      en: 'Illegal online gambling site laundering proceeds through e-wallets (UN art. 17)',
      vi: 'Trang cờ bạc trực tuyến trái phép rửa tiền qua ví điện tử (Điều 17 Công ước)',
    },
    data: {
      en: 'Wallet holder data and transaction records',
      vi: 'Thông tin chủ ví và lịch sử giao dịch',
    },
    platform: 'MekongPay',
    identifier: { kind: 'account', service: 'MekongPay', handle: 'wallet-0918-000-447' },
    categories: ['subscriber', 'traffic'],
  },
  {
    offence: {
      en: 'Sextortion of minors through a video-chat app (UN art. 14)',
      vi: 'Tống tiền tình dục trẻ vị thành niên qua ứng dụng gọi video (Điều 14 Công ước)',
    },
    data: {
      en: 'Subscriber data, IP logs and stored messages of the offender\u2019s account',
      vi: 'Thông tin thuê bao, nhật ký IP và tin nhắn lưu trữ của tài khoản đối tượng',
    },
    platform: 'Sakura Social',
    identifier: { kind: 'account', service: 'Sakura Social', handle: 'cam.friend.88' },
    categories: ['subscriber', 'traffic', 'content'],
  },
  {
    offence: {
      en: 'Fake online job offers ("task scam"): victims paid deposits to unlock commissions',
      vi: 'Tuyển dụng việc làm online giả ("làm nhiệm vụ"): bị hại nộp tiền đặt cọc để nhận hoa hồng',
    },
    data: {
      en: 'Subscriber data of the recruiting channel and its payment accounts',
      vi: 'Thông tin thuê bao của kênh tuyển dụng và các tài khoản nhận tiền',
    },
    platform: 'Lotus Chat',
    identifier: { kind: 'account', service: 'Lotus Chat', handle: 'hr.recruit.vn' },
    categories: ['subscriber'],
  },
];

/** The registry of each demo node: invented providers, the first with the demo provider user. */
export const demoProviders: readonly { readonly legalName: string; readonly type: string }[] = [
  { legalName: 'Lotus Chat (demo)', type: 'PLATFORM' },
  { legalName: 'MekongPay e-wallet (demo)', type: 'BANK_OR_PAYMENT' },
  { legalName: 'Harbour Hosting (demo)', type: 'HOSTING' },
];
