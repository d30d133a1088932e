import type { Kysely } from 'kysely';

/** Conversations and their turns. Column types are ones SQLite and Postgres both accept. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('owner', 'text', (column) => column.notNull())
    .addColumn('model_id', 'text', (column) => column.notNull())
    .addColumn('system', 'text')
    .addColumn('title', 'text')
    .addColumn('max_tokens', 'integer')
    .addColumn('temperature', 'double precision')
    .addColumn('tools', 'text')
    .addColumn('tool_choice', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  // The listing: one owner's conversations, newest first, paged by (created_at, id).
  await db.schema
    .createIndex('conversations_owner_created')
    .on('conversations')
    .columns(['owner', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) =>
      column.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('content', 'text', (column) => column.notNull())
    .addColumn('tool_calls', 'text')
    .addColumn('tool_results', 'text')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('model_id', 'text')
    .addColumn('input_tokens', 'integer')
    .addColumn('output_tokens', 'integer')
    .addColumn('cost_usd', 'double precision')
    .addColumn('stop_reason', 'text')
    .addColumn('turns_sent', 'integer')
    .addColumn('error_code', 'text')
    .addColumn('writer', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('messages_conversation_position', ['conversation_id', 'position'])
    .execute();
  // Crash recovery looks for turns still marked streaming.
  await db.schema.createIndex('messages_status').on('messages').column('status').execute();
}
