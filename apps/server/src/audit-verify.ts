// `pnpm audit:verify`: checks the audit log's hash chain in the store DATABASE_URL names.
// Exit 0: intact. Exit 1: a row was edited, removed or reordered (the first broken row is named).
// Exit 2: the store could not be opened.
import { pino } from 'pino';
import { ConfigError, loadDatabaseLocation } from './config.js';
import { verifyChain } from './governance/audit-chain.js';
import { allAuditRows, readAuditHead } from './governance/store-audit-trail.js';
import { openStore } from './store/open-store.js';
import { StoreStartupError } from './store/store-errors.js';

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' });
  let store;
  try {
    store = await openStore({ location: loadDatabaseLocation(process.env), logger });
  } catch (error) {
    if (!(error instanceof ConfigError) && !(error instanceof StoreStartupError)) throw error;
    console.error(`audit:verify cannot open the store. ${error.message}`);
    process.exitCode = 2;
    return;
  }
  try {
    const verdict = await verifyChain(allAuditRows(store.db), await readAuditHead(store.db));
    if (verdict.ok) {
      console.log(
        `audit log intact: ${verdict.entries} entries in ${store.description}, head ${verdict.headHash}`,
      );
      return;
    }
    console.error(
      `audit log BROKEN at row ${verdict.seq} (${verdict.entries} rows read): ${verdict.problem}`,
    );
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
