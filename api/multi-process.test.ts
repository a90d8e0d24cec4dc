import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderSummary } from '../domain/order.ts';
import type { OrderEvent } from '../domain/order-event.ts';
import type { Role } from '../domain/roles.ts';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import { defaultPriorityRuleset } from '../rules/defaults/index.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';
import { startApiProcess, startWorkerProcess, stopProcesses } from '../test/sluice-processes.ts';
import { orderWorkflowId } from '../workflows/definitions.ts';
import { DEMO_USERS, seedDemoUsers } from './auth/bootstrap-users.ts';
import { FREE_ATTEMPTS, pauseAfter } from './auth/login-throttle.ts';

/**
 * Integration: two API processes and two worker processes on one store and one Temporal server, as
 * behind a load balancer. Whatever one process learns (a failure, a sign-out, a key, a publication, a
 * transition) the others must see, because nothing they share is kept in memory.
 */
describe('two API processes and two workers on one store', () => {
  let h: Harness;
  let apis: string[] = [];
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 20 });
    await seedDemoUsers(h.store.em.fork());
    const started = await Promise.all([startApiProcess(h), startApiProcess(h)]);
    children.push(...started.map((s) => s.child), ...(await Promise.all([startWorkerProcess(h), startWorkerProcess(h)])));
    apis = started.map((s) => s.url);
  }, 120_000);
  afterAll(async () => {
    await stopProcesses(children);
    await h?.close();
  });

  const call = async (api: number, path: string, init: RequestInit & { role?: Role } = {}) => {
    const { role = 'dispatcher', headers, ...rest } = init;
    return fetch(`${apis[api % 2]}${path}`, { ...rest, headers: { 'content-type': 'application/json', ...(await h.auth(role)), ...(headers as Record<string, string>) } });
  };
  const orderBody = (reference: string, dueInHours: number) =>
    JSON.stringify({ reference, account: 'ACME', dueAt: new Date(Date.now() + dueInHours * 3_600_000).toISOString(), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 1 }] });
  const post = async (api: number, reference: string, dueInHours = 24) => {
    const res = await call(api, '/orders', { method: 'POST', body: orderBody(reference, dueInHours) });
    expect(res.status).toBe(201);
    return ((await res.json()) as OrderSummary).id;
  };
  const stateOf = async (id: string) => (await h.store.em.fork().findOneOrFail(OrderRecord, { id }, { fields: ['state'] })).state;
  const login = (api: number, username: string, password: string) =>
    fetch(`${apis[api]}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const passwordOf = (username: string) => DEMO_USERS.find((u) => u.username === username)!.password;

  it('completes every order posted to either API exactly once', { timeout: 120_000 }, async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => post(i, `BOTH-${i}`)));
    let turn = 0;
    await eventually(
      async () => {
        const states = await Promise.all(ids.map(stateOf));
        for (const [i, state] of states.entries()) {
          const action = state === 'assigned' ? 'start' : state === 'in_progress' ? 'complete' : null;
          if (action) expect((await call(turn++, `/orders/${ids[i]}/actions`, { method: 'POST', body: JSON.stringify({ action, reason: 'two hosts' }) })).status).toBe(200);
        }
        return states.every((s) => s === 'closed') ? true : undefined;
      },
      'every order to close',
      90_000,
    );
    const log = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'order', subjectId: { $in: ids }, toState: { $in: ['released', 'completed', 'closed'] } });
    const times = (id: string, state: string) => log.filter((e) => e.subjectId === id && e.toState === state).length;
    expect(ids.map((id) => [times(id, 'released'), times(id, 'completed'), times(id, 'closed')])).toEqual(ids.map(() => [1, 1, 1]));
  });

  it('counts failed sign-ins made on either API together', async () => {
    for (let failure = 1; failure <= FREE_ATTEMPTS; failure++) {
      expect((await login(failure % 2, 'fred', 'not the password')).status).toBe(pauseAfter(failure) > 0 ? 429 : 401);
    }
    expect((await login(FREE_ATTEMPTS % 2 === 0 ? 1 : 0, 'fred', passwordOf('fred'))).status).toBe(429);
  });

  it('refuses on one API a session signed out on the other', async () => {
    const res = await login(0, 'dan', passwordOf('dan'));
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const me = () => fetch(`${apis[1]}/auth/me`, { headers: { cookie } });
    expect((await me()).status).toBe(200);
    expect((await fetch(`${apis[0]}/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } })).status).toBe(204);
    expect((await me()).status).toBe(401);
  });

  it('answers an intake retried on the other API with the order the first request created', async () => {
    const body = orderBody('ONCE', 24);
    const headers = { 'Idempotency-Key': `retry-${h.workAreaId}` };
    const first = await call(0, '/orders', { method: 'POST', body, headers });
    const retried = await call(1, '/orders', { method: 'POST', body, headers });
    expect([first.status, retried.status]).toEqual([201, 200]);
    expect(((await retried.json()) as OrderSummary).id).toBe(((await first.json()) as OrderSummary).id);
  });

  it('streams from one API the transitions made through the other', { timeout: 60_000 }, async () => {
    const id = await post(0, 'STREAMED');
    await eventually(async () => ((await stateOf(id)) === 'assigned' ? true : undefined), 'the order to be assigned');
    const stream = new AbortController();
    const res = await call(1, '/events', { signal: stream.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const events = () => text.split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice(6)) as Partial<OrderEvent>);
    const readUntil = async (seen: () => boolean) => {
      while (!seen()) text += (await reader.read()).value ?? '';
    };
    await readUntil(() => text.includes('event: ready'));
    expect((await call(0, `/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'start', reason: 'streamed' }) })).status).toBe(200);
    await readUntil(() => events().some((e) => e.orderId === id && e.state === 'in_progress'));
    stream.abort();
  });

  it('decides with a ruleset published through one API on every worker', { timeout: 120_000 }, async () => {
    const tripled: RulesetDefinition = structuredClone(defaultPriorityRuleset);
    for (const rule of tripled.rules) rule.event.params.points = (rule.event.params.points as number) * 3;
    const res = await call(0, '/rulesets/priority/versions', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ definition: tripled, note: 'Triple', override: { reason: 'The shipped cases expect the old weights' } }) });
    expect(res.status).toBe(201);
    const { version } = (await res.json()) as { version: number };

    // Orders until both workers have decided some, each of them with the new version.
    const workers = new Set<string>();
    for (let batch = 0; workers.size < 2 && batch < 5; batch++) {
      const ids = await Promise.all(Array.from({ length: 4 }, (_, i) => post(i, `TRIPLED-${batch}-${i}`, 3)));
      for (const id of ids) {
        const decided = await eventually(async () => ((o) => (o.decisions.some((d) => d.decisionPoint === 'priority') ? o : undefined))((await (await call(1, `/orders/${id}`)).json()) as OrderDetail), `order ${id} to be prioritised`);
        expect(decided.decisions.filter((d) => d.decisionPoint === 'priority').map((d) => [d.rulesetVersion, d.outcome.score])).toEqual([[version, 90]]);
        workers.add(await priorityWorkerOf(id));
      }
    }
    expect(workers.size).toBe(2);
  });

  /**
   * The identity of the worker that ran the order's priority decision, from its workflow history: a local
   * activity is a marker recorded by the workflow task that ran it, and that task's completion names its worker.
   */
  const priorityWorkerOf = (orderId: string) =>
    eventually(async () => {
      const events = (await h.client.workflow.getHandle(orderWorkflowId(orderId)).fetchHistory()).events ?? [];
      // The priority decision is made with the record of the intake's outcome: its marker answers the decision's id.
      const marker = events.find((e) => {
        const result = e.markerRecordedEventAttributes?.details?.result?.payloads?.[0]?.data;
        return result && /"decisionId"/.test(Buffer.from(result).toString());
      });
      const completed = marker && events.find((e) => Number(e.eventId) === Number(marker.markerRecordedEventAttributes!.workflowTaskCompletedEventId));
      return completed?.workflowTaskCompletedEventAttributes?.identity ?? undefined;
    }, `the worker of order ${orderId}'s priority decision`);
});
