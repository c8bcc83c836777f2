// eslint-disable-next-line no-restricted-imports -- the test reads core's own sources; core's code itself does no I/O
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as browser from './browser.js';
import { leafHash, nodeHash } from './ledger/hasher.js';
import { consistencyProof, inclusionProof, rootOf } from './ledger/merkle-tree.js';
import { verifyConsistency, verifyInclusion } from './ledger/verify-proofs.js';

const leavesData = (n: number) =>
  Array.from({ length: n }, (_, i) => new TextEncoder().encode(`{"kind":"custody","n":${i},"note":"chuỗi lưu giữ"}`));

/** Every module browser.ts reaches, and every package it imports (type-only imports are erased: not followed). */
function importsReachedFrom(entry: URL): { modules: string[]; packages: string[] } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (url: URL) => {
    if (modules.has(url.pathname)) return;
    modules.add(url.pathname);
    const source = readFileSync(url, 'utf8');
    for (const [, specifier] of source.matchAll(/^(?:import|export)(?! type )[^;]*?from '([^']+)'/gms)) {
      if (specifier!.startsWith('.')) visit(new URL(specifier!.replace(/\.js$/, '.ts'), url));
      else packages.add(specifier!);
    }
  };
  visit(entry);
  return { modules: [...modules], packages: [...packages] };
}

describe("core's browser entry", () => {
  it('reaches no Node built-in, so Vite bundles it for the browser', () => {
    const { modules, packages } = importsReachedFrom(new URL('browser.ts', import.meta.url));
    expect(modules.some((m) => m.endsWith('ledger/proof-checks.ts'))).toBe(true);
    expect(modules.filter((m) => m.endsWith('ledger/hasher.ts'))).toEqual([]);
    // The fraud normalisers' libraries are pure JavaScript for the browser too; nothing else may come in unseen.
    const normaliserLibraries = [
      'zod',
      'bitcoin-address-validation',
      'punycode/punycode.js',
      'tldts',
      'libphonenumber-js/max',
      'ibantools',
      '@scure/base',
    ];
    expect(
      packages.filter((p) => p.startsWith('node:') || !(p.startsWith('@noble/') || normaliserLibraries.includes(p))),
    ).toEqual([]);
  });

  it('hashes leaves and nodes as the server does', () => {
    for (const data of leavesData(3)) expect(browser.leafHash(data)).toEqual(new Uint8Array(leafHash(data)));
    const [a, b] = leavesData(2).map(leafHash);
    expect(browser.verifyInclusion(a!, 0, 2, [b!], nodeHash(a!, b!))).toBe(true);
  });

  it('accepts and refuses exactly the inclusion and consistency proofs the server path does', () => {
    for (let size = 1; size <= 17; size += 1) {
      const leaves = leavesData(size).map(leafHash);
      const root = rootOf(leaves);
      for (let index = 0; index < size; index += 1) {
        const proof = inclusionProof(index, leaves);
        expect(browser.verifyInclusion(leaves[index]!, index, size, proof, root), `${index} of ${size}`).toBe(true);
        for (const [leaf, at, tree, path] of [
          [leaves[index]!, index + 1, size, proof],
          [leaves[index]!, index, size + 1, proof],
          [leaves[(index + 1) % size]!, index, size, proof],
          [leaves[index]!, index, size, [...proof, root]],
        ] as const) {
          const expected = verifyInclusion(leaf, at, tree, path, root);
          expect(browser.verifyInclusion(leaf, at, tree, path, root)).toBe(expected);
        }
      }
      for (let older = 1; older <= size; older += 1) {
        const oldRoot = rootOf(leaves.slice(0, older));
        const proof = consistencyProof(older, leaves);
        expect(browser.verifyConsistency(older, size, oldRoot, root, proof)).toBe(true);
        expect(browser.verifyConsistency(older, size, root, oldRoot, proof)).toBe(
          verifyConsistency(older, size, root, oldRoot, proof),
        );
      }
    }
  });
});
