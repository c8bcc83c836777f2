import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { operationOf, routes } from '@hanoi247/contract';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** Everything in a scope registered by this plugin is reachable without signing in. */
export async function publicScope(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true };
  });
}

/**
 * Checks every documented route against the contract's route table, and marks a public one as
 * needing no security. A documented route missing from the table, or whose table entry says public when
 * the route is not (or the reverse), stops the node at start, so the contract cannot drift from the routes.
 * A HEAD route Fastify derives from a GET is not in the table and stays out of the document.
 */
export function registerRouteContract(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.schema === undefined || route.schema.hide === true) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const operationId = operationOf(methods[0] ?? '', route.url);
    if (operationId === undefined) {
      if (methods[0] === 'HEAD') return;
      throw new Error(`${methods.join(',')} ${route.url} is not in the contract's route table`);
    }
    const { security, method } = routes[operationId];
    const isPublic = (route.config as { public?: boolean } | undefined)?.public === true;
    if (isPublic !== (security === 'none')) {
      throw new Error(`${method} ${route.url}: the route table says security "${security}", the route disagrees`);
    }
    if (isPublic) route.schema = { ...route.schema, security: [] };
    // The tus offset checks are HEAD routes of their own; every other HEAD is derived from a GET.
    if (method === 'HEAD') route.config = { ...(route.config ?? {}), swagger: { exposeHeadRoute: true } };
  });
}

/** Each operation's `operationId` is its name in the route table (a HEAD one too, which Swagger would suffix). */
const namedOperation: typeof jsonSchemaTransform = (input) => {
  const documented = jsonSchemaTransform(input);
  const method = Array.isArray(input.route.method) ? input.route.method[0] : input.route.method;
  const operationId = operationOf(method ?? '', input.route.url);
  return operationId === undefined ? documented : { ...documented, schema: { ...documented.schema, operationId } };
};

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>;
type Responses = Record<string, { content?: Record<string, unknown> }>;

/** Error answers are RFC 9457 problem details: documented under their own media type. */
function problemMediaType(document: OpenApiDocument): OpenApiDocument {
  const paths = (document as { paths?: Record<string, Record<string, { responses?: Responses }>> }).paths ?? {};
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const json = response.content?.['application/json'];
        if (Number(status) < 400 || json === undefined) continue;
        response.content = { 'application/problem+json': json };
      }
    }
  }
  return document;
}

/** The OpenAPI 3.1 document (GET /api/v1/openapi.json, committed as docs/api/openapi.json) and its browser. */
export async function registerApiDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'hanoi247 node API',
        version,
        description: 'National node for the UN Convention against Cybercrime.',
      },
      servers: [{ url: '/', description: 'This node: the API is served from the origin of its web app' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: '__Host-h247_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    transform: namedOperation,
    transformObject: (input) => problemMediaType(jsonSchemaTransformObject(input)),
  });
  await app.register(async (docs) => {
    await publicScope(docs);
    docs.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs', staticCSP: true });
  });
}
