import type { OrderKind } from '../../domain/order.ts';
import { deliveryKindMachine, pickupDeliveryMachine } from './delivery.machine.ts';
import { fulfilmentMachine } from './fulfilment.machine.ts';

/** One machine type for every kind: they share `orderCore`'s context, events, actions and guards. */
export type OrderMachine = typeof fulfilmentMachine;

const asOrderMachine = (machine: unknown) => machine as OrderMachine;

const MACHINES: Record<OrderKind, OrderMachine> = {
  production: fulfilmentMachine,
  pick: fulfilmentMachine,
  on_demand: asOrderMachine(deliveryKindMachine),
  pickup: asOrderMachine(deliveryKindMachine),
  delivery: asOrderMachine(deliveryKindMachine),
  pickup_delivery: asOrderMachine(pickupDeliveryMachine),
};

export const machineFor = (kind: OrderKind): OrderMachine => MACHINES[kind];
