import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemoUsers } from '../api/auth/bootstrap-users.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { launchChromium } from '../test/browser.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

const ARTIFACTS = join(repoRoot, 'test-artifacts');

/** The real built designer, served by the real API, in Debian's Chromium, signed in as real people. */
describe('designer in a browser', () => {
  let h: Harness;
  let server: ServerType;
  let browser: Browser;
  let url: string;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    h = await createHarness({ staticDir: join(repoRoot, 'designer/dist') });
    await seedDemoUsers(h.store.em.fork());
    server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    if ('closeAllConnections' in server) server.closeAllConnections();
    server?.close();
    await h?.close();
  });

  const postOrder = async (reference: string) =>
    fetch(`${url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await h.auth('dispatcher')) },
      body: JSON.stringify({ reference, account: 'ACME', dueAt: '2026-12-01T12:00:00Z', workAreaId: h.workAreaId, lines: [{ sku: 'SKU-1', qty: 1, price: 5 }] }),
    });

  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(url);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
    return page;
  }

  it('signs in, shows the orders table, and a new order appears live', async () => {
    expect((await postOrder('SMOKE-1')).status).toBe(201);
    const page = await signIn('dan');
    // A dispatcher lands on the exceptions desk; the new order is on the full list.
    await page.locator('[data-testid="desk-filter"][data-desk="exceptions"]').waitFor();
    await page.getByTestId('desk-filter').getByText('All', { exact: true }).click();
    const table = page.getByTestId('orders-table');
    await table.getByText('SMOKE-1').waitFor();
    await page.locator('[data-testid="live-indicator"][data-connected="true"]').waitFor();
    // No worker yet: the second order appears through the intake event alone.
    expect((await postOrder('SMOKE-2')).status).toBe(201);
    await table.getByText('SMOKE-2').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'orders-table.png'), fullPage: true });
    await page.close();
  });

  it("opens an order's drawer with the why of its priority, and draws the priority rules", async () => {
    await h.startWorker(await bundleWorkflows());
    const page = await signIn('dan');
    await page.getByTestId('desk-filter').getByText('All', { exact: true }).click();
    await page.locator('[data-state="assigned"]').first().waitFor();
    await page.getByTestId('orders-table').getByText('SMOKE-1').click();
    const drawer = page.getByTestId('order-drawer');
    await drawer.getByText('Default priority').waitFor();
    await drawer.getByText('Overdue: no points, because slackHours').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'order-drawer.png') });
    await page.keyboard.press('Escape');

    await page.getByTestId('tab-priority-rules').click();
    const canvas = page.getByTestId('ruleset-canvas');
    await canvas.getByText('Due within 4 hours').waitFor();
    expect(await canvas.locator('.react-flow__node').count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(ARTIFACTS, 'priority-rules.png') });
    await page.close();
  });

  it("an escalated order waits on the dispatcher's exceptions desk, and resolving it from the drawer sends it back", async () => {
    // The area (one order at a time) is busy with SMOKE-1: this one waits in the pool.
    const order = (await (await postOrder('SMOKE-3')).json()) as { id: string };
    await h.reach(order.id, 'queued');
    const escalate = await h.request(`/orders/${order.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'escalate', reason: 'Forklift broken' }) });
    expect(escalate.status).toBe(200);

    const page = await signIn('dan');
    const table = page.getByTestId('orders-table');
    await table.getByText('SMOKE-3').click();
    const drawer = page.getByTestId('order-drawer');
    await drawer.getByTestId('escalation-note').getByText('Forklift broken').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'exceptions-desk.png') });
    await drawer.getByTestId('action-resolve').click();
    await drawer.locator('[data-state="queued"]').first().waitFor();
    await page.keyboard.press('Escape');
    await table.getByText('SMOKE-3').waitFor({ state: 'detached' });
    await page.close();
  });

  it('a dispatcher sees the rules read-only; an ops manager can edit and publish them', async () => {
    const dispatcher = await signIn('dan');
    await dispatcher.getByTestId('tab-priority-rules').click();
    await dispatcher.getByTestId('rules-readonly-note').waitFor();
    expect(await dispatcher.getByTestId('rules-edit').count()).toBe(0);
    expect(await dispatcher.getByTestId('tab-admin').count()).toBe(0);
    await dispatcher.screenshot({ path: join(ARTIFACTS, 'rules-as-dispatcher.png') });
    await dispatcher.close();

    const manager = await signIn('olivia');
    await manager.getByTestId('tab-priority-rules').click();
    await manager.getByTestId('rules-edit').click();
    await manager.getByTestId('rules-note').fill('Published again from the browser test');
    await manager.getByTestId('rules-publish').click();
    await manager.getByTestId('ruleset-version-2').waitFor();
    await manager.screenshot({ path: join(ARTIFACTS, 'rules-as-ops-manager.png') });
    await manager.close();
  });

  it('an ops manager builds a rule from scratch on the canvas, sees the error, fixes it and publishes', async () => {
    const page = await signIn('olivia');
    await page.getByTestId('tab-priority-rules').click();
    await page.getByTestId('decision-point-return').click();
    await page.getByTestId('rules-edit').click();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });

    await page.getByTestId('palette-rule').click();
    await page.getByTestId('inspector-rule-name').fill('Five attempts');
    await page.getByTestId('palette-fact-attempts').click();
    await page.getByTestId('inspector-condition-value').fill('5');
    await page.getByTestId('palette-outcome').click();
    await page.getByTestId('inspector-outcome-type').click();
    await page.getByRole('option', { name: /close/i }).click();
    await page.getByTestId('inspector-param-reason').fill('Five attempts are enough.');
    // Every rule explains itself: the problems panel says the new one does not yet; clicking the problem selects the rule.
    await page.locator('[data-testid="problems-panel"][data-errors="1"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'rules-canvas-problem.png') });
    await page.getByTestId('problem-0').click();
    await page.getByTestId('inspector-rule-description').fill('A customer we missed five times has moved or does not want it: close the order.');
    // Now the validator sees the rule can never decide: "Three failed attempts" runs first. Raising its priority fixes that.
    await page.getByTestId('problems-panel').getByText('"Five attempts" is unreachable', { exact: false }).waitFor();
    await page.getByTestId('inspector-rule-priority').fill('95');
    await page.locator('[data-testid="problems-panel"][data-errors="0"]').waitFor();

    await page.getByTestId('rules-note').fill('Close after five attempts');
    await page.getByTestId('rules-publish').click();
    await page.getByTestId('ruleset-version-2').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'rules-canvas-published.png'), fullPage: true });
    const published = (await (await h.request('/rulesets/return', { role: 'ops_manager' })).json()) as { version: number; definition: { rules: { name: string; event: unknown }[] } };
    expect(published.version).toBe(2);
    expect(published.definition.rules.find((r) => r.name === 'Five attempts')).toMatchObject({ event: { type: 'close', params: { reason: 'Five attempts are enough.' } } });
    await page.close();
  });

  it('served every page without a content security policy violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
