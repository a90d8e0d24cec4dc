import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessDemoApi } from '../../test/harness-demo-api.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';
import type { DemoApi } from './demo-api.ts';
import { runLiveDemo } from './live-demo.ts';
import { createDemoSetting, listOrders } from './seed-demo.ts';
import { seededRandom } from './seeded-random.ts';

/**
 * Integration (real Temporal dev server, real store): the live demo at ten hours a minute sends orders through
 * intake and carries them through the lifecycle by people's and drivers' actions, and stops when told.
 */
describe('the live demo', () => {
  let h: Harness;
  let api: DemoApi;
  beforeAll(async () => {
    h = await createHarness({ worker: true });
    api = harnessDemoApi(h);
    await createDemoSetting(api);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps orders arriving and work completing until it is stopped', { timeout: 240_000 }, async () => {
    const stop = new AbortController();
    const streams = { arrivals: seededRandom(1), orders: seededRandom(2), durations: seededRandom(3), outcomes: seededRandom(4) };
    const running = runLiveDemo(api, { speed: 600, arrivalsPerHour: 20, streams, signal: stop.signal, log: (line) => console.log(line) });
    // Finished work is the proof that it flows: an order arrived, was released, started (or picked up) and completed (or delivered).
    await eventually(async () => ((await listOrders(api, 'LIVE-')).filter((o) => o.state === 'closed').length >= 3 ? true : undefined), 'three live orders to be closed', 180_000);
    stop.abort();
    const tally = await running;
    expect(tally.arrived).toBeGreaterThanOrEqual(3);
    expect((tally.actions.complete ?? 0) + (tally.actions.deliver ?? 0)).toBeGreaterThan(0);

    // Stopped means stopped: no order arrives and nobody acts once it has answered.
    const after = (await listOrders(api, 'LIVE-')).map((o) => `${o.id}:${o.state}`).sort();
    expect(after.length).toBe(tally.arrived);
    await new Promise((r) => setTimeout(r, 2_000));
    const settled = await listOrders(api, 'LIVE-');
    expect(settled).toHaveLength(after.length);
  });
});
