import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources, so tests never need a prior build.
// No 'import' here: vitest passes these to the worker as --conditions, and with 'import' Node's
// require('pg-pool') (inside pg) would load pg-pool's ESM build and hand pg a namespace object.
const conditions = ['@quarry/source', 'node', 'default'];
const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    conditions,
    // graphql 16 ships CJS (main) and ESM (module) builds without an exports map. Node always loads
    // the CJS one; Vite would hand our sources the ESM one, and two graphql realms cannot share a
    // schema ("Cannot use GraphQLSchema from another module or realm"). Pin tests to what Node runs.
    alias: { graphql: require.resolve('graphql') },
  },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    // Tests that build AWS SDK clients themselves (as an app using the SDK beside Quarry would)
    // get the SDK's Node 22 notice; Quarry's own clients turn off exactly that warning and no other.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // This box runs at load 4+ with other suites beside this one: a test waits on events, and the
    // timeout only catches a hang, so it is generous.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
