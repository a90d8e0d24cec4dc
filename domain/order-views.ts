import type { OrderKind } from './order.ts';

/** A ready-made view of the orders table: a name people know and the filters it stands for. */
export interface OrderView {
  id: string;
  name: string;
  /** GET /orders parameters, as the view's link carries them. */
  filters: { kind: readonly OrderKind[] };
}

/** A queue per order kind, and pickup & delivery on its own: each a filter on kind, newest first as the table is. */
export const ORDER_VIEWS: readonly OrderView[] = [
  { id: 'on-demand', name: 'On-demand', filters: { kind: ['on_demand'] } },
  { id: 'pickup', name: 'Pickup', filters: { kind: ['pickup'] } },
  { id: 'delivery', name: 'Delivery', filters: { kind: ['delivery'] } },
  { id: 'pickup-delivery', name: 'Pickup & delivery', filters: { kind: ['pickup_delivery'] } },
  { id: 'production', name: 'Production', filters: { kind: ['production'] } },
  { id: 'pick', name: 'Pick', filters: { kind: ['pick'] } },
];
