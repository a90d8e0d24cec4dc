import { isDeliveryKind } from '../last-mile.ts';
import type { OrderState } from '../lifecycle.ts';
import type { CarrierType, OrderKind } from '../order.ts';
import type { Lane, WaybillState } from './waybill.ts';

export interface WaybillCandidate {
  id: string;
  kind: OrderKind;
  state: OrderState;
  warehouse: string | null;
  zone: string | null;
  carrierType: CarrierType | null;
}

/** States in which the goods have not left for their destination: waiting, or collected and at the hub. */
const LOADABLE: readonly OrderState[] = ['queued', 'released', 'assigned', 'picked_up', 'staged'];
const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

/** Why an order cannot go on a waybill of `lane`, or null when it can. */
export function waybillOrderRefusal(order: WaybillCandidate, lane: Lane): string | null {
  if (!isDeliveryKind(order.kind)) return `Order ${order.id} is a ${order.kind} order: waybills carry deliveries.`;
  if (!LOADABLE.includes(order.state)) return `Order ${order.id} is ${order.state.replaceAll('_', ' ')}: only orders whose goods have not left go on a waybill.`;
  if (order.warehouse !== lane.origin) return `Order ${order.id} leaves from ${order.warehouse ?? 'no warehouse'}, not ${lane.origin}: it belongs on that origin's waybill.`;
  if (order.zone !== lane.destination) return `Order ${order.id} goes to ${order.zone ?? 'no zone'}, not ${lane.destination}: it belongs on that destination's waybill.`;
  if (order.carrierType !== null && order.carrierType !== lane.carrierType)
    return `Order ${order.id} must go with ${article(order.carrierType)} ${order.carrierType} carrier, and this waybill is ${lane.carrierType}.`;
  return null;
}

/** Why a waybill refuses a change of its orders, or null while it takes them. */
export function waybillEditRefusal(state: WaybillState): string | null {
  return state === 'sealed' ? 'The waybill is sealed: its orders are locked. Open a new waybill for other orders.' : null;
}
