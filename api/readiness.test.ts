import { expect, it } from 'vitest';
import { readinessProbe, type ReadinessCheck } from './readiness.ts';

it('names the failing checks without their detail, logs each change of a check once, and gives up on a check that does not answer', async () => {
  let storeUp = true;
  const checks: ReadinessCheck[] = [
    {
      name: 'store',
      check: async () => {
        if (!storeUp) throw new Error('connect ECONNREFUSED 10.0.0.5:5432 as sluice_app');
      },
    },
    { name: 'temporal', check: () => new Promise(() => {}) },
  ];
  const lines: string[] = [];
  const probe = readinessProbe(checks, (line) => lines.push(line));

  expect(await probe()).toEqual({ ready: false, checks: [{ name: 'store', ok: true }, { name: 'temporal', ok: false }] });
  storeUp = false;
  const down = await probe();
  expect(down).toEqual({ ready: false, checks: [{ name: 'store', ok: false }, { name: 'temporal', ok: false }] });
  expect(JSON.stringify(down)).not.toContain('10.0.0.5');
  storeUp = true;
  await probe();
  expect(lines).toEqual([
    'readiness: temporal fails: no answer within 2000 ms',
    'readiness: store fails: connect ECONNREFUSED 10.0.0.5:5432 as sluice_app',
    'readiness: store is reachable again',
  ]);
}, 15_000);
