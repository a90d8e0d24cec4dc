import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { defaultPriorityRuleset } from '../rules/defaults/index.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

/** An ops manager backtests a draft in the real built app, reads the table and the charts, and sees the deltas when publishing. */
describe('backtest in the rules designer', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    session = await openDesigner();
    ({ url, browser } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  const signIn = async () => {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('olivia');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'olivia')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-priority-rules').click();
    return page;
  };

  it('runs a small backtest with progress, shows the KPI table and a chart, and the publish dialog shows its deltas', async () => {
    const page = await signIn();
    await page.getByTestId('rules-edit').click();
    // A draft that releases the orders with the most slack first: it should not do as well as the rules in force.
    const slackFirst = structuredClone(defaultPriorityRuleset);
    slackFirst.rules.push({ name: 'Slack first', description: 'A worse draft to backtest.', priority: 1, conditions: { all: [{ fact: 'slackHours', operator: 'greaterThan', value: 30 }] }, event: { type: 'score', params: { points: 500 } } });
    await page.getByTestId('rules-json-import').click();
    await page.getByTestId('rules-json-text').fill(JSON.stringify(slackFirst));
    await page.getByTestId('rules-json-apply').click();

    await page.getByTestId('rules-backtest').click();
    await page.getByTestId('backtest-form').waitFor();
    await page.getByTestId('backtest-replications').fill('2');
    await page.getByTestId('backtest-run').click();
    await page.getByTestId('backtest-kpi-table').waitFor({ timeout: 60_000 });
    const table = page.getByTestId('backtest-kpi-table');
    expect(await table.locator('th').allTextContents()).toEqual(expect.arrayContaining(['Draft', 'In force', 'Immediate release']));
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('backtest-chart').count()).toBe(3);
    await expect.poll(() => page.locator('[data-testid="backtest-chart"] svg[role="img"] polyline').count()).toBeGreaterThan(1);
    await checkScreen(page, 'backtest-panel');
    await page.getByTestId('backtest-panel').getByText('The figures as a table').first().click();
    await page.getByTestId('backtest-chart-figures').first().waitFor();
    await checkScreen(page, 'backtest-panel-figures');
    await page.getByRole('dialog', { name: 'Backtest the draft' }).getByRole('button', { name: /close/i }).click();

    await page.getByTestId('rules-publish').click();
    const deltas = page.getByTestId('backtest-deltas');
    await deltas.waitFor();
    await deltas.getByText(/Total throughput time [+−]\d/).waitFor();
    await deltas.getByText(/Tardy .*% → .*%/).waitFor();
    await page.getByTestId('rules-note').click({ trial: true });
    await checkScreen(page, 'publish-backtest-deltas');
    await page.close();
  });

  it('without a backtest of the draft, the publish dialog offers a quick one and shows its deltas', async () => {
    const page = await signIn();
    await page.getByTestId('decision-point-release').click();
    await page.getByTestId('rules-edit').click();
    await page.getByTestId('rules-publish').click();
    await page.getByTestId('backtest-quick-run').click({ trial: true });
    await checkScreen(page, 'publish-backtest-offer');
    await page.getByTestId('backtest-quick-run').click();
    const deltas = page.getByTestId('backtest-deltas');
    await deltas.waitFor({ timeout: 60_000 });
    await deltas.getByText('(job-shop, 3 replications)').waitFor();
    expect(await deltas.locator('li').count()).toBeGreaterThan(3);
    await page.close();
  });
});
