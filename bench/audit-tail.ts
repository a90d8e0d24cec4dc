import type { Store } from '../store/open-store.ts';
import { readOrderEvents, START } from '../store/order-events.ts';

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
  let cursor = START;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      // In commit order, as the live events read it, so no entry is passed on PostgreSQL either.
      const events = await readOrderEvents(store.em.fork(), cursor, 5_000);
      if (events.length > 0) cursor = events.at(-1)!.position;
      for (const { event } of events) {
        if (!toStates.includes(event.state)) continue;
        const entry: TailedEntry = { seq: event.seq, subjectId: event.orderId, toState: event.state, at: Date.parse(event.at) };
        seen.push(entry);
        for (const waiter of waiting) {
          if (!waiter.match(entry)) continue;
          waiting.delete(waiter);
          waiter.resolve(entry);
        }
      }
      if (events.length < 5_000) await new Promise((r) => setTimeout(r, intervalMs));
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
