import type { GeoPoint } from '../geo.ts';
import type { OrderState } from '../lifecycle.ts';
import type { OrderKind } from '../order.ts';
import type { StopKind } from '../trips/trip.ts';

/** An order as trip planning reads it. */
export interface PlanningOrder {
  id: string;
  /** The capturing system's reference, as dispatchers know the order; null when it was taken without one. */
  reference: string | null;
  kind: OrderKind;
  state: OrderState;
  assignee: string | null;
  dueAt: Date;
  warehouse: string | null;
  pickupLocation: GeoPoint | null;
  dropoffLocation: GeoPoint | null;
}

/** A stop still to do on one of the driver's live trips; `at` is null for an order without the location. */
export interface StopAhead {
  orderId: string;
  kind: StopKind;
  at: GeoPoint | null;
}

/**
 * A driver as trip planning reads it: how many orders the vehicle holds, when the shift ends, and the stops
 * of their live trips still to do, in the order they will be done (a new trip comes after them).
 */
export interface PlanningDriver {
  id: string;
  name: string;
  capacity: number;
  shiftEnd: Date;
  ahead: readonly StopAhead[];
}
