import { defineConfig } from 'vitest/config';

/**
 * Tests run the TypeScript sources (the "source" export condition), so a change is tested
 * without a rebuild; the e2e tier runs the built CLI as a user would.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    projects: [
      // Property tests run hundreds of cases; on a loaded 2-core machine they need more than the 5 s default.
      { extends: true, test: { name: 'core', include: ['packages/core/src/**/*.test.ts'], testTimeout: 60_000 } },
      { extends: true, test: { name: 'server', include: ['packages/server/src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      { extends: true, test: { name: 'cli', include: ['packages/cli/src/**/*.test.ts'], testTimeout: 60_000 } },
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 60_000 } },
    ],
  },
});
