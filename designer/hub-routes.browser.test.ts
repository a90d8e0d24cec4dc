import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import type { Route } from '../domain/routes/route.ts';
import type { RouteSession } from '../domain/routes/route-session.ts';
import { AccountRecord } from '../store/accounts/account.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { ResourceRecord } from '../store/resource.entity.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { hoursFromNow } from '../test/clock.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

/** A dispatcher creates a route with two stops, opens a session, takes in the order on offer and starts the run. */
describe('routes and route sessions in the app', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  const zone = 'hub-ui-zone';
  const near = 'RT-UI-NEAR';
  const far = 'RT-UI-FAR';

  beforeAll(async () => {
    session = await openDesigner();
    ({ url, browser } = session);
    // Released deliveries as the worker leaves them: this session runs no worker, and offers read only the read model.
    const em = session.h.store.em.fork();
    if (!(await em.findOne(AccountRecord, { code: 'ACME' }))) em.create(AccountRecord, { code: 'ACME', name: 'Acme' });
    em.create(WorkAreaRecord, { id: 'pool-rt', name: 'Route drivers', kind: 'driver_pool', wipLimit: 50 });
    em.create(ResourceRecord, { id: 'ria-ui', workAreaId: 'pool-rt', name: 'Ria', kind: 'driver', zone: null, skills: [], capacity: 10, available: true, carrierType: 'internal' });
    const order = (id: string, dropoffLat: number) =>
      em.create(OrderRecord, { id, reference: id, account: 'ACME', kind: 'delivery', statedPriority: 'normal', dueAt: hoursFromNow(6), workAreaId: 'pool-rt', warehouse: 'W1', zone, lines: [{ sku: 'BOX', qty: 1, price: 4 }], units: 1, orderValue: 4, state: 'released', paymentMode: 'prepaid', dropoffLat, dropoffLng: 4.89 });
    order(near, 52.38);
    order(far, 52.9);
    await em.flush();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('creates a route, opens a session, takes in an offered order and starts the run', async () => {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('dan');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-waybills').click();
    await page.getByTestId('hub-runs-part').getByText('Routes & sessions').click();
    await page.getByTestId('routes-empty').waitFor();
    await checkScreen(page, 'hub-routes-empty');

    await page.getByTestId('route-new').click();
    const form = page.getByRole('dialog', { name: 'New route' });
    await form.getByTestId('route-name').fill('Morning hub run');
    await form.getByTestId('route-zone').fill(zone);
    await form.getByTestId('route-warehouse').fill('W1');
    await form.getByTestId('route-drivers').fill('ria-ui');
    await form.getByTestId('route-drivers').press('Enter');
    await form.getByTestId('route-stop-name-0').fill('Central hub');
    await form.getByTestId('route-stop-point-0').fill('52.37, 4.89');
    await form.getByTestId('route-stop-radius-0').fill('3');
    await form.getByTestId('route-add-stop').click();
    await form.getByTestId('route-stop-name-1').fill('North depot');
    // A point the form cannot read is named before anything is sent.
    await form.getByTestId('route-stop-point-1').fill('north of town');
    await form.getByTestId('route-save').click();
    await form.getByText('Give latitude and longitude in degrees, e.g. 52.37, 4.89').waitFor();
    await checkScreen(page, 'hub-route-form');
    await form.getByTestId('route-stop-point-1').fill('52.45, 4.9');
    await form.getByTestId('route-stop-radius-1').fill('2');
    await form.getByTestId('route-save').click();
    await form.waitFor({ state: 'detached' });

    const panel = page.getByTestId('route-panel');
    await panel.getByTestId('route-stops').getByText('North depot').waitFor();
    await page.getByTestId('routes-table').getByRole('row', { name: /Morning hub run/ }).getByText('ria-ui').waitFor();
    await panel.getByTestId('sessions-empty').waitFor();

    // Someone else changes the route meanwhile: saving from the version read is refused, and the form reloads it.
    const [made] = ((await (await session!.h.request('/hub-routes')).json()) as { routes: Route[] }).routes;
    const { id, version, name, warehouse, stops, driverIds } = made!;
    const meanwhile = await session!.h.request(`/hub-routes/${id}`, { method: 'PUT', role: 'ops_manager', body: JSON.stringify({ name, zone, warehouse, stops, driverIds, version }) });
    expect(meanwhile.status).toBe(200);
    await panel.getByTestId('route-edit').click();
    const edit = page.getByRole('dialog', { name: 'Change route Morning hub run' });
    await edit.getByTestId('route-stop-radius-0').fill('4');
    await edit.getByTestId('route-save').click();
    await edit.getByTestId('route-form-error').getByText(/Someone else changed route Morning hub run since you read it/).waitFor();
    await checkScreen(page, 'hub-route-stale-edit');
    await edit.getByTestId('route-reload').click();
    await edit.getByTestId('route-form-error').waitFor({ state: 'detached' });
    expect(await edit.getByTestId('route-stop-radius-0').inputValue()).toBe('3');
    await edit.getByTestId('route-save').click();
    await edit.waitFor({ state: 'detached' });
    // Today where the browser is: its own calendar day, not UTC's.
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(await panel.getByTestId('session-day').inputValue()).toBe(today);
    await panel.getByTestId('session-shift').fill('early');
    await panel.getByTestId('session-open').click();

    const drawer = page.getByRole('dialog', { name: /Morning hub run ·/ });
    await drawer.getByTestId('session-offers').waitFor();
    expect(await drawer.getByTestId('session-offers').getByRole('row').count()).toBe(2);
    await drawer.getByText(/drop-off 1\.1 km away/).waitFor();
    await checkScreen(page, 'hub-route-session-offers');
    await drawer.getByTestId(`session-offer-${near}`).check();
    await drawer.getByTestId('session-accept').click();
    await drawer.getByTestId('session-orders').getByText(near).waitFor();
    await drawer.getByTestId('session-no-offers').waitFor();

    await drawer.getByTestId('session-step-start').click();
    await drawer.locator('[data-session-state="started"]').waitFor();
    await drawer.getByTestId('session-step-pick_up').waitFor();
    expect(await drawer.getByTestId('session-step-start').count()).toBe(0);
    await checkScreen(page, 'hub-route-session-started');

    // A refusal shows the API's words: someone else called the run off meanwhile, so loading it is refused.
    const { routes } = (await (await session!.h.request('/hub-routes')).json()) as { routes: Route[] };
    const { sessions } = (await (await session!.h.request(`/hub-routes/${routes[0]!.id}/sessions`)).json()) as { sessions: RouteSession[] };
    const cancelled = await session!.h.request(`/route-sessions/${sessions[0]!.id}/cancel`, { method: 'POST', role: 'dispatcher', body: JSON.stringify({ reason: 'Van broke down' }) });
    expect(cancelled.status).toBe(200);
    await drawer.getByTestId('session-step-pick_up').click();
    await drawer.getByTestId('session-error').getByText('A session that is cancelled cannot be marked picked up.').waitFor();
    await checkScreen(page, 'hub-route-session-refused');
    await page.close();
  });

  it('shows finance the routes and sessions without the buttons, saying who may use them', async () => {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('fred');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'fred')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-waybills').click();
    // Finance runs no waybills, so the tab holds only the routes part.
    await page.getByRole('heading', { name: 'Routes & sessions' }).waitFor();
    expect(await page.getByTestId('hub-runs-part').count()).toBe(0);
    await page.getByTestId('routes-table').getByRole('button', { name: 'Morning hub run' }).click();
    const panel = page.getByTestId('route-panel');
    await panel.getByTestId('route-read-only').getByText('needs the dispatcher or ops manager role').waitFor();
    expect(await page.getByTestId('route-new').count()).toBe(0);
    expect(await panel.getByTestId('route-edit').count()).toBe(0);
    expect(await panel.getByTestId('session-open').count()).toBe(0);
    await panel.getByTestId('sessions-table').getByRole('button').first().click();
    const drawer = page.getByRole('dialog', { name: /Morning hub run ·/ });
    await drawer.getByTestId('session-read-only').waitFor();
    expect(await drawer.getByRole('button', { name: 'Start' }).count()).toBe(0);
    await checkScreen(page, 'hub-route-session-read-only');
    await page.close();
  });
});
