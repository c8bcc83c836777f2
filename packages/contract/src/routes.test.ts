import { describe, expect, expectTypeOf, it } from 'vitest';
import type { OperationTypes } from './operation-types.js';
import { operationOf, routes, type OperationId } from './routes.js';

describe("the contract's route table", () => {
  const entries = Object.entries(routes) as [OperationId, (typeof routes)[OperationId]][];

  it('gives each method and path one operation, found again by operationOf', () => {
    for (const [id, route] of entries) expect(operationOf(route.method, route.path)).toBe(id);
    expect(new Set(entries.map(([, r]) => `${r.method} ${r.path}`)).size).toBe(entries.length);
    expect(operationOf('get', '/api/v1/requests/:requestId')).toBe('getRequest');
    expect(operationOf('GET', '/api/v1/nowhere')).toBeUndefined();
  });

  it('names operations in camelCase and tags each one', () => {
    for (const [id, route] of entries) {
      expect(id).toMatch(/^[a-z][A-Za-z]+$/);
      expect(route.tags.length).toBeGreaterThan(0);
    }
  });

  it('types every operation of the table, and nothing else (checked by tsc)', () => {
    expectTypeOf<Exclude<OperationId, keyof OperationTypes>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof OperationTypes, OperationId>>().toEqualTypeOf<never>();
  });
});
