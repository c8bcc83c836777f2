export * from './evidence-metadata.js';
export * from './custody-event.js';
export * from './onward-transfer.js';
