import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // npm install from the registry and two Node processes on a loaded 2-core box: the timeout
    // only catches a hang.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
