import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { progress, type Benchmark } from './report.js';

const name = 'web-initial-js';
const appDir = new URL('../packages/web/dist/app/', import.meta.url);
const gzipKiB = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length / 1024;

/** What a browser downloads before the first screen: the scripts index.html loads, gzipped. */
export const webInitialJsBenchmark: Benchmark = {
  name,
  description: 'gzip size of the web app\u2019s initial JavaScript vs React + ReactDOM alone (KiB)',
  run: async () => {
    const html = readFileSync(new URL('index.html', appDir), 'utf8');
    const scripts = [
      ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.\/([^"]+\.js)"/g),
    ].map((m) => m[1] ?? '');
    if (scripts.length === 0) throw new Error('index.html loads no script: run npm run build');
    const value = scripts.reduce((sum, file) => sum + gzipKiB(readFileSync(new URL(file, appDir))), 0);
    progress(name, `initial scripts: ${scripts.join(', ')}`);
    const require = createRequire(import.meta.url);
    // The packages' own production builds, found beside their package.json (not exported paths).
    const inPackage = (pkg: string, file: string) =>
      readFileSync(join(dirname(require.resolve(`${pkg}/package.json`, { paths: [appDir.pathname] })), file));
    const floor = [
      inPackage('react', 'cjs/react.production.js'),
      inPackage('react-dom', 'cjs/react-dom-client.production.js'),
    ];
    return { value, baseline: gzipKiB(Buffer.concat(floor)), unit: 'KiB gzip' };
  },
};
