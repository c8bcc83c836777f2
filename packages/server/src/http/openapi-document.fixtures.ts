import { readFileSync } from 'node:fs';
import { TestNode } from '@hanoi247/testkit';

/** The committed OpenAPI document: what `npm run openapi` writes and openapi-document.test.ts checks. */
export const openApiFile = new URL('../../../../docs/api/openapi.json', import.meta.url);

const rootPackage = new URL('../../../../package.json', import.meta.url);

/**
 * The document the node serves at /api/v1/openapi.json, as committed: generated from the routes and
 * the contract's schemas by a node on a fresh database, with the release's version.
 */
export async function openApiDocumentText(): Promise<string> {
  const node = await TestNode.start();
  try {
    const document = (await node.call('GET', '/api/v1/openapi.json')).json<{ info: { version: string } }>();
    const { version } = JSON.parse(readFileSync(rootPackage, 'utf8')) as { version: string };
    return `${JSON.stringify({ ...document, info: { ...document.info, version } }, null, 2)}\n`;
  } finally {
    await node.stop();
  }
}
