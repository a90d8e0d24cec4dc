import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { clockShifted, unshiftedEnv } from './clock-shift.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless; the flags keep it off a network this machine does not have. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: unshiftedEnv(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A new page whose clock agrees with this process's: when the test run's clock is shifted (Chromium
 * keeps the machine's), the page's clock is set to ours and flows from there.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await browser.newPage(options);
  if (clockShifted) await page.clock.install({ time: Date.now() });
  return page;
}
