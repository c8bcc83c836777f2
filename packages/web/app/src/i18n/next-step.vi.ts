/** Tiếng Việt cho "ai hành động tiếp theo" trên một yêu cầu; khóa phải khớp next-step.en.ts. */
export const nextStepVi = {
  nextStep: {
    title: 'Bước tiếp theo',
    viewer: 'Việc của bạn: {{action}}',
    colleague: 'Đang chờ {{who}}: {{action}}',
    order: 'Đang chờ doanh nghiệp trả lời lệnh trong nước ({{action}})',
    partner: 'Đang chờ {{state}}: {{action}}',
    none: 'Đã đóng: không còn việc gì phải làm với yêu cầu này.',
    or: 'hoặc',
    notYours: 'Bước này cần vai trò {{who}}; bạn không thể tự thực hiện.',
    role_duty_officer: 'cán bộ trực',
    role_central_authority_officer: 'cán bộ cơ quan trung ương',
    role_supervisor: 'lãnh đạo phê duyệt',
    role_provider_user: 'doanh nghiệp',
    role_institution_reporter: 'tổ chức báo cáo',
    role_fraud_analyst: 'cán bộ phân tích lừa đảo',
    role_fraud_supervisor: 'lãnh đạo phân tích lừa đảo',
    role_auditor: 'kiểm toán viên',
    role_administrator: 'quản trị viên',
  },
};
