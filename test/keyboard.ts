import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { openPage } from './browser.ts';

/** The focused element's test id, tag and classes: enough to say where the keyboard is. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { testId: el?.getAttribute('data-testid') ?? null, tag: el?.tagName ?? null, text: el?.textContent?.trim().slice(0, 60) ?? '', node: el?.classList.contains('react-flow__node') ?? false };
  });

/** Presses Tab (or Shift+Tab) until the element matching `selector` has the focus; returns how many presses it took. */
export async function tabTo(page: Page, selector: string, { back = false, max = 80 } = {}): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
  }
  throw new Error(`${selector} is not reached in ${max} ${back ? 'Shift+Tab' : 'Tab'} presses; the focus is on ${JSON.stringify(await focused(page))}`);
}

/** Waits until the element with this test id has the focus: where the keyboard goes on from. */
export const focusOn = (page: Page, testId: string) => page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId);

/** Signs a demo person in by typing alone; the keyboard then starts from the page's main heading, not the body. */
export async function signInByKeyboard(browser: Browser, url: string, username: string): Promise<Page> {
  const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
  await page.goto(url);
  await page.getByTestId('login-username').waitFor();
  expect((await focused(page)).testId).toBe('login-username');
  await page.keyboard.type(username);
  await tabTo(page, '[data-testid="login-password"]');
  await page.keyboard.type(DEMO_USERS.find((u) => u.username === username)!.password);
  await page.keyboard.press('Enter');
  await page.getByTestId('user-menu').waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('main h2'));
  return page;
}
