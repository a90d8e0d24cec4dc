import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import type { Resource } from '../domain/resource.ts';
import type { WorkArea } from '../domain/work-area.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import type { Harness } from '../test/sluice-harness.ts';

/** An admin sets up an area and its driver in the app; a dispatcher pauses it with a reason and resumes it. */
describe('work areas and resources in the app', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  let h: Harness;
  beforeAll(async () => {
    session = await openDesigner();
    ({ url, browser, h } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-areas').click();
    return page;
  }

  const readArea = async (id: string) => (await (await h.request(`/work-areas/${id}`)).json()) as WorkArea;

  it('an admin creates an area with shifts and a norm, told per field what is wrong, and adds a driver to it', async () => {
    const page = await signIn('ada');
    await page.getByTestId('area-new').click();
    const form = page.getByTestId('area-form');
    await form.getByTestId('area-form-id').fill('North Drivers');
    await form.getByTestId('area-form-name').fill('North drivers');
    await form.getByTestId('area-form-kind').click();
    await page.getByRole('option', { name: 'Driver pool' }).click();
    await form.getByTestId('area-form-zone').fill('north');
    await form.getByTestId('area-form-warehouse').fill('ams-1');
    await form.getByTestId('area-form-time-zone').fill('Europe/Amsterdam');
    await form.getByTestId('area-form-limit').fill('6');
    await form.getByTestId('area-form-norm').fill('12');
    await form.getByTestId('area-form-shift-mon').fill('06:00-14:00, 14:00-22:00');
    await form.getByTestId('area-form-shift-sat').fill('mornings');
    await form.getByTestId('area-form-exceptions').fill('2030-12-25');
    await form.getByTestId('area-form-save').click();
    // The shared schema's own words, under the fields they concern; nothing was sent.
    await form.getByText(/lower-case letters, digits and dashes/i).waitFor();
    await form.getByText('A time of day as HH:MM, e.g. 06:00').waitFor();
    await checkScreen(page, 'work-area-form-errors');
    await form.getByTestId('area-form-id').fill('north-drivers');
    await form.getByTestId('area-form-shift-sat').fill('08:00-12:00');
    await form.getByTestId('area-form-save').click();
    await form.waitFor({ state: 'detached' });

    const area = await readArea('north-drivers');
    expect(area).toMatchObject({ kind: 'driver_pool', zone: 'north', warehouse: 'ams-1', timeZone: 'Europe/Amsterdam', status: 'open' });
    expect(area.capacity).toMatchObject({ wipLimit: 6, workloadNormHours: 12 });
    expect(area.shiftCalendar).toEqual({ weekly: { mon: [{ from: '06:00', to: '14:00' }, { from: '14:00', to: '22:00' }], sat: [{ from: '08:00', to: '12:00' }] }, exceptions: [{ date: '2030-12-25', hours: [] }] });

    // A second area with the same id: the server's refusal is shown as it said it.
    await page.getByTestId('area-new').click();
    await page.getByTestId('area-form-id').fill('north-drivers');
    await page.getByTestId('area-form-name').fill('Again');
    await page.getByTestId('area-form-save').click();
    await page.getByTestId('area-form-error').getByText(/exists already/).waitFor();
    await page.keyboard.press('Escape');

    await page.getByTestId('area-row-north-drivers').click();
    await page.getByTestId('resource-new').click();
    const resourceForm = page.getByTestId('resource-form');
    await resourceForm.getByTestId('resource-form-id').fill('driver-ana');
    await resourceForm.getByTestId('resource-form-name').fill('Ana');
    await resourceForm.getByTestId('resource-form-zone').fill('north');
    await resourceForm.getByTestId('resource-form-capacity').fill('3');
    await resourceForm.getByTestId('resource-form-carrier').click();
    await page.getByRole('option', { name: 'Prime' }).click();
    await resourceForm.getByTestId('resource-form-skills').fill('cold-chain');
    await page.keyboard.press('Enter');
    await checkScreen(page, 'resource-form');
    await resourceForm.getByTestId('resource-form-save').click();
    await resourceForm.waitFor({ state: 'detached' });
    const row = page.getByTestId('resource-row-driver-ana');
    await row.waitFor();
    expect(await row.textContent()).toContain('cold-chain');
    const [ana] = ((await (await h.request('/work-areas/north-drivers/resources')).json()) as { resources: Resource[] }).resources;
    expect(ana).toMatchObject({ id: 'driver-ana', kind: 'driver', zone: 'north', capacity: 3, carrierType: 'prime', skills: ['cold-chain'], available: true });

    await page.getByTestId('area-edit').click();
    await page.getByTestId('area-form-name').fill('North drivers (day)');
    await page.getByTestId('area-form-save').click();
    await page.getByTestId('area-form').waitFor({ state: 'detached' });
    expect((await readArea('north-drivers')).name).toBe('North drivers (day)');
    await checkScreen(page, 'work-area-resources', { fullPage: true });
    await page.close();
  });

  it('a dispatcher pauses the area with a reason, sees it paused by whom and why, and resumes it; stopping asks in red first; a driver is marked unavailable', async () => {
    const page = await signIn('dan');
    await page.getByTestId('area-row-north-drivers').click();
    expect(await page.getByTestId('area-new').count()).toBe(0);
    expect(await page.getByTestId('area-edit').count()).toBe(0);
    expect(await page.getByTestId('resource-new').count()).toBe(0);

    await page.getByTestId('area-status-paused').click();
    await page.getByTestId('area-status-confirm').click();
    await page.getByTestId('area-status-dialog').getByText(/Say why/).waitFor();
    await page.getByTestId('area-status-reason').fill('Van fleet inspection');
    await page.getByTestId('area-status-confirm').click();
    await page.getByTestId('area-status-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('area-status-badge').getByText('paused').waitFor();
    await page.getByTestId('area-status-change').getByText(/^Paused by Dan Okafor, .*: “Van fleet inspection”$/).waitFor();
    expect((await readArea('north-drivers')).status).toBe('paused');
    await checkScreen(page, 'work-area-paused', { fullPage: true });

    await page.getByTestId('area-status-stopped').click();
    await page.getByTestId('area-status-dialog').waitFor();
    await checkScreen(page, 'work-area-stop-confirm');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await readArea('north-drivers')).status).toBe('paused');

    await page.getByTestId('area-status-open').click();
    await page.getByTestId('area-status-reason').fill('Inspection done');
    await page.getByTestId('area-status-confirm').click();
    await page.getByTestId('area-status-badge').getByText('open').waitFor();
    await page.getByTestId('area-status-change').getByText(/^Opened by Dan Okafor, .*: “Inspection done”$/).waitFor();
    expect((await readArea('north-drivers')).status).toBe('open');

    // Dispatchers mark a resource unavailable (with a reason) but do not edit it.
    expect(await page.getByTestId('resource-edit-driver-ana').count()).toBe(0);
    await page.getByTestId('resource-availability-driver-ana').click();
    await page.getByTestId('resource-availability-reason').fill('Van in the workshop');
    await page.getByTestId('resource-availability-confirm').click();
    await page.getByTestId('resource-row-driver-ana').getByText('unavailable').waitFor();
    // Named, not taken first: the area has other drivers, listed in no promised order.
    const ana = async () => ((await (await h.request('/work-areas/north-drivers/resources')).json()) as { resources: Resource[] }).resources.find((r) => r.id === 'driver-ana');
    await expect.poll(async () => (await ana())?.available).toBe(false);
    await page.close();
  });
});
