import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const apiDirectory = new URL('./', import.meta.url);
const sources = readdirSync(apiDirectory)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(new URL(name, apiDirectory), 'utf8') }));

describe("the web app's API layer", () => {
  it('writes no answer shape by hand: every DTO type comes from @hanoi247/contract', () => {
    expect(sources.map((s) => s.name)).toContain('types.ts');
    const declared = sources.flatMap(({ name, text }) =>
      [...text.matchAll(/^(?:export )?interface (\w+)/gm)].map((m) => `${name}: ${m[1]}`),
    );
    expect(declared).toEqual([]);
  });

  it('re-exports the contract types under the names the components use', () => {
    const types = sources.find((s) => s.name === 'types.ts')?.text ?? '';
    expect(types).toMatch(/from '@hanoi247\/contract'/);
    for (const name of ['RequestView', 'QueueItem', 'SessionView', 'RequestType']) expect(types).toContain(name);
  });
});
