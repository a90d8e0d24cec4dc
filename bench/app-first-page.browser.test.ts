import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderRecord } from '../store/order.entity.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { hoursFromNow } from '../test/clock.ts';
import { FIRST_PAINT_ROWS } from '../designer/src/orders/table/first-paint-rows.ts';
import { ordersPageReady, shownAt, signedInContext } from './app-first-page.bench.ts';

/** The app-first-page bench's sign-in, page-ready detection and Chromium's paint report, on the built app: no timing asserted. */
describe('the app-first-page bench', () => {
  let s: DesignerSession;
  beforeAll(async () => {
    s = await openDesigner();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('signs in without the form, tells the empty Orders view from one showing its first row, and reads when each was painted', async () => {
    const context = await signedInContext(s.browser, s.url);
    try {
      const page = await context.newPage();
      await page.goto(`${s.url}/?view=orders&desk=all`);
      const asked = Date.now();
      expect(await ordersPageReady(page)).toBe('empty');
      // Chromium reports the paint of the view's marked element (FIRST_PAGE_TIMING): after the page was asked for, before now.
      const emptyPainted = await shownAt(page);
      expect(emptyPainted).toBeGreaterThan(asked);
      expect(emptyPainted).toBeLessThanOrEqual(Date.now());

      // More than the table paints first: the rest of the page must follow (designer/src/orders/table/first-paint-rows.ts).
      const stored = FIRST_PAINT_ROWS + 15;
      const em = s.h.store.em.fork();
      for (let i = 0; i < stored; i++) {
        em.create(OrderRecord, { id: `first-page-${i}`, account: 'ACME', kind: 'pick', statedPriority: 'normal', dueAt: new Date(hoursFromNow(4 + i)), workAreaId: s.h.workAreaId, lines: [{ sku: 'A-1', qty: 1, price: 1 }], state: 'queued' });
      }
      await em.flush();
      await page.goto(`${s.url}/?view=orders&desk=all`);
      expect(await ordersPageReady(page)).toBe('rows');
      expect(await shownAt(page)).toBeGreaterThan(emptyPainted);
      await expect.poll(() => page.locator('[data-testid^="order-row-"]').count()).toBe(stored);
    } finally {
      await context.close();
    }
  });
});
