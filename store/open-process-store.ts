import { log } from '../logging/logger.ts';
import { MigrationsPendingError } from './migrate.ts';
import { openStore, type Store } from './open-store.ts';
import { storeConfigFromEnv } from './store-config.ts';

/**
 * The store of a long-running process (the API, a worker). It migrates only when told to
 * (`SLUICE_MIGRATE=1`), since several of them start at once; on a store behind the code it exits
 * non-zero with what to run, so a supervisor sees it fail rather than serve on an old schema.
 */
export async function openProcessStore(processName: string): Promise<Store> {
  try {
    return await openStore(storeConfigFromEnv(), { migrate: process.env.SLUICE_MIGRATE === '1' });
  } catch (err) {
    if (!(err instanceof MigrationsPendingError)) throw err;
    log.fatal(`the ${processName} cannot start: ${err.message}`);
    process.exit(1);
  }
}
