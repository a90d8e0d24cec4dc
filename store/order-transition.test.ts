import { describe, expect, it } from 'vitest';
import { LAST_MILE_STATUSES, nextLastMileStatus, type LastMileStatus } from '../domain/last-mile.ts';
import type { OrderState } from '../domain/lifecycle.ts';
import { ORDER_KINDS, type OrderKind } from '../domain/order.ts';
import { useTempStore } from '../test/temp-store.ts';
import { AuditEntryRecord } from './audit-entry.entity.ts';
import { OrderRecord } from './order.entity.ts';
import { lastMileRank } from './order-sort-ranks.ts';
import { OrderNotInStore, projectTransition, type OrderTransition } from './order-transition.ts';
import { WorkAreaRecord } from './work-area.entity.ts';

const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

/** What a transition's one update makes of the row as it was: it reads the old row in its assignments, not in a statement before. */
describe('projecting a transition onto the order row', () => {
  const store = useTempStore();
  let n = 0;
  const addOrder = async (fields: { kind?: OrderKind; state: OrderState; lastMileStatus?: LastMileStatus | null; inPool?: boolean; queuedAt?: Date | null }) => {
    const em = store().em.fork();
    if (!(await em.findOne(WorkAreaRecord, { id: 'zone-a' }))) em.create(WorkAreaRecord, { id: 'zone-a', name: 'Zone A', kind: 'pick_zone', wipLimit: 5 });
    const id = `o-${++n}`;
    em.create(OrderRecord, { id, reference: `REF-${id}`, account: 'ACME', kind: fields.kind ?? 'pick', statedPriority: 'normal', dueAt: NOW, workAreaId: 'zone-a', lines: [], state: fields.state, lastMileStatus: fields.lastMileStatus ?? null, inPool: fields.inPool ?? false, queuedAt: fields.queuedAt ?? null });
    await em.flush();
    return id;
  };
  const transition = (orderId: string, from: OrderState, to: OrderState, extra: Partial<OrderTransition> = {}): OrderTransition => ({
    key: `k-${orderId}-${to}`, orderId, from, to, event: 'TEST', actor: 'test', reason: null, priorityScore: null, escalation: null, holds: [], assignee: null, data: null, ...extra,
  });
  const project = (t: OrderTransition) => store().em.fork().transactional((tx) => projectTransition(tx, t, NOW));
  const row = (id: string) => store().em.fork().findOneOrFail(OrderRecord, { id });

  // Every kind, every status before (none included), a state with a status of its own and one without (escalated keeps the status before).
  const cases = ORDER_KINDS.flatMap((kind) => [null, ...LAST_MILE_STATUSES].flatMap((before) => (['in_transit', 'escalated', 'closed'] as const).map((to) => ({ kind, before, to }))));
  it(`keeps the last-mile status as nextLastMileStatus says, and its sort rank (${cases.length} cases)`, async () => {
    for (const { kind, before, to } of cases) {
      const id = await addOrder({ kind, state: 'assigned', lastMileStatus: before });
      await project(transition(id, 'assigned', to));
      const after = await row(id);
      const status = nextLastMileStatus(kind, before, to);
      expect({ kind, before, to, after: after.lastMileStatus, rank: after.lastMileRank }).toEqual({ kind, before, to, after: status, rank: lastMileRank(status) });
    }
  });

  it.each([
    { name: 'entering the pool stamps the time it entered', inPool: false, queuedAt: null, to: 'queued', entered: minutesAgo(2), expected: minutesAgo(2) },
    { name: 'entering without a stamp takes the time of the record', inPool: false, queuedAt: null, to: 'queued', entered: null, expected: NOW },
    { name: 'staying in the pool keeps its first time', inPool: true, queuedAt: minutesAgo(30), to: 'queued', entered: minutesAgo(2), expected: minutesAgo(30) },
    { name: 'leaving the pool keeps the time it had', inPool: true, queuedAt: minutesAgo(30), to: 'released', entered: null, expected: minutesAgo(30) },
  ] as const)('$name', async ({ inPool, queuedAt, to, entered, expected }) => {
    const id = await addOrder({ state: inPool ? 'queued' : 'validating', inPool, queuedAt });
    await project(transition(id, inPool ? 'queued' : 'validating', to, { poolEnteredAt: entered?.toISOString() ?? null }));
    const after = await row(id);
    expect(after.queuedAt?.getTime()).toBe(expected.getTime());
    expect(after.inPool).toBe(to === 'queued');
  });

  it('writes nothing for an order the store does not have, not even the audit entry', async () => {
    await expect(project(transition('nobody', 'queued', 'released'))).rejects.toBeInstanceOf(OrderNotInStore);
    expect(await store().em.fork().count(AuditEntryRecord, { subjectId: 'nobody' })).toBe(0);
  });
});
