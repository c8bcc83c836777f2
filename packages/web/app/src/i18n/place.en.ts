/** English for the node's place, the phone menu, the inbox's states and the desk's news; keys must match place.vi.ts. */
export const placeEn = {
  place: {
    label: '{{state}} · {{name}}',
    hint: 'The State this node serves, and the node\u2019s name',
    signInAt: 'Node of {{state}}: {{name}}',
  },
  dateInput: { day: 'dd', month: 'mm', year: 'yyyy', format: 'Format: {{pattern}}' },
  menu: { open: 'Open the menu', close: 'Close the menu' },
  inboxStatus: {
    loading: 'Loading requests\u2026',
    empty: 'There are no requests on this desk yet.',
    noMatch: 'No request matches these filters.',
  },
  news: {
    arrived: 'New request from {{country}}',
    arrivedEmergency: 'New EMERGENCY request from {{country}}',
    added: 'Added to the desk: {{reference}} ({{state}})',
    changed: '{{reference}} is now: {{state}}',
  },
  access: {
    notDeskTitle: 'Requests are not part of your role',
    notDesk:
      'The 24/7 desk\u2019s requests, orders and figures are read by duty officers, central-authority officers and supervisors. Your work is on these pages:',
  },
};
