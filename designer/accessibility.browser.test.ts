import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { DECISION_POINTS } from '../domain/decision-points.ts';
import type { OrderSummary } from '../domain/order.ts';
import type { Role } from '../domain/roles.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { hoursFromNow } from '../test/clock.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { focused, signInByKeyboard as signInWithKeys, tabTo } from '../test/keyboard.ts';
import type { Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

const DESK_NAMES = ['All', 'Exceptions', 'Specialist review', 'Remit'];

/**
 * Every screen each role can open, checked by axe-core against WCAG 2.1 AA (a new violation anywhere fails
 * here, whichever screen it is on; one browser, one sign-in per role); each desk's main job done with the
 * keyboard alone; and the orders table and the rules designer on a tablet.
 */
describe('accessibility in a browser', () => {
  let h: Harness;
  let browser: Browser;
  let url: string;
  let session: DesignerSession | undefined;

  beforeAll(async () => {
    session = await openDesigner();
    ({ h, url, browser } = session);
    await h.startWorker(await bundleWorkflows());
    // Orders in the states the desks show: one at work, one escalated while waiting, one for a specialist.
    const post = async (reference: string, lines: number) => {
      const body = { reference, account: 'ACME', dueAt: hoursFromNow(24), workAreaId: h.workAreaId, lines: Array.from({ length: lines }, (_, i) => ({ sku: `SKU-${i + 1}`, qty: 1, price: 5 })) };
      const posted = await h.request('/orders', { method: 'POST', body: JSON.stringify(body) });
      expect(posted.status).toBe(201);
      return ((await posted.json()) as OrderSummary).id;
    };
    await h.reach(await post('A11Y-1', 1), 'assigned');
    const waiting = await post('A11Y-2', 1);
    await h.reach(waiting, 'queued');
    const escalated = await h.request(`/orders/${waiting}/actions`, { method: 'POST', body: JSON.stringify({ action: 'escalate', reason: 'Forklift broken' }) });
    expect(escalated.status).toBe(200);
    await h.reach(await post('A11Y-BIG', 60), 'specialist_review');
    keyOrder = await post('A11Y-KEY', 1);
    await h.reach(keyOrder, 'queued');
    const escalatedToo = await h.request(`/orders/${keyOrder}/actions`, { method: 'POST', body: JSON.stringify({ action: 'escalate', reason: 'Label printer down' }) });
    expect(escalatedToo.status).toBe(200);
    waitingOrder = waiting;
  });
  let keyOrder: string;
  let waitingOrder: string;
  afterAll(async () => {
    await session?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await checkScreen(page, `a11y-sign-in`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
    return page;
  }

  const screens: Record<string, (page: Page, role: Role) => Promise<void>> = {
    orders: async (page, role) => {
      for (const desk of DESK_NAMES) {
        await page.getByTestId('desk-filter').getByText(desk, { exact: true }).click();
        await page.locator('[data-testid="orders-table"], [data-testid="desk-empty"]').first().waitFor();
        await checkScreen(page, `a11y-${role}-orders-${desk.toLowerCase().replace(' ', '-')}`);
      }
      await page.getByTestId('desk-filter').getByText('All', { exact: true }).click();
      await page.getByTestId('orders-table').getByText('A11Y-2').click();
      await page.getByTestId('order-drawer').getByTestId('escalation-note').waitFor();
      await checkScreen(page, `a11y-${role}-order-drawer`);
      await page.keyboard.press('Escape');
      await page.getByTestId('order-drawer').waitFor({ state: 'detached' });
    },
    areas: async (page, role) => {
      const row = page.getByTestId(`area-row-${h.workAreaId}`);
      await row.click();
      await page.getByTestId('area-cycles').waitFor();
      await checkScreen(page, `a11y-${role}-work-areas`, { fullPage: true });
    },
    'priority-rules': async (page, role) => {
      await page.getByTestId('ruleset-canvas').getByText('Due within 4 hours').waitFor();
      await checkScreen(page, `a11y-${role}-rules`);
      if (role !== 'ops_manager') return;
      // Every decision point's rules once: the screen is the same for every role that reads them.
      for (const dp of DECISION_POINTS.filter((point) => point !== 'priority')) {
        await page.getByTestId(`decision-point-${dp}`).click();
        await page.getByTestId('ruleset-header').getByText(`Default ${dp}`).waitFor();
        await page.getByTestId('ruleset-canvas').locator('.react-flow__node').first().waitFor();
        await checkScreen(page, `a11y-${role}-rules-${dp}`);
      }
      await page.getByTestId('decision-point-priority').click();
      await page.getByTestId('ruleset-canvas').getByText('Due within 4 hours').waitFor();
      await page.getByTestId('rules-edit').click();
      await page.getByTestId('rules-test').waitFor();
      await checkScreen(page, `a11y-${role}-rules-editing`);
      await page.getByTestId('rules-test').click();
      await page.getByTestId('test-run').waitFor();
      await checkScreen(page, `a11y-${role}-rules-test-drawer`);
      await page.keyboard.press('Escape');
      // The drawer gives the focus back to the button that opened it.
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'rules-test');
    },
    admin: async (page, role) => {
      const loaded = { users: page.getByTestId('users-table'), tokens: page.getByTestId('tokens-table').or(page.getByText('No API tokens yet.')), webhooks: page.getByTestId('webhooks-table').or(page.getByText('No endpoints yet.')) };
      for (const [tab, shown] of Object.entries(loaded)) {
        await page.getByTestId(`admin-tab-${tab}`).click();
        await shown.waitFor();
        await checkScreen(page, `a11y-${role}-admin-${tab}`);
      }
    },
  };

  it.each(DEMO_USERS.map((u) => [u.roles[0]!, u.username] as const))('as %s (%s), every tab and what it opens', async (role, username) => {
    const page = await signIn(username);
    const tabs = await page.getByRole('tab').evaluateAll((all) => all.map((tab) => tab.getAttribute('data-testid')).filter((id): id is string => id?.startsWith('tab-') ?? false));
    expect(tabs.length).toBeGreaterThan(0);
    for (const tab of tabs) {
      await page.getByTestId(tab).click();
      const visit = screens[tab.slice('tab-'.length)];
      if (visit) await visit(page, role);
      else {
        // A screen added since: checked as it opens, until the test learns what it holds.
        await page.locator('main h2').first().waitFor();
        await checkScreen(page, `a11y-${role}-${tab}`);
      }
    }
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').waitFor();
    // The menu fades in; axe measures contrast once it is fully shown.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[role="menu"]')!).opacity === '1');
    await checkScreen(page, `a11y-${role}-user-menu`);
    await page.close();
  });

  const signInByKeyboard = (username: string) => signInWithKeys(browser, url, username);

  it('a dispatcher works an exception from the orders list with the keyboard alone', async () => {
    const page = await signInByKeyboard('dan');
    expect((await focused(page)).text).toBe('Orders');
    // A drawer closed gives the focus back to the row that opened it, the first drawer of the page too.
    await tabTo(page, `[data-testid="order-row-${waitingOrder}"]`);
    await page.keyboard.press('Enter');
    await page.getByTestId('order-drawer').getByTestId('escalation-note').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('order-drawer').waitFor({ state: 'detached' });
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === `order-row-${id}`, waitingOrder);

    await tabTo(page, `[data-testid="order-row-${keyOrder}"]`);
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('order-drawer');
    await drawer.getByTestId('escalation-note').getByText('Label printer down').waitFor();
    await tabTo(page, '[data-testid="action-reason"]');
    await page.keyboard.type('Printer fixed');
    await tabTo(page, '[data-testid="action-resolve"]');
    await page.keyboard.press('Enter');
    // The resolve button goes with the escalation: the focus moves to the result, not to the page body.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'action-done');
    await drawer.locator('[data-state="queued"]').first().waitFor();
    await checkScreen(page, 'keyboard-dispatcher-resolved');
    await page.close();
  });

  it('an ops manager opens the rules and edits a rule with the keyboard alone', async () => {
    const page = await signInByKeyboard('olivia');
    // The screens are tabs: back to the active one, then the arrow keys move along them.
    await tabTo(page, '[data-testid="tab-orders"]', { back: true });
    // Orders, Dashboard, Import, Work areas, Rules.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    expect((await focused(page)).testId).toBe('tab-priority-rules');
    await page.getByTestId('ruleset-canvas').getByText('Due within 4 hours').waitFor();
    await tabTo(page, '[data-testid="rules-edit"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('rules-designer').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Draft of the priority rules');

    // A few stops to the canvas, not the palette's every button first.
    expect(await tabTo(page, '[data-testid="skip-to-canvas"]')).toBeLessThan(15);
    await page.keyboard.press('Enter');
    const node = await focused(page);
    expect(node.node).toBe(true);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).not.toBe('none');
    await checkScreen(page, 'keyboard-canvas-node-focused');

    // Enter opens the rule in the inspector, with the keyboard in its first field.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'inspector-rule-name');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Overdue orders first');
    await page.getByTestId('ruleset-canvas').getByText('Overdue orders first').waitFor();
    await page.close();
  });

  it('on a tablet the orders table keeps Due and Work area in reach and the designer gives the canvas the width', async () => {
    const page = await openPage(browser, { viewport: { width: 768, height: 1024 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('olivia');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'olivia')!.password);
    await page.getByTestId('login-submit').click();
    const table = page.getByTestId('orders-table');
    await table.getByText('A11Y-1').waitFor();
    await page.getByTestId('orders-table-scroll-hint').waitFor();
    await checkScreen(page, 'tablet-orders');
    for (const column of ['Due', 'Work area']) {
      const header = table.getByRole('columnheader', { name: column, exact: true });
      await header.scrollIntoViewIfNeeded();
      const box = (await header.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(768);
    }

    await page.getByTestId('tab-priority-rules').click();
    await page.getByTestId('rules-edit').click();
    const canvas = page.getByTestId('rules-designer').getByTestId('ruleset-canvas');
    await canvas.waitFor();
    expect((await canvas.boundingBox())!.width).toBeGreaterThan(600);
    await checkScreen(page, 'tablet-rules-designer');
    await page.close();
  });
});
