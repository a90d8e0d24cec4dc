import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

/**
 * A screen whose code cannot be fetched (the connection dropped, or Sluice was updated under an open page)
 * says so in its place with a way out, and the rest of the app goes on working: before, React unmounted the
 * whole app and left a blank page.
 */
describe('a screen whose code cannot be fetched', () => {
  let session: DesignerSession | undefined;
  beforeAll(async () => {
    session = await openDesigner({ worker: false });
  });
  afterAll(async () => {
    await session?.close();
  });

  const signedIn = async (): Promise<Page> => {
    const { url, browser } = session!;
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    const olivia = DEMO_USERS.find((u) => u.username === 'olivia')!;
    expect((await page.context().request.post(`${url}/auth/login`, { data: { username: olivia.username, password: olivia.password } })).ok()).toBe(true);
    // The Dashboard's own file is refused, as a server that no longer has it would.
    await page.route(/\/assets\/dashboard-view-[^/]*\.js$/, (route) => route.abort('failed'));
    return page;
  };
  const failed = (page: Page) => page.getByTestId('screen-failed');

  it('opened from its tab: the screen says what happened, and the other tabs still work', async () => {
    const page = await signedIn();
    await page.goto(`${session!.url}/?view=orders&desk=all`);
    await page.getByText('No orders yet').waitFor();
    await page.getByTestId('tab-dashboard').click();
    await expect.poll(() => failed(page).textContent()).toContain('The Dashboard screen could not be shown');
    await expect.poll(() => failed(page).textContent()).toContain('Reloading the page fetches it again');
    await expect.poll(() => failed(page).getByRole('button', { name: 'Reload the page' }).isVisible()).toBe(true);
    await checkScreen(page, 'screen-failed-dashboard');

    await page.getByTestId('tab-orders').click();
    await page.getByText('No orders yet').waitFor();
    expect(await failed(page).count()).toBe(0);
    await page.close();
  });

  it('opened by its link as the first screen: the header and the tabs are there around it', async () => {
    const page = await signedIn();
    await page.goto(`${session!.url}/?view=dashboard`);
    await expect.poll(() => failed(page).textContent()).toContain('The Dashboard screen could not be shown');
    await expect.poll(() => page.getByTestId('tab-orders').isVisible()).toBe(true);
    await page.close();
  });
});
