/**
 * The route table: every operation the node answers, named once. The server fills each route's
 * `operationId` and security from it (and refuses to start when a route and its entry disagree),
 * the OpenAPI document is generated from the result, and the typed client calls by these names.
 * Pure data (no zod, no core), so the browser bundles it without the schemas and their dependencies.
 */

import { citizenReportRouteTable } from './routes/citizen-reports.routes.js';
import { evidenceRouteTable } from './routes/evidence.routes.js';
import { federationRouteTable } from './routes/federation.routes.js';
import { fraudClusterRouteTable } from './routes/fraud-clusters.routes.js';
import { fraudRouteTable } from './routes/fraud.routes.js';
import { identityRouteTable } from './routes/identity.routes.js';
import { ordersRouteTable } from './routes/orders.routes.js';
import { requestsRouteTable } from './routes/requests.routes.js';

import type { Route } from './routes/route.js';

export type { HttpMethod, Route, RouteSecurity } from './routes/route.js';

export const routes = {
  ...identityRouteTable,
  ...requestsRouteTable,
  ...evidenceRouteTable,
  ...federationRouteTable,
  ...ordersRouteTable,
  ...fraudRouteTable,
  ...fraudClusterRouteTable,
  ...citizenReportRouteTable,
};

export type OperationId = keyof typeof routes;

/** The operation of a method and a path in Fastify's notation, if the table has it. */
export function operationOf(method: string, path: string): OperationId | undefined {
  return routeIndex.get(`${method.toUpperCase()} ${path}`);
}

const routeIndex = new Map<string, OperationId>(
  (Object.entries(routes) as [OperationId, Route][]).map(([id, route]) => [`${route.method} ${route.path}`, id]),
);
