import { generate } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../codegen';

describe('generated typed documents', () => {
  it('match the gateway schema and the documents (run `pnpm --filter @quarry/playground codegen` after editing either)', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const outputs = (await generate({ ...config, silent: true }, false)) as {
        filename: string;
        content: string;
      }[];
      for (const output of outputs) {
        expect(readFileSync(new URL(`../${output.filename}`, import.meta.url), 'utf8')).toBe(output.content);
      }
      expect(outputs.length).toBeGreaterThan(0);
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);
});
