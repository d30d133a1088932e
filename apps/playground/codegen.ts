import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the gateway's SDL (SPEC: frontends use typed documents generated like the
// resolvers). `string` mode keeps graphql-js out of the bundle: documents stay plain strings.
// `pnpm --filter @quarry/playground codegen` rewrites the folder; a test fails when it is stale.
const config: CodegenConfig = {
  schema: ['../server/src/schema/schema.graphql', '../server/src/schema/governance.graphql'],
  documents: ['src/**/*.ts', 'src/**/*.tsx', '!src/__generated__/**'],
  generates: {
    'src/__generated__/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { JSON: 'unknown', ID: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
