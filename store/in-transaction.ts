import type { EntityManager } from '@mikro-orm/sql';

const ATTEMPTS = 8;
// SQLITE_BUSY_SNAPSHOT: the transaction read a snapshot another connection has since written over; plain
// SQLITE_BUSY: it tried to write while another connection did (in WAL mode SQLite does not wait then, as
// waiting could not help a reader that must write).
const isStaleSnapshot = (err: unknown) => [5, 517].includes((err as { errcode?: number } | null)?.errcode ?? 0);

/**
 * Runs `work` in a transaction, running it again when SQLite refuses to let a transaction write because
 * another process wrote since it began reading. With several worker processes on one file that
 * happens all the time and is harmless: the second attempt reads the new state. Handling it here, after a
 * few milliseconds, keeps it out of Temporal's retries (a second or more each) and out of the logs.
 */
export async function inTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.fork().transactional(work);
    } catch (err) {
      if (!isStaleSnapshot(err) || attempt === ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}
