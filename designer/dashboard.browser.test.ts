import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { writeHistory } from '../test/order-history.ts';
import { simulatedWeek } from '../test/simulated-week.ts';

/** An ops manager opens the dashboard over a simulated week, reads its charts and follows a figure to its orders. */
describe('the dashboard over a simulated week', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    session = await openDesigner();
    ({ url, browser } = session);
    const em = session.h.store.em.fork();
    em.create(WorkAreaRecord, { id: 'week-north', name: 'North picking', kind: 'pick_zone', warehouse: 'Northgate', wipLimit: 8, plannedLeadTimeHours: 1 });
    em.create(WorkAreaRecord, { id: 'week-south', name: 'South picking', kind: 'pick_zone', warehouse: 'Northgate', wipLimit: 5, workloadNormHours: 30 });
    await em.flush();
    // The week ends now, by the test's clock: its last day is today.
    const { orders, cycles } = simulatedWeek([{ id: 'week-north', limit: 8 }, { id: 'week-south', limit: 5, normHours: 30 }], Date.now());
    await writeHistory(session.h.store.em.fork(), orders, cycles);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows every chart with its figures, and a figure’s link opens the orders behind it', async () => {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('olivia');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'olivia')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-dashboard').click();
    await page.getByTestId('dashboard-site').click();
    await page.getByRole('option', { name: 'Northgate' }).click();
    await page.getByTestId('dashboard-zone').getByText('7 days, cut in UTC time at Northgate.').waitFor();
    const charts = ['on-time-release', 'on-time-completion', 'queue-balance', 'wip', 'load', 'pool-age', 'escalations', 'cycle-time', 'cycle-histogram'];
    for (const chart of charts) expect(await page.getByTestId(`chart-${chart}`).locator('svg[role="img"] rect').count(), chart).toBeGreaterThan(0);
    await checkScreen(page, 'dashboard-week', { fullPage: true });

    const release = page.getByTestId('chart-on-time-release');
    await release.getByText('The figures, and the orders behind them').click();
    const row = release.getByTestId('chart-on-time-release-figures').locator('tbody tr').nth(3);
    const late = row.getByRole('link', { name: /late$/ });
    const lateCount = Number((await late.textContent())!.split(' ')[0]);
    await checkScreen(page, 'dashboard-week-figures');
    await late.click();

    const filter = page.getByTestId('moved-filter');
    await filter.getByText(/^Released late, \d{4}-\d{2}-\d{2} at Northgate: /).waitFor();
    await expect.poll(() => page.getByTestId('desk-count').textContent()).toBe(`${lateCount} ${lateCount === 1 ? 'order' : 'orders'}`);
    await checkScreen(page, 'dashboard-week-orders-behind');

    // Back to the dashboard, and by keyboard alone: open a chart's figures, tab to its first link, follow it.
    await page.goBack();
    const completion = page.getByTestId('chart-on-time-completion');
    await completion.locator('summary').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const first = completion.getByTestId('chart-on-time-completion-figures').getByRole('link').first();
    await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
    const completedCount = Number((await first.textContent())!.split(' ')[0]);
    await page.keyboard.press('Enter');
    await filter.getByText(/^Completed, \d{4}-\d{2}-\d{2}: /).waitFor();
    await expect.poll(() => page.getByTestId('desk-count').textContent()).toBe(`${completedCount} ${completedCount === 1 ? 'order' : 'orders'}`);
    await page.close();
  });
});
