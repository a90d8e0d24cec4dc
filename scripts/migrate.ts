import { migrate } from '../store/migrate.ts';
import { connectStore } from '../store/open-store.ts';
import { describeStore, storeConfigFromEnv } from '../store/store-config.ts';

/** `./sluice migrate`: applies the store's pending migrations (one process at a time) and says which. */
const config = storeConfigFromEnv();
const store = await connectStore(config);
const applied = await migrate(store);
await store.close();
console.log(applied.length === 0 ? `${describeStore(config)} is up to date.` : `Applied to ${describeStore(config)}:\n${applied.map((name) => `  ${name}`).join('\n')}`);
