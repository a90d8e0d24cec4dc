import type { Store } from '../store/open-store.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';

/**
 * Tails the audit log, as the live event stream does, keeping the entries that move an order into one of
 * `toStates`; a benchmark waits on them to learn what the workflows did.
 */
export function tailAudit(store: Store, toStates: readonly string[], intervalMs: number) {
  const seen: AuditEntryRecord[] = [];
  const waiting = new Set<{ match: (entry: AuditEntryRecord) => boolean; resolve: (entry: AuditEntryRecord) => void }>();
  let cursor = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const entries = await store.em.fork().find(AuditEntryRecord, { seq: { $gt: cursor }, toState: { $in: [...toStates] } }, { orderBy: { seq: 'asc' } });
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
    next(match: (entry: AuditEntryRecord) => boolean, timeoutMs = 120_000): Promise<AuditEntryRecord> {
      const found = seen.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(waiter);
          reject(new Error(`No matching audit entry within ${timeoutMs / 1000} s.`));
        }, timeoutMs);
        const waiter = {
          match,
          resolve: (entry: AuditEntryRecord) => {
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
