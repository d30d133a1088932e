import type { Migration, MigrationProvider } from 'kysely';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `0001-conversations.ts` in the sources, `0001-conversations.js` once built. */
const MIGRATION_FILE = /^(\d{4}-[a-z0-9-]+)\.(?:ts|js)$/;

/**
 * Loads every `NNNN-<name>` module of a folder as a migration keyed by its file name (without
 * extension), so the built and the source tree record the same names. Unlike Kysely's
 * FileMigrationProvider, a module without an `up` export stops startup instead of being skipped.
 */
export function migrationFolder(folder: string): MigrationProvider {
  return {
    async getMigrations() {
      const migrations: Record<string, Migration> = {};
      for (const file of (await readdir(folder)).sort()) {
        const name = MIGRATION_FILE.exec(file)?.[1];
        if (name === undefined) continue;
        const module = (await import(pathToFileURL(join(folder, file)).href)) as Partial<Migration>;
        if (typeof module.up !== 'function') {
          throw new Error(`Migration ${file} exports no up(db) function.`);
        }
        migrations[name] = { up: module.up, ...(module.down !== undefined && { down: module.down }) };
      }
      return migrations;
    },
  };
}
