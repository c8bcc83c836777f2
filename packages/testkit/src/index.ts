export * from './test-database.js';
export * from './test-config.js';
export * from './test-node.js';
export * from './cli-process.js';
export * from './federation.js';
export * from './node-process.js';
export * from './bundle-world.js';
export * from './ledger.js';
