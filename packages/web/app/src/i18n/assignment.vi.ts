import type { assignmentEn } from './assignment.en.js';

type Same<T> = { readonly [Section in keyof T]: { readonly [Key in keyof T[Section]]: string } };

/** Tiếng Việt cho việc phân công yêu cầu cho cán bộ khác; cùng khóa với assignment.en.ts. */
export const assignmentVi: Same<typeof assignmentEn> = {
  assignment: {
    pickLabel: 'Phân công cho cán bộ',
    pickPlaceholder: 'Gõ tên để tìm',
    nothingFound: 'Không tìm thấy cán bộ có thể xử lý yêu cầu này',
    assign: 'Phân công',
    loadFailed: 'Không tải được danh sách cán bộ: {{reason}}',
    you: '{{name}} (bạn)',
  },
};
