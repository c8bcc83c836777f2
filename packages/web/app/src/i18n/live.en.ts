/** English for the live-update indicator in the header; spread into en.ts (keys must match live.vi.ts). */
export const liveEn = {
  live: {
    live: 'Live',
    liveHint: 'Changes appear as soon as they happen',
    polling: 'Polling',
    pollingHint: 'The live connection is not open: the page refreshes every few seconds',
  },
};
