export * from './keys.js';
export * from './node-descriptor.js';
export * from './messages.js';
export * from './envelope.js';
export * from './receipt.js';
export * from './pull-request.js';
export * from './evidence-transfer.js';
export * from './evidence-fetch.js';
