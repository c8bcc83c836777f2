/** English for the from/to inputs of a period (drafting); spread into en.ts (keys must match period.vi.ts). */
export const periodEn = {
  period: {
    from: 'From',
    to: 'To',
    localTime: 'Local time of this computer ({{zone}}); sent to the partner as UTC',
    incomplete: 'Give both the start and the end',
    invalid: 'Not a valid date and time',
  },
};
