/**
 * The node's API contract: the zod schemas of every route's input and output, shared by the
 * server (which validates with them), the web app, the CLI and the tests (which call with them).
 */
export * from './common.js';
export * from './accounts.js';
export * from './audit.js';
export * from './cases.js';
export * from './providers.js';
export * from './auth.js';
export * from './evidence.js';
export * from './evidence-exchange.js';
export * from './federation.js';
export * from './federation-protocol.js';
export * from './fraud.js';
export * from './fraud-clusters.js';
export * from './citizen-reports.js';
export * from './ledger.js';
export * from './live-events.js';
export * from './node.js';
export * from './orders.js';
export * from './production-uploads.js';
export * from './reference.js';
export * from './requests.js';
export * from './statistics.js';
export * from './core-bodies.js';
export * from './routes.js';
export type * from './views.js';
export * from './problem.js';
export type { OperationTypes } from './operation-types.js';
