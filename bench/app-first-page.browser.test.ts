import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderRecord } from '../store/order.entity.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { hoursFromNow } from '../test/clock.ts';
import { ordersPageReady, signedInContext } from './app-first-page.bench.ts';

/** The app-first-page bench's sign-in and page-ready detection, on the built app: no timing asserted. */
describe('the app-first-page bench', () => {
  let s: DesignerSession;
  beforeAll(async () => {
    s = await openDesigner();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('signs in without the form and tells the empty Orders view from one showing its first row', async () => {
    const context = await signedInContext(s.browser, s.url);
    try {
      const page = await context.newPage();
      await page.goto(`${s.url}/?view=orders&desk=all`);
      expect(await ordersPageReady(page)).toBe('empty');

      const em = s.h.store.em.fork();
      em.create(OrderRecord, { id: 'first-page', account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: new Date(hoursFromNow(4)), workAreaId: s.h.workAreaId, lines: [{ sku: 'A-1', qty: 1, price: 1 }], state: 'queued' });
      await em.flush();
      await page.goto(`${s.url}/?view=orders&desk=all`);
      expect(await ordersPageReady(page)).toBe('rows');
    } finally {
      await context.close();
    }
  });
});
