import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursFromNow } from '../../test/clock.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/** The default intake rules on the real worker: an account on file is judged by its own credit, not the order's claims. */
describe('intake reads the account on file', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ worker: true, wipLimit: 100 });
    for (const [code, creditLimit] of [['TIGHT', 100], ['ROOMY', 10_000]] as const) {
      await h.request('/accounts', { method: 'POST', role: 'admin', body: JSON.stringify({ code, name: code }) });
      await h.request(`/accounts/${code}/credit`, { method: 'PUT', role: 'finance', body: JSON.stringify({ paymentTerms: 'net_30', creditLimit }) });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  const take = async (account: string, price: number, checks: Record<string, number>) => {
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ account, dueAt: hoursFromNow(4), workAreaId: h.workAreaId, paymentMode: 'credit_terms', checks, lines: [{ sku: 'A', qty: 1, price }] }),
    });
    return ((await res.json()) as { id: string }).id;
  };

  it.each([
    { name: 'over its limit on file, whatever the order claims: credit hold', account: 'TIGHT', price: 150, checks: { creditBalance: 0, creditLimit: 1_000_000 }, state: 'on_hold' },
    { name: 'within its limit on file, whatever the order claims: accepted', account: 'ROOMY', price: 40, checks: { creditBalance: 5_000, creditLimit: 10 }, state: 'queued' },
    { name: 'not on file: the order\'s claims decide', account: 'UNKNOWN', price: 40, checks: { creditBalance: 5_000, creditLimit: 10 }, state: 'on_hold' },
  ] as const)('$name', async ({ account, price, checks, state }) => {
    const id = await take(account, price, checks);
    const order = await h.reach(id, state);
    const intake = order.decisions?.find((d) => d.decisionPoint === 'intake');
    if (account !== 'UNKNOWN') expect(intake?.facts).toMatchObject({ creditExposure: price, creditAvailable: (account === 'TIGHT' ? 100 : 10_000) - price, paymentTerms: 'net_30', majorAccount: false });
    else expect(intake?.facts).not.toHaveProperty('creditExposure');
  });
});
