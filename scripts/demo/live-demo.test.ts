import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntryRecord } from '../../store/audit-entry.entity.ts';
import { demoTestStore, harnessDemoApi } from '../../test/harness-demo-api.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';
import type { DemoApi } from './demo-api.ts';
import { runLiveDemo } from './live-demo.ts';
import { createDemoSetting, listOrders } from './seed-demo.ts';
import { RandomStreams } from '../../sim/random-streams.ts';

/**
 * Integration (real Temporal dev server, real store): the live demo at ten hours a minute sends orders through
 * intake and carries them through the lifecycle by people's and drivers' actions, and stops when told.
 */
describe('the live demo', () => {
  let h: Harness;
  let api: DemoApi;
  let prefix: string;
  beforeAll(async () => {
    h = await createHarness({ worker: true });
    api = harnessDemoApi(h);
    prefix = await demoTestStore(h);
    await createDemoSetting(api, prefix);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps orders arriving and work completing until it is stopped', { timeout: 240_000 }, async () => {
    const stop = new AbortController();
    const running = runLiveDemo(api, { speed: 600, arrivalsPerHour: 20, streams: new RandomStreams(20261206, 0), signal: stop.signal, areaPrefix: prefix, log: (line) => console.log(line) });
    // Finished work is the proof that it flows: an order arrived, was released, started (or picked up) and completed (or delivered).
    // and a production order's routing step was reported done on the floor.
    const stepsDone = () => h.store.em.fork().count(AuditEntryRecord, { action: 'OPERATION_COMPLETED' });
    await eventually(async () => ((await listOrders(api, 'LIVE-')).filter((o) => o.state === 'closed').length >= 3 && (await stepsDone()) > 0 ? true : undefined), 'three live orders closed, a step done', 180_000);
    stop.abort();
    const tally = await running;
    expect(tally.arrived).toBeGreaterThanOrEqual(3);
    expect((tally.actions.complete ?? 0) + (tally.actions.deliver ?? 0) + (tally.actions.operation_completed ?? 0)).toBeGreaterThan(0);
    expect(tally.actions.operation_completed).toBeGreaterThan(0);

    // Stopped means stopped: no order arrives and nobody acts once it has answered.
    const after = (await listOrders(api, 'LIVE-')).map((o) => `${o.id}:${o.state}`).sort();
    expect(after.length).toBe(tally.arrived);
    await new Promise((r) => setTimeout(r, 2_000));
    const settled = await listOrders(api, 'LIVE-');
    expect(settled).toHaveLength(after.length);
  });
});
