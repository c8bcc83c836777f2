/** English for "who acts next" on a request; keys must match next-step.vi.ts. */
export const nextStepEn = {
  nextStep: {
    title: 'Next step',
    viewer: 'Your action: {{action}}',
    colleague: 'Waiting for {{who}}: {{action}}',
    order: 'Waiting for the service provider\u2019s answer to the domestic order ({{action}})',
    partner: 'Waiting for {{state}}: {{action}}',
    none: 'Closed: nothing more is expected on this request.',
    or: 'or',
    notYours: 'This step needs the role of {{who}}; you cannot take it yourself.',
    role_duty_officer: 'a duty officer',
    role_central_authority_officer: 'a central-authority officer',
    role_supervisor: 'a supervisor',
    role_provider_user: 'the service provider',
    role_institution_reporter: 'the reporting institution',
    role_fraud_analyst: 'a fraud analyst',
    role_fraud_supervisor: 'a fraud supervisor',
    role_auditor: 'an auditor',
    role_administrator: 'an administrator',
  },
};
