import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { checkScreen, clickUntilShown, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

/** Limited editing: an admin locks the escalation rules in the app; a dispatcher granted value editing changes a deadline within bounds, and the API refuses them a change of structure. */
describe('ruleset locks in the browser', () => {
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

  /** Signs in and opens the escalation rules; answers the page and the session's CSRF token, for a call the app would not make. */
  async function escalationRulesAs(username: string): Promise<{ page: Page; csrf: string }> {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    const login = page.waitForResponse((r) => r.url().endsWith('/auth/login'));
    await page.getByTestId('login-submit').click();
    const { csrfToken } = (await (await login).json()) as { csrfToken: string };
    await page.getByTestId('tab-priority-rules').click();
    await page.getByTestId('decision-point-escalation').click();
    return { page, csrf: csrfToken };
  }

  const condition = (page: Page, text: string) => page.locator('.react-flow__node', { has: page.locator('[data-kind="condition"]', { hasText: text }) });
  const ruleNode = (page: Page, name: string) => page.locator('.react-flow__node', { has: page.locator('[data-kind="rule"]', { hasText: name }) });

  it('an admin locks the structure and bounds a deadline; a value-only editor changes the deadline within bounds and is refused a structural change by the API', async () => {
    const { page: admin } = await escalationRulesAs('ada');
    const panel = admin.getByTestId('rules-locks-panel');
    await panel.getByLabel('Lock the structure of every rule', { exact: false }).check();
    await panel.getByLabel('dispatcher', { exact: true }).check();
    await admin.getByTestId('locks-add-bound').click();
    const bound = admin.getByTestId('locks-bound-0');
    await bound.getByLabel('Rule').click();
    await admin.getByRole('option', { name: 'Stuck in validation' }).click();
    await bound.getByLabel('Value').click();
    await admin.getByRole('option', { name: /minutes/ }).click();
    await bound.getByLabel('Min').fill('5');
    await bound.getByLabel('Max').fill('30');
    await admin.getByTestId('locks-reason').fill('Deadlines agreed with the customers.');
    await admin.getByTestId('locks-save').click();
    await admin.getByTestId('locks-result').getByText('The locks are saved').waitFor();
    await admin.getByTestId('rules-lock-notice').getByText('“Stuck in validation”, minutes: between 5 and 30').waitFor();
    await checkScreen(admin, 'rules-locks-admin', { fullPage: true });
    await admin.close();

    const { page, csrf } = await escalationRulesAs('dan');
    await page.getByTestId('rules-values-only').waitFor();
    await page.getByTestId('rules-edit').getByText('Change values').click();
    await page.getByTestId('palette-locked').waitFor();

    // The table holds them to the same locks: structure read-only with the reason, values within their bounds.
    await page.getByTestId('rules-view-switch').getByText('Table').click();
    await page.getByTestId('table-lock-note').getByText('An admin locked the structure of these rules (Deadlines agreed with the customers)', { exact: false }).waitFor();
    const stuck = page.locator('[data-testid="table-row"][data-rule="Stuck in validation"]');
    await stuck.getByTestId('table-row-locked').waitFor();
    expect(await stuck.getByTestId('table-cell-operator').isDisabled()).toBe(true);
    expect(await stuck.getByTestId('table-outcome-type').isDisabled()).toBe(true);
    expect(await stuck.getByTestId('table-rule-priority').isDisabled()).toBe(true);
    expect(await stuck.getByTestId('table-remove-rule').isDisabled()).toBe(true);
    expect(await stuck.getByTestId('table-cell').getAttribute('title')).toBe('An admin locked the structure of “Stuck in validation” (Deadlines agreed with the customers): only its values change.');
    expect(await page.getByTestId('table-add-rule').count()).toBe(0);
    const minutes = stuck.getByTestId('table-param-minutes');
    await stuck.getByText('Allowed: between 5 and 30').waitFor();
    await minutes.fill('45');
    await stuck.getByText('Must be between 5 and 30, not 45.').waitFor();
    expect(await minutes.getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('rules-lock-refused').waitFor();
    // The wide table scrolled to its last columns: the locked outcome beside the flagged deadline.
    await stuck.getByTestId('table-param-role').scrollIntoViewIfNeeded();
    await checkScreen(page, 'rules-value-editor-table');
    await minutes.fill('25');
    await stuck.getByText('Allowed: between 5 and 30').waitFor();
    await page.getByTestId('rules-lock-refused').waitFor({ state: 'detached' });
    await page.getByTestId('rules-view-switch').getByText('Canvas').click();

    // Comparing with another fact instead of a value is structure: the inspector's switch stays, saying why.
    // Back from the table the canvas lays itself out again; a click while it moves can miss the node, so
    // the click is repeated until the inspector shows the condition.
    await expect
      .poll(async () => {
        await condition(page, 'validating').click();
        return page.getByTestId('inspector-value-mode-locked').waitFor({ timeout: 2_000 }).then(() => true, () => false);
      }, { timeout: 30_000 })
      .toBe(true);
    expect(await page.getByTestId('inspector-value-mode').locator('input').first().isDisabled()).toBe(true);
    expect(await page.getByTestId('inspector-condition-fact').isDisabled()).toBe(true);
    expect(await page.getByTestId('inspector-condition-value').isDisabled()).toBe(false);
    await checkScreen(page, 'rules-value-editor-condition');

    await clickUntilShown(page.locator('.react-flow__node', { hasText: 'Deadline 25 min, then to a dispatcher' }), page.getByTestId('inspector-outcome-type'));
    expect(await page.getByTestId('inspector-outcome-type').isDisabled()).toBe(true);
    await page.getByTestId('inspector-lock-notes').getByText('Bound: “Stuck in validation”, minutes: between 5 and 30.').waitFor();
    await page.getByTestId('inspector-param-minutes').fill('45');
    await page.getByTestId('node-inspector').getByText('Must be between 5 and 30, not 45.').waitFor();
    await page.getByTestId('rules-lock-refused').getByText('must be between 5 and 30, not 45', { exact: false }).waitFor();
    await page.getByTestId('inspector-param-minutes').fill('20');
    await page.getByTestId('rules-lock-refused').waitFor({ state: 'detached' });
    await checkScreen(page, 'rules-value-editor');
    await page.getByTestId('rules-save-draft').click();
    await page.getByTestId('rules-draft-status').getByText('The draft is saved.').waitFor();

    // The app offers no way to change the shape; the API refuses it all the same.
    const refused = await page.evaluate(async (token) => {
      const { definition } = (await (await fetch('/rulesets/escalation/draft')).json()) as { definition: { rules: unknown[] } };
      definition.rules.pop();
      const res = await fetch('/rulesets/escalation/draft', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify({ definition }) });
      return { status: res.status, body: (await res.json()) as { error: { message: string } } };
    }, csrf);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/you may change values only .* Not allowed: rule “.+” was removed\.$/);
    await page.close();
  });

  it('an admin locks one rule; an ops manager finds its structure locked in the inspector, with the reason, and its values editable within bounds', async () => {
    const { page: admin } = await escalationRulesAs('ada');
    const panel = admin.getByTestId('rules-locks-panel');
    const structure = panel.getByLabel('Lock the structure of every rule', { exact: false });
    if (await structure.isChecked()) await structure.uncheck();
    await panel.getByTestId('locks-rules').click();
    await admin.getByRole('option', { name: 'Stuck in validation' }).click();
    await admin.keyboard.press('Escape');
    await admin.getByTestId('locks-save').click();
    await admin.getByTestId('locks-result').getByText('The locks are saved').waitFor();
    await admin.close();

    const { page } = await escalationRulesAs('olivia');
    await page.getByTestId('rules-edit').click();
    await page.getByTestId('rules-designer').waitFor();
    const inspector = page.getByTestId('node-inspector');
    const why = 'An admin locked the structure of “Stuck in validation” (Deadlines agreed with the customers): only its values change.';

    await ruleNode(page, 'Stuck in validation').click();
    await inspector.getByTestId('inspector-lock-notes').getByText(why).waitFor();
    expect(await page.getByTestId('inspector-rule-name').isDisabled()).toBe(true);
    expect(await page.getByTestId('inspector-rule-priority').isDisabled()).toBe(true);
    expect(await page.getByTestId('inspector-rule-description').isDisabled()).toBe(false);
    // Removing the locked rule from the canvas is refused with the reason, and the rule stays.
    await page.keyboard.press('Delete');
    await page.getByTestId('rules-link-refused').getByText(why.replace(/\.$/, ''), { exact: false }).waitFor();
    expect(await ruleNode(page, 'Stuck in validation').count()).toBe(1);
    // So is adding a condition under it from the palette.
    const nodes = await page.locator('.react-flow__node').count();
    await page.getByTestId('rules-link-refused').getByRole('button').click();
    await page.getByTestId('palette-condition').click();
    await page.getByTestId('rules-link-refused').getByText(why.replace(/\.$/, ''), { exact: false }).waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(nodes);

    // The rule's inspector shows the same lock note, so the click is known to have landed only once the
    // condition's own fields are there.
    await clickUntilShown(condition(page, 'validating'), page.getByTestId('inspector-condition-fact'));
    await inspector.getByTestId('inspector-lock-notes').getByText(why).waitFor();
    expect(await page.getByTestId('inspector-condition-fact').isDisabled()).toBe(true);
    expect(await page.getByTestId('inspector-condition-operator').isDisabled()).toBe(true);
    expect(await page.getByTestId('inspector-value-mode').locator('input').first().isDisabled()).toBe(true);
    await page.getByTestId('inspector-value-mode-locked').waitFor();
    expect(await page.getByTestId('inspector-condition-value').isDisabled()).toBe(false);
    await checkScreen(page, 'rules-partly-locked-condition');

    // The locked rule is the first, and so is its outcome on the canvas.
    await clickUntilShown(page.locator('.react-flow__node', { has: page.locator('[data-kind="outcome"]') }).first(), page.getByTestId('inspector-outcome-type'));
    await inspector.getByTestId('inspector-lock-notes').getByText(why).waitFor();
    expect(await page.getByTestId('inspector-outcome-type').isDisabled()).toBe(true);
    await inspector.getByText('Allowed: between 5 and 30').waitFor();
    await page.getByTestId('inspector-param-minutes').fill('45');
    await inspector.getByText('Must be between 5 and 30, not 45.').waitFor();
    await page.getByTestId('rules-lock-refused').waitFor();
    await checkScreen(page, 'rules-partly-locked-outcome');
    await page.getByTestId('inspector-param-minutes').fill('25');
    await page.getByTestId('rules-lock-refused').waitFor({ state: 'detached' });

    // A rule the admin did not lock keeps all of its fields (known to be shown once the condition's own fields are).
    await clickUntilShown(condition(page, 'slackHours'), page.getByTestId('inspector-condition-fact'));
    expect(await page.getByTestId('inspector-lock-notes').count()).toBe(0);
    expect(await page.getByTestId('inspector-condition-fact').isDisabled()).toBe(false);
    expect(await page.getByTestId('inspector-value-mode').locator('input').first().isDisabled()).toBe(false);
    await page.close();
  });
});
