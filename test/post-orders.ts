import type { OrderSummary } from '../domain/order.ts';
import type { Harness } from './sluice-harness.ts';

/** Takes `count` orders through the API, fifty at a time, and answers their ids in order. */
export async function postOrders(h: Harness, count: number, bodyOf: (i: number) => object): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 50) {
    const batch = Array.from({ length: Math.min(50, count - start) }, (_, k) => bodyOf(start + k));
    ids.push(...(await Promise.all(batch.map(async (body) => ((await (await h.request('/orders', { method: 'POST', body: JSON.stringify(body) })).json()) as OrderSummary).id))));
  }
  return ids;
}
