import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources (the emulator runs in the test process).
const conditions = ['@quarry/source', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['test/**/*.test.ts'],
    // A real Chromium and a real gateway process on a shared, loaded machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser, one gateway: the files share the machine, not each other's state.
    fileParallelism: false,
  },
});
