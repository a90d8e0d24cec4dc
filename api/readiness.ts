import type { Client } from '@temporalio/client';
import { pendingMigrations } from '../store/migrate.ts';
import type { Store } from '../store/open-store.ts';

/** One thing a process needs before it can work; `check` rejects, with the detail for the log, when it cannot. */
export type ReadinessCheck = { name: string; check: () => Promise<void> };

export type Readiness = { ready: boolean; checks: { name: string; ok: boolean }[] };

// Shorter than a load balancer's probe timeout, so a stuck dependency is reported, not waited on.
const CHECK_TIMEOUT_MS = 2_000;

/**
 * What the API and the worker check before they say they are ready: the store answers a query, no migration
 * is pending (a rollout whose `./sluice migrate` has not run yet), and Temporal answers for the namespace.
 */
export function readinessChecks(store: Store, temporal: Client): ReadinessCheck[] {
  return [
    { name: 'store', check: async () => void (await store.em.getConnection().execute('select 1')) },
    {
      name: 'migrations',
      check: async () => {
        const pending = await pendingMigrations(store);
        if (pending.length > 0) throw new Error(`${pending.length} pending: run ./sluice migrate`);
      },
    },
    {
      name: 'temporal',
      check: async () => {
        await temporal.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => temporal.workflowService.describeNamespace({ namespace: temporal.options.namespace }));
      },
    },
  ];
}

/**
 * Runs every check at once, each within its time. The answer names the failing checks and nothing more: a
 * probe is public, and an error can carry a host name or a user name; the detail goes to the log, once per
 * change of a check's state so a probe every few seconds does not flood it.
 */
export function readinessProbe(checks: ReadinessCheck[], log: (line: string) => void): () => Promise<Readiness> {
  const failing = new Set<string>();
  return async () => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), CHECK_TIMEOUT_MS);
          if (failing.delete(name)) log(`readiness: ${name} is reachable again`);
          return { name, ok: true };
        } catch (error) {
          if (!failing.has(name)) log(`readiness: ${name} fails: ${error instanceof Error ? error.message : String(error)}`);
          failing.add(name);
          return { name, ok: false };
        }
      }),
    );
    return { ready: results.every((r) => r.ok), checks: results };
  };
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
