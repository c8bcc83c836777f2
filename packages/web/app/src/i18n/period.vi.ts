import type { periodEn } from './period.en.js';

type Same<T> = { readonly [Section in keyof T]: { readonly [Key in keyof T[Section]]: string } };

/** Tiếng Việt cho ô "từ/đến" của một khoảng thời gian khi soạn yêu cầu; cùng khóa với period.en.ts. */
export const periodVi: Same<typeof periodEn> = {
  period: {
    from: 'Từ',
    to: 'Đến',
    localTime: 'Giờ địa phương của máy này ({{zone}}); gửi cho đối tác theo giờ UTC',
    incomplete: 'Nhập cả thời điểm bắt đầu và kết thúc',
    invalid: 'Ngày giờ không hợp lệ',
  },
};
