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
