import type { OrderSummary } from '../domain/order.ts';
import { eventually, type Harness } from './sluice-harness.ts';

/**
 * An order taken through the API and driven to the end of its lifecycle as the floor would (assigned →
 * started → completed): what a customer return starts from. The harness needs its worker.
 */
export async function completedOrder(h: Harness, order: { reference: string; account: string; warehouse?: string; lines: { sku: string; qty: number; price: number }[] }): Promise<OrderSummary> {
  const res = await h.request('/orders', {
    method: 'POST',
    body: JSON.stringify({ ...order, dueAt: new Date(Date.now() + 24 * 3_600_000).toISOString(), workAreaId: h.workAreaId }),
  });
  if (res.status !== 201) throw new Error(`the order was not taken: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as OrderSummary;
  return eventually(
    async () => {
      const now = await h.getOrder(id);
      const action = now.state === 'assigned' ? 'start' : now.state === 'in_progress' ? 'complete' : null;
      if (action) await (await h.request(`/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action, reason: 'done on the floor' }) })).body?.cancel();
      return now.state === 'completed' || now.state === 'closed' ? now : undefined;
    },
    `order ${id} to complete`,
    60_000,
  );
}
