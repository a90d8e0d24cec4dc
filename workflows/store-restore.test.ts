import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { relayAnnouncements } from '../api/announcement-relay.ts';
import { storeRestoredWorkflowId } from '../api/store-restored.ts';
import type { OrderState } from '../domain/order.ts';
import { backupStore, restoreStore } from '../store/backup/backup-store.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { pendingAnnouncements } from '../store/outbox.ts';
import type { StoreConfig } from '../store/store-config.ts';
import { ENDED_STATES } from '../store/reconcile-order.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';
import { orderStateQuery, orderWorkflowId } from './definitions.ts';
import type { storeRestoredWorkflow } from './store-restored.workflow.ts';

/**
 * Integration: the store is restored to a backup taken mid-flight, while Temporal kept every workflow
 * running past it. Sluice started again brings each open order forward to its workflow, ends the
 * workflows of orders the backup does not have, and its orders then finish as usual.
 */
describe('restoring the store while the workflows ran on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-restore-'));
  const running: Harness[] = [];
  afterAll(async () => {
    for (const h of running) await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const act = (h: Harness, id: string, action: string) => h.request(`/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action }) });
  const states = async (h: Harness) => new Map((await h.store.em.fork().findAll(OrderRecord)).map((o) => [o.id, o.state]));
  const withState = (all: Map<string, OrderState>, state: OrderState) => [...all].filter(([, s]) => s === state).map(([id]) => id);
  const workflowState = (h: Harness, id: string) => h.client.workflow.getHandle(orderWorkflowId(id)).query(orderStateQuery);

  it('brings back every order, agrees with the running workflows, and finishes the orders', async () => {
    const before = await createHarness({ worker: true, wipLimit: 2 });
    running.push(before);
    const taken = [];
    for (let i = 0; i < 5; i++) taken.push(await before.postOrder(`RESTORE-${i}`, 4 + i));
    const settled = await eventually(async () => ((all) => (withState(all, 'assigned').length === 2 && withState(all, 'queued').length === 3 ? all : undefined))(await states(before)), 'two orders assigned, three queued');
    const [first, second] = withState(settled, 'assigned');
    expect((await act(before, first!, 'start')).status).toBe(200);

    // Taken while the API and the worker are at work.
    const backup = join(dir, 'mid-flight.backup');
    const [started] = await Promise.all([act(before, second!, 'start'), backupStore(before.storeConfig, backup)]);
    expect(started.status).toBe(200);

    // After the backup: one order finishes, which releases a waiting one, and a new order is taken.
    expect((await act(before, first!, 'complete')).status).toBe(200);
    await before.reach(first!, 'closed');
    const late = await before.postOrder('RESTORE-LATE', 12);
    await before.reach(late.id, 'queued');
    await eventually(async () => (withState(await states(before), 'assigned').length === 1 ? true : undefined), 'a waiting order released into the freed slot');
    await before.close();
    running.pop();

    // In the stopped store's place on PostgreSQL; SQLite's harness took its file with it.
    const storeConfig: StoreConfig = before.storeConfig.kind === 'postgres' ? before.storeConfig : { kind: 'sqlite', file: join(dir, 'sluice.sqlite') };
    await restoreStore(storeConfig, backup);
    const after = await createHarness({ worker: true, reopen: { storeConfig, taskQueue: before.taskQueue } });
    running.push(after);
    const restored = await states(after);
    expect([...restored.keys()].sort()).toEqual(taken.map((o) => o.id).sort());
    // The store is behind: the order finished after the backup is still at work in it.
    expect(restored.get(first!)).not.toBe('closed');
    expect(await workflowState(after, first!)).toBe('closed');

    const [announced] = await pendingAnnouncements(after.store.em.fork(), 10);
    expect(await relayAnnouncements({ store: after.store, temporal: after.client, taskQueue: after.taskQueue })).toBe(1);
    const result = await after.client.workflow.getHandle<typeof storeRestoredWorkflow>(storeRestoredWorkflowId(announced!.id)).result();
    expect(result).toMatchObject({ withoutWorkflow: [], notRestored: [late.id] });
    expect(result.reconciled).toBeGreaterThanOrEqual(2);
    expect((await after.client.workflow.getHandle(orderWorkflowId(late.id)).describe()).status.name).toBe('TERMINATED');

    // Every open order of the store is where its workflow is (they may still move: compared until they agree).
    await eventually(async () => {
      const all = await states(after);
      for (const [id, state] of all) if (!ENDED_STATES.includes(state) && (await workflowState(after, id)) !== state) return undefined;
      return all;
    }, 'every open order in its workflow state');
    const first_ = await after.getOrder(first!);
    expect(first_.state).toBe('closed');
    expect(first_.timeline.at(-1)).toMatchObject({ event: 'RECONCILED', actor: 'system' });

    // The orders then finish as usual: people start and complete what is assigned, the area releases the rest.
    await eventually(
      async () => {
        const all = await states(after);
        for (const id of withState(all, 'in_progress')) await act(after, id, 'complete');
        for (const id of withState(all, 'assigned')) await act(after, id, 'start');
        return [...all.values()].every((s) => s === 'closed') ? true : undefined;
      },
      'every order closed',
      60_000,
    );
  });
});
