import type { liveEn } from './live.en.js';

type Same<T> = { readonly [Section in keyof T]: { readonly [Key in keyof T[Section]]: string } };

/** Tiếng Việt cho chỉ báo cập nhật trực tiếp ở đầu trang; cùng khóa với live.en.ts. */
export const liveVi: Same<typeof liveEn> = {
  live: {
    live: 'Trực tiếp',
    liveHint: 'Thay đổi hiện ra ngay khi xảy ra',
    polling: 'Đang cập nhật định kỳ',
    pollingHint: 'Chưa có kết nối trực tiếp: trang tự làm mới sau vài giây',
  },
};
