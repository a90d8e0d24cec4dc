import type { EntityManager } from '@mikro-orm/sql';
import { isWriteConflict } from './dialect.ts';

const ATTEMPTS = 8;

/**
 * Runs `work` in a transaction, running it again when the database refuses to let a transaction write
 * because another process wrote since it began reading (or the two deadlocked). With several worker processes on one file that
 * happens all the time and is harmless: the second attempt reads the new state. Handling it here, after a
 * few milliseconds, keeps it out of Temporal's retries (a second or more each) and out of the logs.
 */
export async function inTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.fork().transactional(work);
    } catch (err) {
      if (!isWriteConflict(err) || attempt === ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}
