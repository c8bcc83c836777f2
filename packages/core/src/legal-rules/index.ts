export * from './legal-sources.js';
export * from './rule-set.js';
