import { describe, expect, it } from 'vitest';
import { orderName } from './order-name.ts';

describe('orderName', () => {
  it.each([
    { order: { id: '3f2b9c1e-8d4a-4c55-a0a1-1b2c3d4e5f60', reference: 'PO-1042' }, name: 'PO-1042' },
    { order: { id: '3f2b9c1e-8d4a-4c55-a0a1-1b2c3d4e5f60', reference: 'PO-1042/2' }, name: 'PO-1042/2' },
    { order: { id: '3f2b9c1e-8d4a-4c55-a0a1-1b2c3d4e5f60', reference: null }, name: '#3f2b9c1e' },
  ])('calls $order.reference $name', ({ order, name }) => {
    expect(orderName(order)).toBe(name);
  });
});
