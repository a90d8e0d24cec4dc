import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

/** An order processor keeps a customer's record and cannot touch its credit; finance sets the credit limit. */
describe('accounts in the browser', () => {
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

  async function accountsAs(username: string): Promise<Page> {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-accounts').click();
    await page.getByTestId('accounts-table').waitFor();
    return page;
  }

  it('a processor adds an account and a contact but not its credit; finance sets the credit limit', async () => {
    const processor = await accountsAs('paula');
    await processor.getByTestId('account-add').click();
    await processor.getByTestId('account-code').fill('NORTHWIND');
    await processor.getByTestId('account-name').fill('Northwind Traders');
    await processor.getByTestId('account-save-profile').click();
    const drawer = processor.getByTestId('account-drawer');
    await drawer.getByText('Account NORTHWIND').waitFor();
    await expect.poll(() => drawer.getByTestId('account-limit').isDisabled()).toBe(true);
    expect(await drawer.getByTestId('account-save-credit').count()).toBe(0);
    await drawer.getByTestId('contact-name').fill('Jo Buyer');
    await drawer.getByLabel('Email').fill('jo@northwind.example');
    await drawer.getByTestId('contact-add').click();
    await drawer.getByTestId('account-contacts').getByText('jo@northwind.example').waitFor();
    await drawer.getByTestId('account-exposure').waitFor();
    await checkScreen(processor, 'accounts-processor-drawer', { fullPage: true });
    await processor.close();

    const finance = await accountsAs('fred');
    expect(await finance.getByTestId('account-add').count()).toBe(0);
    await finance.getByTestId('account-open-NORTHWIND').click();
    const credit = finance.getByTestId('account-drawer');
    await expect.poll(() => credit.getByTestId('account-name').isDisabled()).toBe(true);
    await credit.getByTestId('account-terms').click();
    await finance.getByRole('option', { name: 'Net 30 days' }).click();
    await credit.getByTestId('account-limit').fill('2500');
    await credit.getByTestId('account-save-credit').click();
    await credit.getByTestId('account-saved').getByText('Credit saved.').waitFor();
    await credit.getByTestId('account-exposure').getByText('2,500.00').waitFor();
    await checkScreen(finance, 'accounts-finance-drawer', { fullPage: true });
    await finance.keyboard.press('Escape');
    await finance.getByTestId('accounts-table').getByText('Net 30 days').waitFor();
    await checkScreen(finance, 'accounts-table');
    await finance.close();
  });
});
