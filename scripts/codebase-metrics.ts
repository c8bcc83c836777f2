/**
 * The codebase figures issue 12 asks to track, measured the same way each time:
 * `node --import tsx scripts/codebase-metrics.ts` (run from the repository root; reads tracked files only).
 * - lines of code per package (non-blank lines of tracked .ts/.tsx, tests counted apart);
 * - hand-written DTO shapes in the web app (object-shaped `interface`/`type` in web/app/src/api);
 * - `fetch(` call sites in the server outside its one outbound module (federation/http-transport.ts);
 * - lines over 120 characters outside i18n dictionaries, migrations and test vectors.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const tracked = execFileSync('git', ['ls-files', '-z', 'packages', 'e2e', 'bench', 'scripts'], { encoding: 'utf8' })
  .split('\0')
  .filter((f) => /\.(ts|tsx)$/.test(f));
const text = (file: string): string => readFileSync(file, 'utf8');
const isTest = (file: string): boolean => /\.(test|fixtures)\.tsx?$|\/test\//.test(file) || file.startsWith('e2e/');

const packageOf = (file: string): string => /^packages\/([^/]+)\//.exec(file)?.[1] ?? file.split('/')[0]!;
const loc = new Map<string, { source: number; tests: number }>();
for (const file of tracked) {
  const lines = text(file)
    .split('\n')
    .filter((l) => l.trim() !== '').length;
  const entry = loc.get(packageOf(file)) ?? { source: 0, tests: 0 };
  if (isTest(file)) entry.tests += lines;
  else entry.source += lines;
  loc.set(packageOf(file), entry);
}

const webApi = tracked.filter((f) => f.startsWith('packages/web/app/src/api/') && !isTest(f));
const dtoShapes = webApi.flatMap((file) =>
  text(file)
    .split('\n')
    .filter((l) => /^\s*(export )?interface \w+/.test(l) || /^\s*(export )?type \w+(<[^>]*>)? = \{/.test(l))
    .map((l) => `${file}: ${l.trim()}`),
);

const fetchSites = tracked
  .filter((f) => f.startsWith('packages/server/src/') && !isTest(f) && !f.endsWith('federation/http-transport.ts'))
  .flatMap((file) =>
    text(file)
      .split('\n')
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => /(^|[^\w.])fetch\(/.test(l) && !/^\s*(\*|\/\/)/.test(l))
      .map(({ i }) => `${file}:${i + 1}`),
  );

const data = /i18n\/|\/migrations\/|test-vectors|vectors/;
const longLines = tracked
  .filter((f) => f.startsWith('packages/') && !data.test(f))
  .reduce(
    (n, file) =>
      n +
      text(file)
        .split('\n')
        .filter((l) => l.length > 120).length,
    0,
  );

console.log('lines of code (non-blank; source / tests):');
for (const [name, { source, tests }] of [...loc].sort()) {
  console.log(`  ${name.padEnd(10)} ${String(source).padStart(6)} / ${String(tests).padStart(6)}`);
}
console.log(`hand-written DTO shapes in web/app/src/api: ${dtoShapes.length}`);
for (const shape of dtoShapes) console.log(`  ${shape}`);
console.log(`server fetch( sites outside federation/http-transport.ts: ${fetchSites.length}`);
for (const site of fetchSites) console.log(`  ${site}`);
console.log(`lines over 120 characters in packages/ (outside i18n, migrations, vectors): ${longLines}`);
