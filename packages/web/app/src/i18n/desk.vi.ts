import type { deskEn } from './desk.en.js';

type Same<T> = { readonly [Section in keyof T]: { readonly [Key in keyof T[Section]]: string } };

/** Tiếng Việt cho việc phân công và báo động vượt cấp; cùng khóa với desk.en.ts. */
export const deskVi: Same<typeof deskEn> = {
  desk: {
    assignee: 'Người phụ trách',
    anyone: 'Tất cả',
    me: 'Giao cho tôi',
    unassigned: 'Chưa phân công',
    nobody: 'Chưa có',
    assignToMe: 'Nhận xử lý',
    unassign: 'Bỏ phân công',
    assignFailed: 'Không phân công được: {{reason}}',
    escalated: 'Đã báo cấp trên',
    escalatedHint: 'Một thời hạn pháp lý đã bị vượt quá và đã báo cáo cấp trên',
    assignEvent: 'Đã phân công',
    unassignEvent: 'Đã bỏ phân công',
  },
};
