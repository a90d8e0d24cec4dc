import { describe, expect, it } from 'vitest';
import { newOrder } from './order.ts';

const base = { account: 'ACME', dueAt: new Date(Date.now() + 3_600_000).toISOString(), lines: [{ sku: 'A', qty: 1, price: 5 }] };

describe('a new order: carrier type and COD amount', () => {
  it.each([
    { what: 'neither', extra: {}, error: null },
    { what: 'a carrier type', extra: { carrierType: 'prime' }, error: null },
    { what: 'a COD amount on a COD order', extra: { paymentMode: 'cod', codAmount: 125.5 }, error: null },
    { what: 'a COD amount of 0 (all paid ahead)', extra: { paymentMode: 'cod', codAmount: 0 }, error: null },
    { what: 'cents', extra: { paymentMode: 'cod', codAmount: 0.29 }, error: null },
    { what: 'the largest amount, to the cent', extra: { paymentMode: 'cod', codAmount: 999_999_999_999.99 }, error: null },
    { what: 'an unknown carrier type', extra: { carrierType: 'pigeon' }, error: /internal.*prime.*external.*hybrid/ },
    { what: 'a COD amount on a prepaid order', extra: { codAmount: 10 }, error: /only for cash-on-delivery orders: set the payment mode to COD/ },
    { what: 'a COD amount on a credit-terms order', extra: { paymentMode: 'credit_terms', codAmount: 10 }, error: /only for cash-on-delivery orders/ },
    { what: 'a negative COD amount', extra: { paymentMode: 'cod', codAmount: -1 }, error: /cannot be negative/ },
    { what: 'a COD amount above the limit', extra: { paymentMode: 'cod', codAmount: 1e13 }, error: /at most 1,000,000,000,000/ },
    { what: 'fractions of a cent', extra: { paymentMode: 'cod', codAmount: 10.005 }, error: /at most two decimals/ },
    { what: 'a COD amount as text', extra: { paymentMode: 'cod', codAmount: '10' }, error: /must be a number/ },
  ])('$what', ({ extra, error }) => {
    const parsed = newOrder.safeParse({ ...base, ...extra });
    if (error === null) {
      expect(parsed.error?.issues).toBeUndefined();
      expect(parsed.data).toMatchObject(extra);
    } else {
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((i) => i.message).join('; ')).toMatch(error);
    }
  });

  it('names the field a person fixes', () => {
    expect(newOrder.safeParse({ ...base, codAmount: 10 }).error!.issues.map((i) => i.path.join('.'))).toEqual(['codAmount']);
  });
});
