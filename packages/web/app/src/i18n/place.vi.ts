import type { placeEn } from './place.en.js';

type Same<T> = { readonly [Section in keyof T]: { readonly [Key in keyof T[Section]]: string } };

/** Tiếng Việt cho nơi đặt nút, trình đơn trên điện thoại, trạng thái hộp thư và tin báo; cùng khóa với place.en.ts. */
export const placeVi: Same<typeof placeEn> = {
  place: {
    label: '{{state}} · {{name}}',
    hint: 'Quốc gia mà nút này phục vụ và tên của nút',
    signInAt: 'Nút của {{state}}: {{name}}',
  },
  dateInput: { day: 'nn', month: 'tt', year: 'nnnn', format: 'Định dạng: {{pattern}}' },
  menu: { open: 'Mở trình đơn', close: 'Đóng trình đơn' },
  inboxStatus: {
    loading: 'Đang tải yêu cầu\u2026',
    empty: 'Bàn trực chưa có yêu cầu nào.',
    noMatch: 'Không có yêu cầu nào khớp bộ lọc.',
  },
  news: {
    arrived: 'Yêu cầu mới từ {{country}}',
    arrivedEmergency: 'Yêu cầu KHẨN CẤP mới từ {{country}}',
    added: 'Đã thêm vào bàn trực: {{reference}} ({{state}})',
    changed: '{{reference}} chuyển sang: {{state}}',
  },
  access: {
    notDeskTitle: 'Vai trò của bạn không xử lý yêu cầu',
    notDesk:
      'Yêu cầu, lệnh và số liệu của bàn trực 24/7 dành cho cán bộ trực, cán bộ cơ quan trung ương và lãnh đạo phê duyệt. Công việc của bạn ở các trang sau:',
  },
};
