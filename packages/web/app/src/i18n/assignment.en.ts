/** English for handing a request to another officer; spread into en.ts (keys must match assignment.vi.ts). */
export const assignmentEn = {
  assignment: {
    pickLabel: 'Assign to an officer',
    pickPlaceholder: 'Type a name to search',
    nothingFound: 'No officer found who can handle this request',
    assign: 'Assign',
    loadFailed: 'The list of officers could not be loaded: {{reason}}',
    you: '{{name}} (you)',
  },
};
