import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources (the emulator runs in the test process).
const conditions = ['@quarry/source', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    // Tests that build AWS SDK clients themselves (as an app using the SDK beside Quarry would)
    // get the SDK's Node 22 notice; Quarry's own clients turn off exactly that warning and no other.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    include: ['test/**/*.test.ts'],
    // A real Chromium and a real gateway process on a shared, loaded machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser, one gateway: the files share the machine, not each other's state.
    fileParallelism: false,
  },
});
