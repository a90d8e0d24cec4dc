import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { OrderEvent } from '../../domain/order-event.ts';
import type { OrderState } from '../../domain/order.ts';
import { AuditEntryRecord } from '../../store/audit-entry.entity.ts';
import type { ApiDeps } from '../api-deps.ts';
import { defineRoute } from '../registry/route.ts';
import { STANDARD_ERRORS } from '../schemas.ts';

const HEARTBEAT_MS = 15_000;

export function eventRoutes(deps: ApiDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/events',
      operationId: 'streamOrderEvents',
      summary: 'Follow order transitions live',
      tag: 'Orders',
      access: 'orders.read',
      responses: { 200: { description: 'Server-sent events: `event: order`, `id: <seq>`, data is an OrderEvent.', contentType: 'text/event-stream' }, ...STANDARD_ERRORS },
      handler: (c) => streamOrderEvents(c, deps),
    }),
  ];
}

/**
 * Live order transitions as server-sent events. The stream tails the audit log, so it sees transitions
 * made by any worker process; `Last-Event-ID` resumes after a reconnect without losing events.
 */
function streamOrderEvents(c: Context, deps: ApiDeps) {
  const pollMs = deps.eventPollMs ?? 500;
  const em = () => deps.store.em.fork();
  return streamSSE(c, async (stream) => {
    const resumeFrom = Number(c.req.header('Last-Event-ID'));
    let cursor = Number.isFinite(resumeFrom) && resumeFrom >= 0 ? resumeFrom : await latestSeq(deps);
    let aborted = false;
    stream.onAbort(() => {
      aborted = true;
    });
    await stream.writeSSE({ event: 'ready', data: JSON.stringify({ seq: cursor }) });
    let lastWrite = Date.now();
    while (!aborted) {
      const entries = await em().find(
        AuditEntryRecord,
        { seq: { $gt: cursor }, subjectType: 'order', toState: { $ne: null } },
        { orderBy: { seq: 'asc' }, limit: 200 },
      );
      for (const entry of entries) {
        const event: OrderEvent = { seq: entry.seq, orderId: entry.subjectId, state: entry.toState as OrderState, at: entry.at.toISOString() };
        await stream.writeSSE({ event: 'order', id: String(entry.seq), data: JSON.stringify(event) });
        cursor = entry.seq;
        lastWrite = Date.now();
      }
      if (entries.length > 0) continue;
      // A comment line now and then keeps proxies from closing an idle stream.
      if (Date.now() - lastWrite > HEARTBEAT_MS) {
        await stream.write(': keep-alive\n\n');
        lastWrite = Date.now();
      }
      await stream.sleep(pollMs);
    }
  });
}

async function latestSeq(deps: ApiDeps): Promise<number> {
  const [last] = await deps.store.em.fork().find(AuditEntryRecord, {}, { orderBy: { seq: 'desc' }, limit: 1, fields: ['seq'] });
  return last?.seq ?? 0;
}
