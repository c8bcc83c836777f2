/**
 * Writes docs/api/openapi.json, the OpenAPI 3.1 document the node serves, generated from its routes
 * and the schemas of packages/contract. Run `npm run openapi` after changing a route or its contract;
 * packages/server/src/http/openapi-document.test.ts fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { openApiDocumentText, openApiFile } from '../packages/server/src/http/openapi-document.fixtures.js';

writeFileSync(openApiFile, await openApiDocumentText());
console.log(`wrote ${openApiFile.pathname}`);
