import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources, so tests never need a prior build.
const conditions = ['@quarry/source', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // This box runs at load 4+ with other suites beside this one: a test waits on events, and the
    // timeout only catches a hang, so it is generous.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
