// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** What `core` must never reach: it stays pure so a court or provider can verify with it alone. */
const coreForbidden = [
  { group: ['fastify', 'fastify-*', '@fastify/*'], message: 'core is framework-free' },
  { group: ['kysely', 'better-sqlite3', 'pg', 'pg-*'], message: 'core has no database access' },
  {
    group: [
      'node:fs',
      'fs',
      'node:fs/*',
      'fs/*',
      'node:net',
      'net',
      'node:http',
      'http',
      'node:https',
      'https',
      'node:http2',
      'node:dgram',
      'node:child_process',
      'child_process',
      'node:worker_threads',
      'undici',
      'node-fetch',
      'axios',
    ],
    message: 'core does no I/O',
  },
  {
    group: ['@hanoi247/server', '@hanoi247/cli', '@hanoi247/web', '@hanoi247/testkit', '**/server/**', '**/cli/**'],
    message: 'dependencies point into core, never out of it',
  },
];

export default tseslint.config(
  {
    ignores: [
      'scripts/**',
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'coverage/**',
      'test-results/**',
      'packages/web/public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/require-await': 'off',
      eqeqeq: 'error',
      curly: ['error', 'multi-line'],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'named exports only' }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: coreForbidden }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core reads no environment; inject configuration' },
        { name: 'fetch', message: 'core does no I/O' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'inject a Clock' },
        { object: 'Math', property: 'random', message: 'inject randomness' },
      ],
    },
  },
  {
    // The contract is shared by the server, the browser and the CLI: schemas and a fetch client, nothing else.
    files: ['packages/contract/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fastify', 'fastify-*', '@fastify/*', 'kysely', 'pg'],
              message: 'the contract runs anywhere',
            },
            {
              group: ['@hanoi247/server', '@hanoi247/cli', '@hanoi247/web', '@hanoi247/testkit'],
              message: 'the contract depends on core and zod only',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'the contract reads no environment' }],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    ignores: ['packages/server/src/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'only the CLI reads the process; inject config' }],
    },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'packages/testkit/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // The browser app: DOM globals instead of Node's, and the rules of hooks.
    files: ['packages/web/app/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', { name: 'process', message: 'the browser has no process' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // The web app reaches the node only through the contract (its types and its client) and core.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@hanoi247/server',
                '@hanoi247/cli',
                '@hanoi247/testkit',
                '**/packages/server/**',
                '**/packages/cli/**',
              ],
              message: 'the web app imports only @hanoi247/contract, its client, or @hanoi247/core',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts', 'packages/web/app/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // Examples for providers' integrators are plain JavaScript outside every TypeScript project.
  { files: ['docs/examples/**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
