import { describe, expect, it } from 'vitest';
import { remitFacts } from './return-remit-facts.ts';

const now = new Date();
const order = (paymentMode: string, codAmount: number | null) => ({
  kind: 'delivery',
  statedPriority: 'normal' as const,
  dueAt: new Date(now.getTime() + 3_600_000),
  createdAt: now,
  accountTier: null,
  paymentMode,
  codAmount,
  lines: [{ qty: 2, price: 40 }],
});

describe('remit facts: the cash expected', () => {
  it.each([
    { what: 'a COD order with a COD amount expects that amount', paymentMode: 'cod', codAmount: 75.5, collected: 75.5, expected: 75.5, variance: 0 },
    { what: 'a COD order without one expects its value', paymentMode: 'cod', codAmount: null, collected: 70, expected: 80, variance: -10 },
    { what: 'a COD amount of 0 (all paid ahead) expects nothing', paymentMode: 'cod', codAmount: 0, collected: 0, expected: 0, variance: 0 },
    { what: 'a prepaid order expects nothing', paymentMode: 'prepaid', codAmount: null, collected: 0, expected: 0, variance: 0 },
  ])('$what', ({ paymentMode, codAmount, collected, expected, variance }) => {
    expect(remitFacts(order(paymentMode, codAmount), collected, null, now)).toEqual({ paymentMode, amountExpected: expected, amountCollected: collected, variance });
  });
});
