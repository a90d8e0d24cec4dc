import { DEFAULT_WORK_AREA } from '../store/seed.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import type { DemoApi } from '../scripts/demo/demo-api.ts';
import type { Harness } from './sluice-harness.ts';

/** The demo's API calls, made in the harness's app with an API token of the role. */
export const harnessDemoApi =
  (h: Harness): DemoApi =>
  (role, path, init = {}) =>
    h.request(path, {
      role,
      method: init.method ?? 'GET',
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });

/**
 * Readies the harness's store for the demo and answers the prefix of its demo areas. Area controllers are
 * workflows named by the area's id in a namespace every test shares: the demo's areas get the harness's own
 * prefix, and the default area every store has (pick-a) serves no demo zone, so no demo order waits there.
 */
export async function demoTestStore(h: Harness): Promise<string> {
  await h.store.em.fork().nativeUpdate(WorkAreaRecord, { id: DEFAULT_WORK_AREA.id }, { zone: 'not-a-demo-zone' });
  return `${h.workAreaId}-`;
}
