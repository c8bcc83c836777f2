/** English for assignment and escalation on the desk; spread into en.ts (keys must match desk.vi.ts). */
export const deskEn = {
  desk: {
    assignee: 'Assignee',
    anyone: 'Anyone',
    me: 'Assigned to me',
    unassigned: 'Unassigned',
    nobody: 'Nobody',
    assignToMe: 'Assign to me',
    unassign: 'Unassign',
    assignFailed: 'The assignment failed: {{reason}}',
    escalated: 'Escalated',
    escalatedHint: 'A legal clock was breached and escalated',
    assignEvent: 'Assigned',
    unassignEvent: 'Unassigned',
  },
};
