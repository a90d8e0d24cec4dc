import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createApp } from '../api/app.ts';
import { issueToken, secretHashOf } from '../api/auth/api-tokens.ts';
import type { OrderDetail, OrderSummary } from '../domain/order.ts';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import type { Role } from '../domain/roles.ts';
import { freePort } from '../launcher/free-port.ts';
import { repoRoot } from '../launcher/repo-root.ts';
import { DEFAULT_RULESETS } from '../rules/defaults/index.ts';
import { startDevServer } from '../launcher/temporal-dev-server.ts';
import { ApiTokenRecord } from '../store/api-token.entity.ts';
import { openStore } from '../store/open-store.ts';
import { seedDefaults } from '../store/seed.ts';
import { bundleWorkflows, createSluiceWorker } from '../worker/create-worker.ts';
import { CYCLE_TELLS_ORDERS_PATCH } from '../workflows/area-controller.workflow.ts';
import { areaWorkflowId, ORDER_WORKFLOW_REVISION, orderWorkflowId } from '../workflows/definitions.ts';
import { tripWorkflowId } from '../workflows/trip-definitions.ts';

/**
 * `npm run histories:record`: drives the lifecycle's main paths on a fresh dev server and saves each
 * order's (and trip's) workflow history under workflows/histories/. The replay test replays them on every change,
 * so a change to the machine or the workflow that would break running orders fails CI. Re-record only
 * when a change is deliberately incompatible and running orders are handled (patched() or versioning):
 * existing recordings are kept, new scenarios are added.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });
const dir = mkdtempSync(join(tmpdir(), 'sluice-record-'));
const server = await startDevServer({ ip: '127.0.0.1', port: await freePort(), uiPort: false, namespace: 'default', logLevel: 'error' });
const store = await openStore({ kind: 'sqlite', file: join(dir, 'sluice.sqlite') }, { migrate: true });
await seedDefaults(store.em.fork());
const taskQueue = 'record-histories';
const client = new Client({ connection: await Connection.connect({ address: server.address }) });
const worker = await createSluiceWorker({ connection: await NativeConnection.connect({ address: server.address }), namespace: 'default', taskQueue, store, client, workflowBundle: await bundleWorkflows() });
const running = worker.run();
const app = createApp({ store, temporal: client, taskQueue });

async function as(role: Role): Promise<Record<string, string>> {
  const issued = issueToken();
  const em = store.em.fork();
  em.create(ApiTokenRecord, { id: issued.id, name: role, role, secretHash: secretHashOf(issued.secret), createdBy: 'recorder', createdAt: new Date(), lastUsedAt: null, revokedAt: null });
  await em.flush();
  return { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' };
}
const tokens = { dispatcher: await as('dispatcher'), specialist: await as('specialist'), finance: await as('finance'), ops_manager: await as('ops_manager') };
const call = async <T>(path: string, body?: unknown, role: keyof typeof tokens = 'dispatcher', method?: 'PUT'): Promise<T> => {
  const res = await app.request(path, { method: method ?? (body === undefined ? 'GET' : 'POST'), headers: tokens[role], ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const until = async (id: string, state: string, tries = 200) => {
  for (let i = 0; i < tries; i++) {
    if ((await call<OrderDetail>(`/orders/${id}`)).state === state) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`order ${id} never reached ${state}`);
};
const order = (reference: string, extra: Record<string, unknown> = {}) =>
  call<OrderSummary>('/orders', { reference, account: 'ACME', dueAt: new Date(Date.now() + 48 * 3_600_000).toISOString(), lines: [{ sku: 'A', qty: 1, price: 1 }, { sku: 'B', qty: 2, price: 3 }], ...extra });
const act = (id: string, action: string, extra: Record<string, unknown> = {}, role: keyof typeof tokens = 'dispatcher') =>
  call(`/orders/${id}/actions`, { action, reason: 'recorded', ...extra }, role);
/** A person's steps on an order, one after the other. */
const finish = async (id: string, steps: [string, Record<string, unknown>?][]) => {
  for (const [action, extra] of steps) await act(id, action, extra);
};

// Named by the revision the orders start on: older revisions' recordings stay beside them.
const REV = `v${ORDER_WORKFLOW_REVISION}`;
const recorded: Record<string, string> = {};
try {
  // Every kind's happy path, one at a time through the one-slot default area.
  const FIELD: [string, Record<string, unknown>?][] = [['pick_up'], ['depart'], ['deliver']];
  const HAPPY: Record<string, [string, Record<string, unknown>?][]> = {
    pick: [['start'], ['complete']],
    production: [['start'], ['complete']],
    delivery: FIELD,
    on_demand: FIELD,
    pickup: FIELD,
    pickup_delivery: [['pick_up'], ['stage'], ['depart'], ['deliver']],
  };
  for (const [kind, steps] of Object.entries(HAPPY)) {
    const o = await order(`HAPPY-${kind}`, { kind });
    await until(o.id, 'assigned');
    await finish(o.id, steps);
    await until(o.id, 'closed');
    recorded[`${REV}-${kind}-happy-path`] = o.id;
  }

  // Cash on delivery: finance confirms the remit before the order closes.
  const cod = await order('COD', { kind: 'delivery', paymentMode: 'cod' });
  await until(cod.id, 'assigned');
  await finish(cod.id, [['pick_up'], ['depart'], ['deliver', { amount: 7 }]]);
  await until(cod.id, 'awaiting_remit');
  await act(cod.id, 'confirm_remit', { amount: 7 }, 'finance');
  recorded[`${REV}-delivery-cod-remit`] = cod.id;

  // A failed attempt, a return, requeued by the return rules, then delivered.
  const returned = await order('RETURNED', { kind: 'delivery' });
  await until(returned.id, 'assigned');
  await finish(returned.id, [['pick_up'], ['depart'], ['fail_attempt'], ['return', { returnReason: 'not_home' }]]);
  await until(returned.id, 'assigned');
  await finish(returned.id, FIELD);
  recorded[`${REV}-delivery-failed-attempt-returned`] = returned.id;

  // Held at intake for credit, released by finance; a manual hold blocks the start until released.
  const credit = await order('CREDIT', { paymentMode: 'credit_terms', checks: { creditBalance: 12_000, creditLimit: 10_000 } });
  await until(credit.id, 'on_hold');
  await act(credit.id, 'release_hold', { holdType: 'credit' }, 'finance');
  await until(credit.id, 'assigned');
  await act(credit.id, 'hold', { holdType: 'manual' });
  await act(credit.id, 'release_hold', { holdType: 'manual' });
  await finish(credit.id, [['start'], ['complete']]);
  recorded[`${REV}-credit-hold-and-manual-hold`] = credit.id;

  // A major account's order: a specialist claims and splits it; the children run on their own.
  const major = await order('MAJOR', { accountTier: 'major' });
  await until(major.id, 'specialist_review');
  await act(major.id, 'claim', {}, 'specialist');
  await act(major.id, 'split', { parts: [[0], [1]] }, 'specialist');
  await until(`${major.id}-1`, 'assigned');
  await finish(`${major.id}-1`, [['start'], ['complete']]);
  await until(`${major.id}-2`, 'assigned');
  await finish(`${major.id}-2`, [['start'], ['complete']]);
  recorded[`${REV}-specialist-split`] = major.id;
  recorded[`${REV}-split-child`] = `${major.id}-1`;

  // Waits behind another order, escalated, resolved, force-released past the limit; the blocker is
  // escalated, sent back to the pool, and cancelled there.
  const blocker = await order('BLOCKER');
  await until(blocker.id, 'assigned');
  const waiting = await order('WAITING');
  await until(waiting.id, 'queued');
  await act(waiting.id, 'escalate', { role: 'dispatcher' });
  await act(waiting.id, 'resolve');
  await act(waiting.id, 'force_release');
  await until(waiting.id, 'assigned');
  await act(blocker.id, 'escalate');
  await act(blocker.id, 'resolve', { resolveTo: 'queued' });
  await act(blocker.id, 'cancel');
  // The default area has no resources on record: its team is the one it reassigns to.
  await finish(waiting.id, [['reassign', { resource: `${waiting.workAreaId} team` }], ['start'], ['complete']]);
  recorded[`${REV}-escalated-force-released`] = waiting.id;
  recorded[`${REV}-escalated-back-to-pool-cancelled`] = blocker.id;

  // A review claimed by one specialist, taken over by an ops manager and handed back, then approved.
  const claimed = await order('CLAIMED', { accountTier: 'major' });
  await until(claimed.id, 'specialist_review');
  await act(claimed.id, 'claim', {}, 'specialist');
  await act(claimed.id, 'claim', {}, 'ops_manager');
  await act(claimed.id, 'reassign', { resource: 'token:specialist' }, 'ops_manager');
  await act(claimed.id, 'approve', {}, 'specialist');
  await until(claimed.id, 'assigned');
  await finish(claimed.id, [['start'], ['complete']]);
  recorded[`${REV}-claim-taken-over-and-handed-back`] = claimed.id;

  // Cash on delivery remitted short: the remit rules send it to finance review, and finance closes it.
  const short = await order('REMIT-SHORT', { kind: 'delivery', paymentMode: 'cod' });
  await until(short.id, 'assigned');
  await finish(short.id, [['pick_up'], ['depart'], ['deliver', { amount: 7 }]]);
  await until(short.id, 'awaiting_remit');
  await act(short.id, 'confirm_remit', { amount: 3 }, 'finance');
  await act(short.id, 'resolve', { resolveTo: 'closed' }, 'finance');
  recorded[`${REV}-delivery-remit-short`] = short.id;

  // Held at intake for stock the capturing system then reports arrived; a manual hold is not its to clear.
  const stock = await order('STOCK', { checks: { inventoryShort: true } });
  await until(stock.id, 'on_hold');
  await call(`/orders/${stock.id}/holds/inventory/cause-cleared`, {});
  await until(stock.id, 'assigned');
  await finish(stock.id, [['start'], ['complete']]);
  recorded[`${REV}-inventory-hold-cause-cleared`] = stock.id;

  // Held at intake for catalogue stock its warehouse lacks, split by availability by a specialist: the part in
  // stock goes on, the rest waits on its own inventory hold until a receipt covers it.
  for (const sku of ['GEAR', 'BELT']) await call(`/products/${sku}`, { name: sku }, 'ops_manager', 'PUT');
  await call('/stock/receipts', { id: 'RECORD-1', warehouse: 'W1', lines: [{ sku: 'GEAR', qty: 1 }] });
  const shortOne = await order('SPLIT-SHORT', { warehouse: 'W1', lines: [{ sku: 'GEAR', qty: 1, price: 1 }, { sku: 'BELT', qty: 2, price: 3 }] });
  await until(shortOne.id, 'on_hold');
  await act(shortOne.id, 'split', { parts: [[0], [1]] }, 'specialist');
  await until(`${shortOne.id}-1`, 'assigned');
  await finish(`${shortOne.id}-1`, [['start'], ['complete']]);
  await until(`${shortOne.id}-2`, 'on_hold');
  await call('/stock/receipts', { id: 'RECORD-2', warehouse: 'W1', lines: [{ sku: 'BELT', qty: 2 }] });
  await until(`${shortOne.id}-2`, 'assigned');
  await finish(`${shortOne.id}-2`, [['start'], ['complete']]);
  recorded[`${REV}-split-from-inventory-hold`] = shortOne.id;
  recorded[`${REV}-split-part-waiting-for-stock`] = `${shortOne.id}-2`;

  // A routed production order whose steps the floor reports done, one by one; the last completes it.
  for (const id of ['line-a', 'line-b']) await call('/work-areas', { id, name: id, kind: 'production_line', capacity: { wipLimit: 2 } }, 'ops_manager');
  const routed = await order('ROUTED', { kind: 'production', workAreaId: 'line-a', routing: [{ workAreaId: 'line-a', hours: 1 }, { workAreaId: 'line-b', hours: 2 }] });
  await until(routed.id, 'assigned');
  await act(routed.id, 'start');
  for (const position of [1, 2]) await call(`/orders/${routed.id}/operations/${position}/complete`, {});
  await until(routed.id, 'closed');
  recorded[`${REV}-production-operations-completed`] = routed.id;

  // Escalation rules published to re-decide: a queued order's running deadline is decided again, shorter,
  // fires and escalates it; its blocker done, the area releases it from its escalation and it completes.
  const ahead = await order('AHEAD');
  await until(ahead.id, 'assigned');
  const redecided = await order('DEADLINE-REDECIDED');
  await until(redecided.id, 'queued');
  const oneMinute = structuredClone(DEFAULT_RULESETS.escalation);
  for (const rule of oneMinute.rules) if (JSON.stringify(rule.conditions).includes('"queued"')) rule.event.params = { minutes: 1, role: 'dispatcher' };
  const publishEscalation = (definition: RulesetDefinition, inFlight: string) =>
    call('/rulesets/escalation/versions', { definition, note: 'recorded', inFlight, override: { reason: 'recorded' } }, 'ops_manager');
  await publishEscalation(oneMinute, 'redecide_now');
  // The deadline counts from the order's entry into the pool: a minute after it, whenever the publish came.
  await until(redecided.id, 'escalated', 2_400);
  await finish(ahead.id, [['start'], ['complete']]);
  await until(redecided.id, 'assigned');
  await finish(redecided.id, [['start'], ['complete']]);
  await publishEscalation(DEFAULT_RULESETS.escalation, 'keep');
  recorded[`${REV}-deadline-redecided`] = redecided.id;

  // Trips: one dispatched, then cancelled; one its driver completes through the driver API.
  await call('/work-areas', { id: 'record-drivers', name: 'Drivers', kind: 'driver_pool', zone: null, capacity: { wipLimit: 10 } }, 'ops_manager');
  await call('/work-areas/record-drivers/resources', { id: 'record-ana', name: 'Ana', kind: 'driver', capacity: 10 }, 'ops_manager');
  const { token } = await call<{ token: string }>('/drivers/record-ana/tokens', {});
  const dispatchedTrip = async (reference: string) => {
    const o = await order(reference, { kind: 'delivery', workAreaId: 'record-drivers', dropoffLocation: { lat: 52.1, lng: 5.1 } });
    await until(o.id, 'assigned');
    const trip = await call<{ id: string }>('/trips', { driverId: 'record-ana', stops: [{ orderId: o.id, kind: 'dropoff' }] });
    await call(`/trips/${trip.id}/dispatch`, {});
    return { orderId: o.id, tripId: trip.id };
  };
  const trips: Record<string, string> = {};
  const cancelled = await dispatchedTrip('TRIP-CANCELLED');
  await call(`/trips/${cancelled.tripId}/cancel`, { reason: 'recorded' });
  trips['trip-dispatched-cancelled'] = cancelled.tripId;
  const driven = await dispatchedTrip('TRIP-DRIVEN');
  const report = await app.request(`/driver/trips/${driven.tripId}/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ orderId: driven.orderId, kind: 'dropoff', status: 'done' }),
  });
  if (!report.ok) throw new Error(`driver report: ${report.status} ${await report.text()}`);
  trips['trip-started-completed'] = driven.tripId;

  const save = async (name: string, workflowId: string) => {
    const file = join(repoRoot, 'workflows/histories', `${name}.json`);
    // A recording made by older code is what proves compatibility: it is never overwritten.
    if (existsSync(file)) return console.log(`kept workflows/histories/${name}.json`);
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    writeFileSync(file, `${JSON.stringify(history, null, 1)}\n`);
    console.log(`recorded workflows/histories/${name}.json (${history.events?.length ?? 0} events)`);
  };
  for (const [name, id] of Object.entries(recorded)) {
    await client.workflow.getHandle(orderWorkflowId(id)).result();
    await save(name, orderWorkflowId(id));
  }
  for (const [name, id] of Object.entries(trips)) {
    await client.workflow.getHandle(tripWorkflowId(id)).result();
    await save(name, tripWorkflowId(id));
  }
  // The pick orders' area controller, named by the newest patch it runs with; it never ends, so it replays as far as it got.
  const { workAreaId } = await call<OrderDetail>(`/orders/${recorded[`${REV}-pick-happy-path`]}`);
  await save(`area-controller-${CYCLE_TELLS_ORDERS_PATCH}`, areaWorkflowId(workAreaId));
} finally {
  worker.shutdown();
  await running;
  await store.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
