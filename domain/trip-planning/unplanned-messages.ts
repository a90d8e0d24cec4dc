import type { PlanningReason } from './trip-plan.ts';

export interface ReasonContext {
  kind: string;
  warehouse: string;
  orderWarehouse: string | null;
  roadKm: number;
}

/** Why an order is not on a proposed trip, and what the dispatcher can do about it. */
export const PLANNING_MESSAGES: Record<PlanningReason, (c: ReasonContext) => string> = {
  no_location: (c) =>
    `It has no ${c.kind === 'delivery' ? 'drop-off location' : c.kind === 'pickup' ? 'pickup location' : 'pickup and drop-off location'}: add the address's location to the order, then plan again.`,
  out_of_reach: (c) => `It is ${c.roadKm.toFixed(0)} km by road from ${c.warehouse}: no chosen driver's shift is long enough to get there and back.`,
  other_warehouse: (c) => `It leaves from warehouse ${c.orderWarehouse}, not ${c.warehouse}: plan ${c.orderWarehouse}'s trips separately.`,
  no_driver: () => 'There is no driver to plan it on: choose drivers, or mark the zone\'s drivers available and on shift.',
  capacity: () => 'No chosen driver\'s vehicle has room for it (capacity counts orders): add a driver or a larger vehicle.',
  time_window: () => 'No driver can get there before it is due: change its due time, or add a driver who is free sooner.',
  shift_end: () => 'Serving it would bring every driver back after their shift ends: add a driver or extend a shift.',
  pair: () => 'Its pickup and drop-off cannot both go on one trip, pickup first.',
  pin: () => 'Its pinned place on a trip cannot be kept.',
  no_vehicle_left: () => 'A driver could take it alone, but every trip is full around its time: add a driver, or plan it on the next run.',
};
