import type { GeoPoint } from '../geo.ts';
import type { OrderState } from '../lifecycle.ts';
import type { OrderKind } from '../order.ts';

/** An order as trip planning reads it. */
export interface PlanningOrder {
  id: string;
  kind: OrderKind;
  state: OrderState;
  assignee: string | null;
  dueAt: Date;
  warehouse: string | null;
  pickupLocation: GeoPoint | null;
  dropoffLocation: GeoPoint | null;
}

/** A driver as trip planning reads it: how many orders the vehicle holds, and when the shift ends. */
export interface PlanningDriver {
  id: string;
  name: string;
  capacity: number;
  shiftEnd: Date;
}
