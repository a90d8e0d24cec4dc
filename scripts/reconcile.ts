import { announceRestore } from '../store/backup/backup-store.ts';
import { openStore } from '../store/open-store.ts';
import { describeStore, storeConfigFromEnv } from '../store/store-config.ts';

/**
 * `./sluice reconcile <recovered-to>`: for a store put back by other means than `./sluice restore` (PostgreSQL's
 * point-in-time recovery, a copied file), has the first worker bring every open order forward to its workflow.
 */
const at = new Date(process.argv[2] ?? '');
if (Number.isNaN(at.getTime())) {
  console.error('usage: ./sluice reconcile <the time the store was recovered to, e.g. 2026-01-31T09:15:00Z>');
  process.exit(2);
}
const config = storeConfigFromEnv();
const store = await openStore(config);
await announceRestore(store, at);
await store.close();
console.log(`${describeStore(config)}: the first worker to run brings every open order forward to its workflow.`);
