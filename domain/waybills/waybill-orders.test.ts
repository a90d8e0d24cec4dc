import { describe, expect, it } from 'vitest';
import { waybillEditRefusal, waybillOrderRefusal, type WaybillCandidate } from './waybill-orders.ts';

const lane = { origin: 'W1', destination: 'north', carrierType: 'internal' as const };
const order = (o: Partial<WaybillCandidate> = {}): WaybillCandidate => ({ id: 'o-1', kind: 'delivery', state: 'assigned', warehouse: 'W1', zone: 'north', carrierType: null, ...o });

describe('which orders go on a waybill', () => {
  it.each([
    { name: 'a delivery on the lane', order: {}, refused: null },
    { name: 'one that must go internal', order: { carrierType: 'internal' }, refused: null },
    { name: 'a released pickup & delivery', order: { kind: 'pickup_delivery', state: 'released' }, refused: null },
    { name: 'one collected and at the hub', order: { state: 'staged' }, refused: null },
    { name: 'a pick order', order: { kind: 'pick' }, refused: /is a pick order: waybills carry deliveries/ },
    { name: 'an order already in transit', order: { state: 'in_transit' }, refused: /is in transit: only orders whose goods have not left/ },
    { name: 'a delivered order', order: { state: 'delivered' }, refused: /is delivered/ },
    { name: 'another origin', order: { warehouse: 'W2' }, refused: /leaves from W2, not W1/ },
    { name: 'no warehouse', order: { warehouse: null }, refused: /leaves from no warehouse/ },
    { name: 'another destination', order: { zone: 'south' }, refused: /goes to south, not north/ },
    { name: 'another carrier', order: { carrierType: 'external' }, refused: /must go with an external carrier, and this waybill is internal/ },
  ] as const)('$name → $refused', ({ order: o, refused }) => {
    const got = waybillOrderRefusal(order(o as Partial<WaybillCandidate>), lane);
    if (refused === null) expect(got).toBeNull();
    else expect(got).toMatch(refused);
  });

  it.each([
    { state: 'open', refused: null },
    { state: 'sealed', refused: 'The waybill is sealed: its orders are locked. Open a new waybill for other orders.' },
  ] as const)('a $state waybill: changing its orders → $refused', ({ state, refused }) => {
    expect(waybillEditRefusal(state)).toBe(refused);
  });
});
