import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import type { Store } from '../store/open-store.ts';

/**
 * The baseline of `npm run bench -- live-events`: the event stream as it was before one reader per
 * process, every browser polling the audit log on its own every `pollMs`.
 */
export function pollingEventsApp(store: Store, pollMs = 500) {
  const app = new Hono();
  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const [last] = await store.em.fork().find(AuditEntryRecord, {}, { orderBy: { seq: 'desc' }, limit: 1, fields: ['seq'] });
      let cursor = last?.seq ?? 0;
      let aborted = false;
      stream.onAbort(() => {
        aborted = true;
      });
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ seq: cursor }) });
      while (!aborted) {
        const entries = await store.em.fork().find(AuditEntryRecord, { seq: { $gt: cursor }, subjectType: 'order', toState: { $ne: null } }, { orderBy: { seq: 'asc' }, limit: 200 });
        for (const entry of entries) {
          const event = { seq: entry.seq, orderId: entry.subjectId, state: entry.toState, at: entry.at.toISOString() };
          await stream.writeSSE({ event: 'order', id: String(entry.seq), data: JSON.stringify(event) });
          cursor = entry.seq;
        }
        if (entries.length === 0) await stream.sleep(pollMs);
      }
    }),
  );
  return app;
}
