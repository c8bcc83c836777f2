import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from './config.schema.js';
import { environmentVariables } from './load-config.js';

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Production notes'));

function leafPaths(shape: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(shape).flatMap(([key, value]) => {
    const nested = (value as { shape?: Record<string, unknown> }).shape;
    return nested === undefined ? [`${prefix}${key}`] : leafPaths(nested, `${prefix}${key}.`);
  });
}

/** The README's configuration table is the operators' reference: it must not drift from the schema. */
describe('configuration documentation', () => {
  it.each(Object.keys(environmentVariables))('documents the environment variable %s', (variable) => {
    expect(table).toContain(`\`${variable}\``);
  });

  it.each(leafPaths(configSchema.shape))('documents the field %s', (path) => {
    const [head, ...rest] = path.split('.');
    const documented =
      table.includes(`\`${path}\``) ||
      table.includes(`/ \`${rest.join('.')}\``) ||
      (head === 'passwordHashing' && table.includes('`passwordHashing.memoryKiB` / `iterations`')) ||
      (head === 'federation' &&
        table.includes('`federation.retryBaseSeconds` / `retryMaxSeconds`') &&
        rest[0]?.startsWith('retry') === true);
    expect(documented).toBe(true);
  });
});
