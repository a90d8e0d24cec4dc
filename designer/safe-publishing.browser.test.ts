import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import type { RulesetVersionSummary } from '../domain/ruleset.ts';
import { defaultPriorityRuleset } from '../rules/defaults/index.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { hoursFromNow } from '../test/clock.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

/** Safe publishing in the built app: a draft that fails stored cases is refused until overridden with a reason; a version can wait for its effective time. */
describe('safe publishing in the rules designer', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    session = await openDesigner();
    ({ url, browser } = session);
    // The impact list reads the pools from the store: an overdue order waits there.
    const em = session.h.store.em.fork();
    em.create(OrderRecord, {
      id: 'safe-publishing-late',
      reference: 'SO-LATE-1',
      account: 'Northwind Traders',
      kind: 'pick',
      statedPriority: 'normal',
      dueAt: new Date(hoursFromNow(-1)),
      workAreaId: session.h.workAreaId,
      lines: [{ sku: 'A', qty: 1, price: 10 }],
      state: 'queued',
      inPool: true,
      queuedAt: new Date(),
    });
    await em.flush();
  });
  afterAll(async () => {
    await session?.close();
  });

  const signIn = async (username = 'olivia') => {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-priority-rules').click();
    return page;
  };
  const versions = async () => ((await (await session!.h.request('/rulesets/priority/versions')).json()) as { versions: RulesetVersionSummary[] }).versions;

  it('a publish blocked by a failing case, then overridden with a reason', async () => {
    const page = await signIn();
    await page.getByTestId('rules-edit').click();
    const overdueAt60 = structuredClone(defaultPriorityRuleset);
    overdueAt60.rules.find((r) => r.name === 'Overdue')!.event.params.points = 60;
    await page.getByTestId('rules-json-import').click();
    await page.getByTestId('rules-json-text').fill(JSON.stringify(overdueAt60));
    await page.getByTestId('rules-json-apply').click();

    await page.getByTestId('rules-publish').click();
    const failing = page.locator('[data-testid="rules-cases-failing"][data-failing="3"]');
    await failing.waitFor();
    await failing.getByText('Overdue: expected score 50, gets score 60').waitFor();
    // The impact names the order by its reference and account, and opens it.
    const impacted = page.getByTestId('rules-impact-order');
    await impacted.getByText('SO-LATE-1').waitFor();
    await page.getByTestId('rules-impact-row').getByText('Northwind Traders').waitFor();

    await page.getByTestId('rules-note').fill('Overdue orders count more');
    await page.getByTestId('rules-publish-confirm').click();
    await page.getByTestId('rules-publish-error').getByText('3 stored test cases fail under these rules').waitFor();
    expect((await versions()).filter((v) => v.status !== 'draft')).toHaveLength(1);
    await checkScreen(page, 'publish-blocked-by-failing-case');

    await page.getByTestId('rules-override').click();
    await page.getByTestId('rules-publish-confirm').click();
    await page.getByText('Say why these rules may be published although test cases fail.').waitFor();
    await page.getByTestId('rules-override-reason').fill('The cases still expect the old overdue points; they are rewritten this week.');
    await checkScreen(page, 'publish-overridden-with-reason');
    await page.getByTestId('rules-publish-confirm').click();
    await page.getByTestId('ruleset-version-2').waitFor();

    const entry = await session!.h.store.em.fork().findOneOrFail(AuditEntryRecord, { action: 'ruleset_published', dedupeKey: 'ruleset:priority@2' });
    expect(entry.data).toMatchObject({ override: { reason: 'The cases still expect the old overdue points; they are rewritten this week.', failingCases: expect.arrayContaining(['Overdue']) } });

    // Compare puts the old value beside the new one.
    await page.getByTestId('ruleset-compare-1').click();
    const points = page.locator('[data-testid="diff-values"][data-rule="Overdue"] tr[data-field="points"]');
    await points.waitFor();
    expect(await points.locator('[data-side="before"]').textContent()).toBe('50');
    expect(await points.locator('[data-side="after"]').textContent()).toBe('60');
    // The screenshot waits for the modal's fade-in to finish.
    await page.waitForFunction(() => [...document.querySelectorAll('.mantine-Modal-content')].every((e) => getComputedStyle(e).opacity === '1'));
    await checkScreen(page, 'compare-side-by-side');
    await page.close();
  });

  it('opens an impacted order from the impact list', async () => {
    const page = await signIn();
    await page.getByTestId('rules-edit').click();
    await page.getByTestId('rules-json-import').click();
    await page.getByTestId('rules-json-text').fill(JSON.stringify(defaultPriorityRuleset));
    await page.getByTestId('rules-json-apply').click();
    await page.getByTestId('rules-publish').click();
    await page.getByTestId('rules-cases-passing').waitFor();
    await page.getByTestId('rules-impact-order').getByText('SO-LATE-1').click();
    await page.locator('[data-testid="order-drawer"][data-order-id="safe-publishing-late"]').getByText('Order SO-LATE-1').waitFor();
    await checkScreen(page, 'publish-impact-order');
    await page.getByRole('button', { name: 'Close order' }).click();

    // Back to the shipped weights, from a set time: the list says when it takes effect.
    await page.getByTestId('rules-note').fill('Back to the shipped weights tonight');
    await page.getByTestId('rules-effective-later').click();
    await page.getByTestId('rules-effective-at').waitFor();
    // Waiting orders are re-decided when the version takes effect unless the person keeps their decisions.
    await page.locator('[data-testid="rules-in-flight"][data-policy="redecide_at_effective"]').getByText('Re-decide them at the effective time').waitFor();
    await checkScreen(page, 'publish-effective-time');
    await page.getByTestId('rules-publish-confirm').click();
    await page.getByTestId('ruleset-version-3').getByTestId('ruleset-effective-from').getByText(/^takes effect at /).waitFor();
    expect((await versions()).find((v) => v.version === 3)).toMatchObject({ status: 'scheduled' });

    // Intake decides once: the dialog says why its waiting orders cannot be decided again instead of offering it.
    await page.getByTestId('decision-point-intake').click();
    await page.getByTestId('rules-edit').click();
    await page.getByTestId('rules-publish').click();
    await page.getByTestId('rules-in-flight-why').getByText(/^Re-deciding does not apply here: Intake decides once/).waitFor();
    await checkScreen(page, 'publish-in-flight-intake');

    await page.close();

    // Escalation offers both: running deadlines decided again from the state's entry, or kept.
    const escalation = await signIn();
    await escalation.getByTestId('decision-point-escalation').click();
    await escalation.getByTestId('rules-edit').click();
    await escalation.getByTestId('rules-publish').click();
    const inFlight = escalation.locator('[data-testid="rules-in-flight"][data-policy="redecide_now"]');
    await inFlight.getByText('Waiting here: orders whose deadline in their current state is running.').waitFor();
    await inFlight.getByText(/^Each running deadline is decided again .* still counted from when the order entered its state/).waitFor();
    await escalation.getByTestId('rules-in-flight-keep').click();
    await escalation.locator('[data-testid="rules-in-flight"][data-policy="keep"]').waitFor();
    await checkScreen(escalation, 'publish-in-flight-escalation');
    await escalation.close();
  });

  it('four-eyes: an admin switches it on; a publish then waits as a change request; its author cannot approve it, another ops manager does', async () => {
    const h = session!.h;
    const admin = await signIn('ada');
    await admin.getByTestId('decision-point-remit').click();
    const panel = admin.getByTestId('rules-approval-panel').filter({ hasText: 'for the remit rules' });
    await panel.getByText('A rollback to an earlier version passes without approval', { exact: false }).waitFor();
    await panel.locator('[data-testid="rules-approval-switch"]:enabled').waitFor();
    await panel.getByTestId('rules-approval-switch').click();
    await admin.getByTestId('rules-approval-confirm-dialog').getByText('waits for a second ops manager', { exact: false }).waitFor();
    await admin.getByTestId('rules-approval-confirm').click();
    await panel.getByTestId('rules-approval-result').getByText('Four-eyes approval is on for the remit rules; the change is in the audit log.').waitFor();
    expect(await panel.getByTestId('rules-approval-switch').isChecked()).toBe(true);
    await checkScreen(admin, 'four-eyes-switched-on', { fullPage: true });
    await admin.close();
    const audit = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'ruleset', subjectId: 'remit', action: 'ruleset_approval_required' });
    expect(audit.map((e) => [e.actor, e.data])).toEqual([['ada', { before: false, after: true }]]);
    const remit = ((await (await h.request('/rulesets/remit')).json()) as { definition: unknown }).definition;

    const page = await signIn();
    await page.getByTestId('decision-point-remit').click();
    await page.getByTestId('rules-edit').click();
    await page.getByTestId('rules-publish').click();
    // Read-only where an ops manager publishes: whether it is on, and what it does.
    await page.locator('[data-testid="rules-approval-state"][data-required="true"]').getByText('Four-eyes approval is on for these rules', { exact: false }).waitFor();
    await page.getByTestId('rules-publish-confirm').getByText('Send for approval').waitFor();
    await page.getByTestId('rules-note').fill('Same remit rules, asked by Olivia');
    await page.getByTestId('rules-publish-confirm').click();
    await page.getByTestId('rules-change-requested').waitFor();
    await page.getByTestId('rules-change-requested-close').click();
    const own = page.locator('[data-testid="change-request"][data-own="true"]');
    await own.getByText('Your request: another ops manager approves it.').waitFor();
    expect(await own.getByTestId('change-request-approve').count()).toBe(0);

    // Another ops manager's request: Olivia approves it.
    const asked = await h.request('/rulesets/remit/versions', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ definition: remit, note: 'Same remit rules, asked by the other manager' }) });
    expect(asked.status).toBe(202);
    await page.reload();
    await page.getByTestId('tab-priority-rules').click();
    await page.getByTestId('decision-point-remit').click();
    const theirs = page.locator('[data-testid="change-request"][data-own="false"]');
    await theirs.getByText('Same remit rules, asked by the other manager', { exact: false }).waitFor();
    await checkScreen(page, 'four-eyes-pending', { fullPage: true });
    await theirs.getByTestId('change-request-approve').click();
    await page.getByTestId('ruleset-version-2').getByText('Same remit rules, asked by the other manager').waitFor();
    await theirs.waitFor({ state: 'detached' });
    await page.close();
  });
});
