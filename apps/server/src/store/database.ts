import type { BatchJobTables } from './tables/batch-job-tables.js';
import type { ConversationTables } from './tables/conversation-tables.js';
import type { GovernanceTables } from './tables/governance-tables.js';

/**
 * Every table of the gateway's store, for Kysely's types. A feature declares its tables as an
 * interface in tables/<feature>-tables.ts and adds it here (`& KeyTables`), next to a migration file.
 */
export type Database = ConversationTables & GovernanceTables & BatchJobTables;
