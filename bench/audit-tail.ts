import { sql } from 'kysely';
import type { Store } from '../store/open-store.ts';
import { sqlOn } from '../store/sql.ts';

/** What a benchmark learns from an audit entry. */
export interface TailedEntry {
  seq: number;
  subjectId: string;
  toState: string;
  /** When it was recorded, in epoch milliseconds. */
  at: number;
}

/**
 * Tails the audit log, as the live event stream does, keeping the entries that move an order into one of
 * `toStates`; a benchmark waits on them to learn what the workflows did.
 */
export function tailAudit(store: Store, toStates: readonly string[], intervalMs: number) {
  const seen: TailedEntry[] = [];
  const waiting = new Set<{ match: (entry: TailedEntry) => boolean; resolve: (entry: TailedEntry) => void }>();
  let cursor = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      // Plain SQL: the benchmark's own polling should cost the process it measures as little as it can.
      const { rows: entries } = await sql<TailedEntry>`select seq, subject_id as "subjectId", to_state as "toState", at from audit_log
        where seq > ${cursor} and to_state in (${sql.join(toStates)}) order by seq`.execute(sqlOn(store.em.fork()));
      for (const entry of entries) {
        cursor = entry.seq;
        seen.push(entry);
        for (const waiter of waiting) {
          if (!waiter.match(entry)) continue;
          waiting.delete(waiter);
          waiter.resolve(entry);
        }
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    /** The first entry so far, or to come, that matches; refused after `timeoutMs` so a stuck run ends with a reason. */
    next(match: (entry: TailedEntry) => boolean, timeoutMs = 120_000): Promise<TailedEntry> {
      const found = seen.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(waiter);
          reject(new Error(`No matching audit entry within ${timeoutMs / 1000} s.`));
        }, timeoutMs);
        const waiter = {
          match,
          resolve: (entry: TailedEntry) => {
            clearTimeout(timer);
            resolve(entry);
          },
        };
        waiting.add(waiter);
      });
    },
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
