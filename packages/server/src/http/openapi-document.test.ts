import { readFileSync } from 'node:fs';
import { routes } from '@hanoi247/contract';
import { describe, expect, it } from 'vitest';
import { openApiDocumentText, openApiFile } from './openapi-document.fixtures.js';

interface Operation {
  readonly operationId?: string;
  readonly tags?: readonly string[];
  readonly security?: readonly unknown[];
  readonly responses: Record<string, { readonly content?: Record<string, unknown> }>;
}
interface Document {
  readonly servers?: readonly { readonly url: string }[];
  readonly paths: Record<string, Record<string, Operation>>;
}

describe('docs/api/openapi.json', () => {
  const generated = openApiDocumentText();

  it('is the document the routes and the contract make now (regenerate: npm run openapi)', async () => {
    const committed = readFileSync(openApiFile, 'utf8');
    expect(committed === (await generated), 'docs/api/openapi.json is stale: run `npm run openapi`').toBe(true);
  });

  it("names every operation of the contract's route table once, with its tags and security", async () => {
    const document = JSON.parse(await generated) as Document;
    expect(document.servers?.map((s) => s.url)).toEqual(['/']);
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
    );
    expect(documented.map((d) => d.operation.operationId).sort()).toEqual(Object.keys(routes).sort());
    for (const { path, method, operation } of documented) {
      const route = routes[operation.operationId as keyof typeof routes];
      expect({ method, path }).toEqual({ method: route.method, path: route.path.replace(/:(\w+)/g, '{$1}') });
      expect(operation.tags).toEqual(route.tags);
      // No `security` inherits the document's (session or API token); a public route clears it.
      expect(operation.security, `${method} ${path}`).toEqual(route.security === 'none' ? [] : undefined);
    }
  });

  it('documents every error answer as RFC 9457 problem details', async () => {
    const document = JSON.parse(await generated) as Document;
    const errors = Object.values(document.paths)
      .flatMap((operations) => Object.values(operations))
      .flatMap((operation) => Object.entries(operation.responses).filter(([status]) => Number(status) >= 400))
      .map(([, response]) => Object.keys(response.content ?? {}));
    expect(errors.length).toBeGreaterThan(100);
    expect(new Set(errors.flat())).toEqual(new Set(['application/problem+json']));
  });
});
