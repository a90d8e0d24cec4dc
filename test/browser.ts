import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type axe from 'axe-core';
import { source as axeSource } from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '../launcher/repo-root.ts';
import { clockShifted, unshiftedEnv } from './clock-shift.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** WebGL without a GPU: Chromium renders it on the CPU with SwiftShader, for screens that draw a map. */
const SOFTWARE_WEBGL = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];

/** Debian's Chromium, headless; the flags keep it off a network this machine does not have. */
export function launchChromium(options: { webgl?: boolean | undefined } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: unshiftedEnv(),
    args: ['--no-sandbox', ...(options.webgl ? SOFTWARE_WEBGL : ['--disable-gpu']), '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A new page whose clock agrees with this process's: when the test run's clock is shifted (Chromium
 * keeps the machine's), the page's clock is set to ours and flows from there. It asks for reduced
 * motion, as the app honours it: axe then never judges a dialog's colours halfway through its fade-in.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await browser.newPage({ reducedMotion: 'reduce', ...options });
  if (clockShifted) await page.clock.install({ time: Date.now() });
  return page;
}

export const ARTIFACTS = join(repoRoot, 'test-artifacts');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * What a browser test does on each screen it visits: axe-core checks the page against WCAG 2.1 AA (a
 * violation fails the test, naming the rule and the elements), and a screenshot goes to test-artifacts/.
 */
export async function checkScreen(page: Page, name: string, screenshot: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), ...screenshot });
  // Evaluated through the debugging protocol, so the app's content security policy does not apply to it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, WCAG_21_AA);
  expect(violations, `${name}: WCAG 2.1 AA violations`).toEqual([]);
}

/**
 * Clicks until what the click should open is shown. For canvases that may still be settling (a layout, a
 * pan to a found node): a click that lands where a node was a moment before selects nothing. Each click
 * waits `perClick` for its result before the next, so a slow machine's late answer is not clicked away.
 */
export async function clickUntilShown(target: Locator, shown: Locator, { timeout = 60_000, perClick = 5_000 }: { timeout?: number; perClick?: number } = {}): Promise<void> {
  await expect
    .poll(async () => {
      await target.click();
      return shown.waitFor({ timeout: perClick }).then(() => true, () => false);
    }, { timeout })
    .toBe(true);
}
