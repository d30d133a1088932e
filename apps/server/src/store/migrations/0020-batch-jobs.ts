import type { Kysely } from 'kysely';

/** Batch jobs and their owners, so a restarted gateway still knows whose job is whose. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('batch_jobs')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('owner', 'text', (column) => column.notNull())
    .addColumn('model_id', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('batch_jobs_owner_created')
    .on('batch_jobs')
    .columns(['owner', 'created_at'])
    .execute();
}
