import type { OrderActionName } from '../../../domain/order.ts';
import { clause, finish } from './sentences.ts';

/** Actions that end an order: shown in red, and asked about before they run. */
const DESTRUCTIVE: Partial<Record<OrderActionName, { title: string; consequence: string }>> = {
  cancel: { title: 'Cancel this order?', consequence: 'A cancelled order is finished: it leaves the pool and no one works on it again. This cannot be undone.' },
  reject: { title: 'Reject this order?', consequence: 'A rejected order is finished: it is never released. This cannot be undone.' },
};

export const isDestructive = (action: OrderActionName) => action in DESTRUCTIVE;

/** The confirmation's title and text: what will happen to which order, and the reason that will be recorded. */
export function confirmText(action: OrderActionName, reference: string, reason: string): { title: string; body: string } | null {
  const d = DESTRUCTIVE[action];
  if (!d) return null;
  const why = reason.trim() ? ` The reason recorded: ${finish(`“${clause(reason)}”`)}` : '';
  return { title: d.title, body: `Order ${reference}. ${d.consequence}${why}` };
}
