import { z } from 'zod';
import type { ApiDeps } from '../api-deps.ts';
import { readinessChecks, readinessProbe } from '../readiness.ts';
import { defineRoute } from '../registry/route.ts';
import { log } from '../../logging/logger.ts';

export const healthBody = z.object({ status: z.literal('ok') });
export const readinessBody = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.array(z.object({ name: z.string().max(40), ok: z.boolean() })).max(10),
});

/** Probes for a load balancer or an orchestrator: public, and they say nothing but what is up. */
export function healthRoutes(deps: ApiDeps) {
  const probe = readinessProbe(readinessChecks(deps.store, deps.temporal), (line) => log.warn(line));
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'getHealth',
      summary: 'Liveness: the process answers',
      tag: 'Health',
      access: 'public',
      responses: { 200: { description: 'The process is alive; restart it when this does not answer.', schema: healthBody } },
      handler: (c) => c.json({ status: 'ok' as const }),
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      operationId: 'getReadiness',
      summary: 'Readiness: the store and Temporal answer',
      tag: 'Health',
      access: 'public',
      responses: {
        200: { description: 'Ready to take requests: every check passed.', schema: readinessBody },
        503: { description: 'Not ready: the failing checks are named (`ok: false`); send requests elsewhere until it is ready.', schema: readinessBody },
      },
      handler: async (c) => {
        const { ready, checks } = await probe();
        return c.json({ status: ready ? ('ready' as const) : ('not_ready' as const), checks }, ready ? 200 : 503);
      },
    }),
  ];
}
