import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { DEFAULT_RULESETS } from '../rules/defaults/index.ts';
import { checkScreen, clickUntilShown, openPage } from '../test/browser.ts';
import { hoursFromNow } from '../test/clock.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

/** An ops manager reads a shipped ruleset on the canvas at a laptop's size, finds and folds rules, and edits it as a table. */
describe('the rules canvas and the decision table', () => {
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

  const openRules = async (decisionPoint: string, username = 'olivia'): Promise<Page> => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-priority-rules').click();
    await page.getByTestId(`decision-point-${decisionPoint}`).click();
    return page;
  };

  const editRules = async (decisionPoint: string): Promise<Page> => {
    const page = await openRules(decisionPoint);
    await page.getByTestId('rules-edit').click();
    await page.getByTestId('rules-designer').waitFor();
    return page;
  };

  /** Every text of the nodes in view, with its size on screen: computed font size × the canvas's zoom. */
  const textOnScreen = (page: Page) =>
    page.getByTestId('ruleset-canvas').evaluate((canvas) => {
      const box = canvas.getBoundingClientRect();
      const viewport = canvas.querySelector<HTMLElement>('.react-flow__viewport')!;
      const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
      const texts = [...canvas.querySelectorAll<HTMLElement>('.react-flow__node p, .react-flow__node .mantine-Badge-label')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
      });
      return { zoom, sizes: texts.map((el) => ({ text: el.textContent ?? '', px: parseFloat(getComputedStyle(el).fontSize) * zoom })) };
    });

  const ruleInView = (page: Page, name: string) =>
    page.getByTestId('ruleset-canvas').evaluate((canvas, wanted) => {
      const box = canvas.getBoundingClientRect();
      const node = [...canvas.querySelectorAll<HTMLElement>('.react-flow__node-rule')].find((n) => n.textContent?.includes(wanted));
      const r = node?.getBoundingClientRect();
      return r !== undefined && r.left >= box.left && r.top >= box.top && r.right <= box.right + 1 && r.bottom <= box.bottom;
    }, name);

  it('the canvas at open: legible node text, the first rules in view, no warnings; search finds a rule and rules fold', async () => {
    const page = await editRules('release');
    const canvas = page.getByTestId('ruleset-canvas');
    await canvas.locator('.react-flow__node-rule').first().waitFor();
    const { zoom, sizes } = await textOnScreen(page);
    expect(zoom).toBeGreaterThanOrEqual(1);
    expect(sizes.length).toBeGreaterThan(5);
    expect(sizes.filter((s) => s.px < 11.5)).toEqual([]);
    expect(await ruleInView(page, 'Overdue in a stopped area')).toBe(true);
    // The shipped release rules used to show 7 warnings.
    expect(await canvas.getByTestId('node-problem-badge').count()).toBe(0);
    await checkScreen(page, 'rules-canvas-at-open');

    // The last rule is out of view; the search box, reached from the keyboard, brings it in and marks it.
    expect(await ruleInView(page, 'Evening delivery with slack')).toBe(false);
    await page.getByTestId('canvas-search').focus();
    await page.keyboard.type('evening');
    await canvas.locator('[data-found="current"]').waitFor();
    await expect.poll(() => ruleInView(page, 'Evening delivery with slack')).toBe(true);
    expect(await page.getByTestId('canvas-search-status').textContent()).toBe('1 of 1');

    // Folded, a rule shows its name and what it decides; its conditions are hidden.
    await page.getByTestId('rules-collapse-all').click();
    await canvas.getByTestId('collapsed-rule-outcome').first().waitFor();
    expect(await canvas.locator('.react-flow__node-condition').count()).toBe(0);
    await page.getByRole('button', { name: 'Expand rule Area stopped' }).click();
    expect(await canvas.locator('.react-flow__node-condition').count()).toBe(1);
    await checkScreen(page, 'rules-canvas-folded');
    await page.close();
  });

  it('an edit in the table view reflected on the canvas, and back', async () => {
    const page = await editRules('release');
    await page.getByTestId('rules-view-switch').getByText('Table').click();
    const table = page.getByTestId('decision-table');
    const overdue = table.locator('[data-testid="table-row"][data-rule="Overdue in a stopped area"]');
    // A cell per fact: the rule's two conditions, in their facts' columns.
    expect(await overdue.getByTestId('table-cell').count()).toBe(2);
    const slack = overdue.locator('[data-testid="table-cell"][data-fact="slackHours"]');
    await slack.getByTestId('table-cell-operator').selectOption('lessThanInclusive');
    await slack.getByTestId('table-cell-value').fill('-2');
    await table.locator('[data-testid="table-row"][data-rule="Area stopped"]').getByTestId('table-param-reason').fill('Stopped: wait for the restart.');
    // A row added and removed again leaves the ruleset as it was.
    await page.getByTestId('table-add-rule').click();
    await table.locator('[data-testid="table-row"][data-rule="New rule"]').waitFor();
    await page.getByRole('button', { name: 'Remove rule New rule' }).click();
    expect(await table.locator('[data-testid="table-row"][data-rule="New rule"]').count()).toBe(0);
    await checkScreen(page, 'rules-decision-table');

    await page.getByTestId('rules-view-switch').getByText('Canvas').click();
    const canvas = page.getByTestId('ruleset-canvas');
    await canvas.locator('.react-flow__node-condition', { hasText: '≤ -2' }).waitFor();
    // The node says it in words: "Wait: stopped: wait for the restart".
    await canvas.locator('.react-flow__node-outcome', { hasText: 'wait for the restart' }).waitFor();
    await checkScreen(page, 'rules-canvas-after-table-edit');

    // And back: a rule renamed on the canvas's inspector is renamed in the table.
    // Below the first rules: the search brings it into the canvas's view before it is clicked.
    await page.getByTestId('canvas-search').fill('Area paused');
    await page.getByTestId('canvas-search').press('Enter');
    // Back from the table the canvas lays itself out again and the search pans it; a click while it moves can
    // miss the node, so the click is repeated until the inspector shows the rule.
    await clickUntilShown(canvas.locator('.react-flow__node-rule', { hasText: 'Area paused' }), page.locator('[data-testid="inspector-rule-name"][value="Area paused"]'));
    await page.getByTestId('inspector-rule-name').fill('Area on pause');
    await page.getByTestId('rules-view-switch').getByText('Table').click();
    await table.locator('[data-testid="table-row"][data-rule="Area on pause"]').waitFor();
    await page.close();
  });

  it('table cells by type: a date in a date-time input and an outcome picked from the decision point’s, each reflected on the canvas', async () => {
    const page = await editRules('priority');
    const withDate = structuredClone(DEFAULT_RULESETS.priority);
    withDate.rules.push({
      name: 'Due before the peak',
      description: 'Orders due before the peak get a head start.',
      priority: 1,
      conditions: { all: [{ fact: 'dueAt', operator: 'before', value: hoursFromNow(48) }] },
      event: { type: 'score', params: { points: 5 } },
    });
    await page.getByTestId('rules-json-import').click();
    await page.getByTestId('rules-json-text').fill(JSON.stringify(withDate));
    await page.getByTestId('rules-json-apply').click();
    await page.getByTestId('rules-view-switch').getByText('Table').click();
    const date = page.locator('[data-testid="table-row"][data-rule="Due before the peak"] [data-testid="table-cell"][data-fact="dueAt"]').getByTestId('table-cell-value');
    expect(await date.getAttribute('type')).toBe('datetime-local');
    // Three days ahead at 14:30 in the browser's own zone, as a person types it; the rule keeps the instant in UTC.
    const { local, iso } = await page.evaluate((due) => {
      const d = new Date(due);
      d.setHours(14, 30, 0, 0);
      const pad = (n: number) => String(n).padStart(2, '0');
      return { local: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T14:30`, iso: d.toISOString() };
    }, hoursFromNow(72));
    await date.fill(local);
    expect(await date.inputValue()).toBe(local);
    await checkScreen(page, 'rules-decision-table-date');

    await page.getByTestId('rules-view-switch').getByText('Canvas').click();
    await page.getByTestId('canvas-search').fill('dueAt');
    await page.getByTestId('canvas-search').press('Enter');
    await page.locator(`.react-flow__node-condition [title='dueAt before ${JSON.stringify(iso)}']`).waitFor();
    await page.close();

    // An outcome changed in the table: the canvas decides the new way, with the new outcome's parameters.
    const release = await editRules('release');
    await release.getByTestId('rules-view-switch').getByText('Table').click();
    const stopped = release.locator('[data-testid="table-row"][data-rule="Area stopped"]');
    await stopped.getByTestId('table-outcome-type').selectOption('escalate');
    expect(await stopped.getByTestId('table-param-role').inputValue()).toBe('ops_manager');
    await release.getByTestId('rules-view-switch').getByText('Canvas').click();
    await release.getByTestId('ruleset-canvas').locator('.react-flow__node-outcome', { hasText: /Escalate .*The work area is stopped/ }).waitFor();
    await release.close();
  });

  it('a dispatcher reads the rules in force as a table, read-only', async () => {
    const page = await openRules('escalation', 'dan');
    await page.getByTestId('rules-view-switch').getByText('Table').click();
    const row = page.locator('[data-testid="decision-table"][data-readonly] [data-testid="table-row"][data-rule="Queued, major account"]');
    await row.getByText('= major').waitFor();
    expect(await page.getByTestId('decision-table').locator('input, select').count()).toBe(0);
    await checkScreen(page, 'rules-decision-table-read-only');
    await page.close();
  });
});
