import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../launcher/repo-root.ts';
import { launchChromium } from '../test/browser.ts';
import { createHarness, type Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

const ARTIFACTS = join(repoRoot, 'test-artifacts');

/** Smoke test: the real built designer, served by the real API, in Debian's Chromium. */
describe('designer in a browser', () => {
  let h: Harness;
  let server: ServerType;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    h = await createHarness({ staticDir: join(repoRoot, 'designer/dist') });
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

  const postOrder = (reference: string) =>
    fetch(`${url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reference, account: 'ACME', dueAt: '2026-12-01T12:00:00Z', workAreaId: h.workAreaId, lines: [{ sku: 'SKU-1', qty: 1, price: 5 }] }),
    });

  it('shows the orders table and a new order appears live', async () => {
    // No worker yet: the second order appears through the intake event alone.
    expect((await postOrder('SMOKE-1')).status).toBe(201);
    const page = await browser.newPage();
    await page.goto(url);
    const table = page.getByTestId('orders-table');
    await table.getByText('SMOKE-1').waitFor();
    await page.locator('[data-testid="live-indicator"][data-connected="true"]').waitFor();

    expect((await postOrder('SMOKE-2')).status).toBe(201);
    await table.getByText('SMOKE-2').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'orders-table.png'), fullPage: true });
    await page.close();
  });

  it("opens an order's drawer with the why of its priority, and draws the priority rules", async () => {
    await h.startWorker(await bundleWorkflows());
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    const row = page.getByTestId('orders-table').getByText('SMOKE-1');
    await page.locator('[data-state="released"]').first().waitFor();
    await row.click();
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
});
