import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The playground's build output, found through the workspace dependency on `@quarry/playground`
 * (so it works from `src/` under tsx and from `dist/` alike); undefined when the package is absent.
 */
export function playgroundDirectory(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve('@quarry/playground/package.json');
    return join(dirname(manifest), 'dist');
  } catch {
    return undefined;
  }
}
