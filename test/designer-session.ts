import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { seedDemoUsers } from '../api/auth/bootstrap-users.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { launchChromium } from './browser.ts';
import { createHarness, type Harness } from './sluice-harness.ts';

/** The built designer served by the real API on a loopback port, its demo people, and Chromium to drive it. */
export interface DesignerSession {
  h: Harness;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function openDesigner(options: { wipLimit?: number; worker?: boolean; webgl?: boolean } = {}): Promise<DesignerSession> {
  const { webgl, ...harness } = options;
  const h = await createHarness({ ...harness, staticDir: join(repoRoot, 'designer/dist') });
  await seedDemoUsers(h.store.em.fork());
  const server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium({ webgl });
  return {
    h,
    url,
    browser,
    async close() {
      await browser.close();
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close();
      await h.close();
    },
  };
}
