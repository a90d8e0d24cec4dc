import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewOrder, OrderDetail, OrderState, OrderSummary } from '../domain/order.ts';
import type { Role } from '../domain/roles.ts';
import { issueToken, secretHashOf } from '../api/auth/api-tokens.ts';
import { seedDemoUsers } from '../api/auth/bootstrap-users.ts';
import { ApiTokenRecord } from '../store/api-token.entity.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { OrderSkuRecord } from '../store/order-sku.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';
import { hoursFromNow } from '../test/clock.ts';
import { holdCauseClearedSignal, orderWorkflowId, releaseEscalationSignal } from './definitions.ts';

type OrderInput = Partial<Omit<NewOrder, 'checks'>> & { checks?: NewOrder['checks'] };

/**
 * Integration, one path of the lifecycle per test: the real dev server, a worker, the default rules and
 * the API, acting as the role each step needs.
 */
describe('lifecycle paths', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 50, worker: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  let n = 0;
  const post = async (order: OrderInput = {}): Promise<OrderSummary> => {
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ reference: `PATH-${++n}`, account: 'ACME', dueAt: new Date(Date.now() + 8 * 3_600_000).toISOString(), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 2, price: 30 }], ...order }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as OrderSummary;
  };
  const act = async (id: string, role: Role, body: Record<string, unknown>) => {
    const res = await h.request(`/orders/${id}/actions`, { method: 'POST', role, body: JSON.stringify({ reason: 'test', ...body }) });
    return { status: res.status, body: (await res.json()) as OrderDetail & { error?: { message: string } } };
  };
  const ok = async (id: string, role: Role, body: Record<string, unknown>) => {
    const answer = await act(id, role, body);
    expect(answer.status, answer.body.error?.message).toBe(200);
    return answer.body;
  };
  const reach = (id: string, state: OrderState) => h.reach(id, state);
  /** A second identity of a role: the harness has one token per role. */
  const tokenFor = async (name: string, role: Role) => {
    const issued = issueToken();
    const tx = h.store.em.fork();
    tx.create(ApiTokenRecord, { id: issued.id, name, role, secretHash: secretHashOf(issued.secret), createdBy: 'test', createdAt: new Date(), lastUsedAt: null, revokedAt: null });
    await tx.flush();
    return { authorization: `Bearer ${issued.token}` };
  };

  it('fulfilment: validating → queued → released → assigned → in progress → completed → closed', async () => {
    const order = await post({ kind: 'production' });
    await reach(order.id, 'assigned');
    await ok(order.id, 'dispatcher', { action: 'start' });
    await ok(order.id, 'dispatcher', { action: 'complete' });
    const done = await reach(order.id, 'closed');
    expect(done.timeline.map((t) => t.to)).toEqual(['validating', 'validating', 'queued', 'released', 'assigned', 'in_progress', 'completed', 'closed']);
    expect(done.assignee).toBe(`${h.workAreaId} team`);
    expect(done.lastMileStatus).toBeNull();
    expect(await h.client.workflow.getHandle(orderWorkflowId(order.id)).result()).toBe('closed');
  });

  it('delivery, cash on delivery: the last-mile status follows, and finance confirms the remit before it closes', async () => {
    const order = await post({ kind: 'delivery', paymentMode: 'cod', checks: { addressVerified: true } });
    expect((await reach(order.id, 'assigned')).lastMileStatus).toBe('Assigned');
    expect((await ok(order.id, 'dispatcher', { action: 'pick_up' })).lastMileStatus).toBe('Picked Up');
    expect((await ok(order.id, 'dispatcher', { action: 'depart' })).lastMileStatus).toBe('In Transit');
    const delivered = await ok(order.id, 'dispatcher', { action: 'deliver', amount: 60 });
    expect(delivered).toMatchObject({ state: 'awaiting_remit', lastMileStatus: 'Delivered' });
    expect(delivered.decisions.at(-2)).toMatchObject({ decisionPoint: 'remit', facts: { paymentMode: 'cod', amountExpected: 60, amountCollected: 60, variance: 0 } });

    const refused = await act(order.id, 'dispatcher', { action: 'confirm_remit', amount: 60 });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe('The action "confirm_remit" needs the finance role.');
    const closed = await ok(order.id, 'finance', { action: 'confirm_remit', amount: 60 });
    expect(closed).toMatchObject({ state: 'closed', lastMileStatus: 'Delivered' });
  });

  it('delivery: a remit confirmed short of the amount due goes to finance review, with the amount recorded', async () => {
    const order = await post({ kind: 'delivery', paymentMode: 'cod', lines: [{ sku: 'A', qty: 4, price: 30 }], checks: { addressVerified: true } });
    await reach(order.id, 'assigned');
    for (const action of ['pick_up', 'depart']) await ok(order.id, 'dispatcher', { action });
    expect(await ok(order.id, 'dispatcher', { action: 'deliver', amount: 120 })).toMatchObject({ state: 'awaiting_remit' });
    const short = await ok(order.id, 'finance', { action: 'confirm_remit', amount: 50 });
    expect(short).toMatchObject({ state: 'escalated', escalation: { from: 'awaiting_remit', role: 'finance', reason: 'The cash collected differs from the amount due.' } });
    expect(short.timeline.find((t) => t.event === 'CONFIRM_REMIT')).toMatchObject({ from: 'awaiting_remit', to: 'awaiting_remit' });
    const audit = await h.store.em.fork().findOneOrFail(AuditEntryRecord, { subjectId: order.id, action: 'CONFIRM_REMIT' });
    expect(audit.data).toMatchObject({ amount: 50 });
    expect(short.decisions.filter((d) => d.decisionPoint === 'remit').at(-1)).toMatchObject({ facts: { amountExpected: 120, amountCollected: 50, variance: -70 } });
  });

  it('delivery: finance confirming the full amount closes the order, however much cash its driver still holds elsewhere', async () => {
    const order = await post({ kind: 'delivery', paymentMode: 'cod', lines: [{ sku: 'A', qty: 4, price: 30 }], checks: { addressVerified: true } });
    await reach(order.id, 'assigned');
    for (const action of ['pick_up', 'depart']) await ok(order.id, 'dispatcher', { action });
    const delivered = await ok(order.id, 'dispatcher', { action: 'deliver', amount: 120 });
    expect(delivered).toMatchObject({ state: 'awaiting_remit' });
    // The driver now owes three other remittances: the rules' "unsettled cash" review is for cash still in a
    // driver's hands, not for cash finance confirms it holds (which looped confirmation → review → confirmation).
    const em = h.store.em.fork();
    for (let i = 0; i < 3; i++) {
      em.create(OrderRecord, {
        id: `${order.id}-owed-${i}`, reference: null, account: 'ACME', kind: 'delivery', statedPriority: 'normal', dueAt: new Date(hoursFromNow(1)), workAreaId: h.workAreaId,
        lines: [{ sku: 'A', qty: 1, price: 1 }], paymentMode: 'cod', state: 'awaiting_remit', parentId: null, priorityScore: null, assignee: delivered.assignee,
      });
    }
    await em.flush();
    expect(await ok(order.id, 'finance', { action: 'confirm_remit', amount: 120 })).toMatchObject({ state: 'closed' });
  });

  it('only an integration reports a hold’s cause gone, and only for a hold the intake rules placed; a refusal changes nothing', async () => {
    const order = await post({ checks: { inventoryShort: true } });
    await reach(order.id, 'on_hold');
    await ok(order.id, 'dispatcher', { action: 'hold', holdType: 'manual', reason: 'Customer asked to wait' });
    const report = async (type: string, headers: Record<string, string>) => {
      const res = await h.app.request(`/orders/${order.id}/holds/${type}/cause-cleared`, { method: 'POST', headers });
      return { status: res.status, body: (await res.json()) as { error?: { message: string } } };
    };
    await seedDemoUsers(h.store.em.fork());
    const signedIn = await h.app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dan', password: 'sluice-demo-dispatch' }) });
    const session = { cookie: signedIn.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': ((await signedIn.json()) as { csrfToken: string }).csrfToken };
    expect(await report('inventory', session)).toMatchObject({ status: 403, body: { error: { message: expect.stringContaining('a person releases a hold with the release_hold action') } } });
    const token = await h.auth('dispatcher');
    expect(await report('manual', token)).toMatchObject({ status: 409, body: { error: { message: 'The manual hold was placed by token:test dispatcher, not by the intake rules or the stock check at release: a person releases it (release_hold).' } } });
    expect(await report('pricing', token)).toMatchObject({ status: 409, body: { error: { message: 'The order has no pricing hold.' } } });
    expect((await h.getOrder(order.id)).holds.map((hold) => hold.type)).toEqual(['inventory', 'manual']);
    // A report that slipped past the API is not the workflow's to act on either (it takes signals in order).
    await h.client.workflow.getHandle(orderWorkflowId(order.id)).signal(holdCauseClearedSignal, { holdType: 'manual', source: 'token:late' });

    expect((await report('inventory', token)).status).toBe(202);
    await eventually(async () => ((o) => (o.holds.length === 1 ? o : undefined))(await h.getOrder(order.id)), 'the inventory hold released');
    expect(await h.getOrder(order.id)).toMatchObject({ state: 'on_hold', holds: [{ type: 'manual' }] });
  });

  it('delivery: a cash variance goes to finance review', async () => {
    const order = await post({ kind: 'on_demand', paymentMode: 'cod' });
    await reach(order.id, 'assigned');
    await ok(order.id, 'dispatcher', { action: 'pick_up' });
    await ok(order.id, 'dispatcher', { action: 'depart' });
    const short = await ok(order.id, 'dispatcher', { action: 'deliver', amount: 50 });
    expect(short).toMatchObject({ state: 'escalated', escalation: { from: 'awaiting_remit', role: 'finance', reason: 'The cash collected differs from the amount due.' } });
    // Finance sorts it out and closes it; a dispatcher could not resolve finance's escalation.
    expect((await act(order.id, 'dispatcher', { action: 'resolve' })).status).toBe(403);
    expect(await ok(order.id, 'finance', { action: 'resolve', resolveTo: 'closed', reason: 'Driver paid the difference' })).toMatchObject({ state: 'closed' });
  });

  it('pickup & delivery stops at the warehouse; a failed attempt and a return send the order back to the pool', async () => {
    const order = await post({ kind: 'pickup_delivery' });
    await reach(order.id, 'assigned');
    await ok(order.id, 'dispatcher', { action: 'pick_up' });
    const skipped = await act(order.id, 'dispatcher', { action: 'depart' });
    expect(skipped.status).toBe(409);
    expect(skipped.body.error?.message).toBe('Action "depart" is not allowed while the order is picked up. Allowed now: hold, stage, escalate.');
    await ok(order.id, 'dispatcher', { action: 'stage' });
    await ok(order.id, 'dispatcher', { action: 'depart' });
    expect(await ok(order.id, 'dispatcher', { action: 'fail_attempt', reason: 'Nobody home' })).toMatchObject({ state: 'attempt_failed', lastMileStatus: 'In Transit' });
    await ok(order.id, 'dispatcher', { action: 'return', returnReason: 'not_home' });
    // The return rules requeue a first not-home return: back to the pool, released and assigned again.
    const again = await reach(order.id, 'assigned');
    expect(again.timeline.map((t) => t.to)).toEqual(expect.arrayContaining(['returned', 'queued']));
    expect(again.decisions.find((d) => d.decisionPoint === 'return')).toMatchObject({ outcome: { chosen: { type: 'requeue' } }, facts: { returnReason: 'not_home', attempts: 1 } });
  });

  it('a damaged return is closed and stays Returned for the dispatcher', async () => {
    const order = await post({ kind: 'pickup' });
    await reach(order.id, 'assigned');
    await ok(order.id, 'dispatcher', { action: 'pick_up' });
    await ok(order.id, 'dispatcher', { action: 'depart' });
    await ok(order.id, 'dispatcher', { action: 'return', returnReason: 'damaged', reason: 'Box crushed' });
    expect(await reach(order.id, 'closed')).toMatchObject({ lastMileStatus: 'Returned' });
  });

  it('a credit hold at intake: only finance releases it, and the order is accepted', async () => {
    const order = await post({ paymentMode: 'credit_terms', checks: { creditBalance: 12_000, creditLimit: 10_000 } });
    const held = await reach(order.id, 'on_hold');
    expect(held.holds).toEqual([{ type: 'credit', reason: "The account's open balance is above its credit limit.", placedBy: 'intake rules' }]);
    expect(held.allowedActions).toEqual(['hold', 'release_hold', 'escalate', 'cancel']);
    const refused = await act(order.id, 'dispatcher', { action: 'release_hold', holdType: 'credit' });
    expect(refused).toMatchObject({ status: 403, body: { error: { message: 'Releasing a credit hold needs the finance role.' } } });
    await ok(order.id, 'finance', { action: 'release_hold', holdType: 'credit', reason: 'Payment received' });
    const released = await reach(order.id, 'assigned');
    expect(released.holds).toEqual([]);
    expect(released.timeline.map((t) => `${t.from}→${t.to}`)).toEqual(expect.arrayContaining(['on_hold→validating', 'validating→queued']));
  });

  it('an inventory hold is released when the capturing system reports the stock arrived', async () => {
    const order = await post({ checks: { inventoryShort: true } });
    await reach(order.id, 'on_hold');
    const res = await h.request(`/orders/${order.id}/holds/inventory/cause-cleared`, { method: 'POST' });
    expect(res.status).toBe(202);
    const accepted = await reach(order.id, 'assigned');
    expect(accepted.timeline.find((t) => t.event === 'RELEASE_HOLD')).toMatchObject({ actor: 'token:test dispatcher', reason: 'The cause of the inventory hold is gone.' });
  });

  it('a hold on assigned work blocks starting it until it is released', async () => {
    const order = await post();
    await reach(order.id, 'assigned');
    await ok(order.id, 'dispatcher', { action: 'hold', holdType: 'manual', reason: 'Customer asked to wait' });
    const blocked = await act(order.id, 'dispatcher', { action: 'start' });
    expect(blocked).toMatchObject({ status: 409, body: { error: { message: 'Action "start" is blocked by the manual hold (Customer asked to wait). The hold must be released first.' } } });
    expect((await h.getOrder(order.id)).state).toBe('assigned');
    await ok(order.id, 'dispatcher', { action: 'release_hold', holdType: 'manual' });
    expect(await ok(order.id, 'dispatcher', { action: 'start' })).toMatchObject({ state: 'in_progress' });
  });

  it('reassigning, and sending escalated work back to the pool', async () => {
    const order = await post();
    await reach(order.id, 'assigned');
    const unknown = await act(order.id, 'dispatcher', { action: 'reassign', resource: 'Ana', reason: 'Team short-handed' });
    expect(unknown).toMatchObject({ status: 400, body: { error: { message: `Ana is not a resource of work area ${h.workAreaId}, which has none on record: reassign to "${h.workAreaId} team", or add the resource to the area first.` } } });
    expect((await h.getOrder(order.id)).assignee).toBe(`${h.workAreaId} team`);
    const added = await h.request(`/work-areas/${h.workAreaId}/resources`, { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id: 'ana', name: 'Ana', kind: 'team', capacity: 50 }) });
    expect(added.status).toBe(201);
    expect(await ok(order.id, 'dispatcher', { action: 'reassign', resource: 'ana', reason: 'Team short-handed' })).toMatchObject({ assignee: 'ana' });
    await ok(order.id, 'dispatcher', { action: 'escalate', reason: 'Ana is off sick' });
    const back = await ok(order.id, 'dispatcher', { action: 'resolve', resolveTo: 'queued' });
    expect(back.timeline.map((t) => t.to).slice(-3)).toEqual(expect.arrayContaining(['escalated', 'queued']));
    expect(await reach(order.id, 'assigned')).toMatchObject({ assignee: 'ana' });
  });

  it('a major account goes to a specialist, who splits it into child orders that each run their own lifecycle', async () => {
    const order = await post({ accountTier: 'major', lines: [{ sku: 'A', qty: 1, price: 10 }, { sku: 'B', qty: 2, price: 20 }, { sku: 'C', qty: 3, price: 30 }] });
    await reach(order.id, 'specialist_review');
    expect((await act(order.id, 'dispatcher', { action: 'split', parts: [[0], [1, 2]] })).status).toBe(403);
    const bad = await act(order.id, 'specialist', { action: 'split', parts: [[0], [1]] });
    expect(bad).toMatchObject({ status: 400, body: { error: { message: "Each of the order's 3 lines (numbered 0 to 2) must be in exactly one part." } } });
    await ok(order.id, 'specialist', { action: 'claim' });
    expect(await ok(order.id, 'specialist', { action: 'split', parts: [[0], [1, 2]], reason: 'Ship what is in stock now' })).toMatchObject({ state: 'split' });

    const children = await eventually(async () => {
      const found = await h.store.em.fork().find(OrderRecord, { parentId: order.id }, { orderBy: { id: 'asc' } });
      return found.length === 2 ? found : undefined;
    }, 'the child orders');
    expect(children.map((c) => c.lines.map((l) => l.sku))).toEqual([['A'], ['B', 'C']]);
    // The search finds each part by the SKUs of its own lines.
    const skus = await h.store.em.fork().find(OrderSkuRecord, { orderId: { $in: children.map((c) => c.id) } }, { orderBy: { orderId: 'asc', sku: 'asc' } });
    expect(skus.map((s) => [s.orderId, s.sku])).toEqual([[children[0]!.id, 'A'], [children[1]!.id, 'B'], [children[1]!.id, 'C']]);
    for (const child of children) {
      // Reviewed already: the children are accepted without going back to the specialist.
      const assigned = await reach(child.id, 'assigned');
      expect(assigned).toMatchObject({ parentId: order.id, parentReference: order.reference, reference: expect.stringMatching(/^PATH-\d+\/[12]$/) });
    }
  });

  it('a claim holds the review: another specialist is refused with the claimer named, until the claim is released or an ops manager hands it on', async () => {
    const kim = await tokenFor('kim', 'specialist');
    const asKim = async (body: Record<string, unknown>) => {
      const res = await h.app.request(`/orders/${order.id}/actions`, { method: 'POST', headers: { 'content-type': 'application/json', ...kim }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as OrderDetail & { error?: { message: string } } };
    };
    const order = await post({ accountTier: 'major' });
    await reach(order.id, 'specialist_review');
    expect(await ok(order.id, 'specialist', { action: 'claim' })).toMatchObject({ assignee: 'token:test specialist', allowedActions: expect.arrayContaining(['approve', 'unclaim']) });

    const claimed = 'The order is claimed by token:test specialist: only they may approve it until they release their claim (unclaim), or an ops manager takes it over or hands it to another specialist.';
    expect(await asKim({ action: 'approve' })).toMatchObject({ status: 409, body: { error: { message: claimed } } });
    expect((await asKim({ action: 'claim' })).status).toBe(409);
    expect((await asKim({ action: 'reject', reason: 'duplicate' })).body.error?.message).toContain('claimed by token:test specialist');
    expect((await asKim({ action: 'reassign', resource: 'token:kim', reason: 'mine now' })).status).toBe(403);
    expect(await h.getOrder(order.id)).toMatchObject({ state: 'specialist_review', assignee: 'token:test specialist' });

    // An ops manager hands the review to Kim, who may then approve it; the first claimer may not.
    expect((await act(order.id, 'ops_manager', { action: 'reassign', resource: 'nobody-here', reason: 'Sam is away' })).status).toBe(400);
    expect(await ok(order.id, 'ops_manager', { action: 'reassign', resource: 'token:kim', reason: 'Sam is away' })).toMatchObject({ assignee: 'token:kim' });
    expect((await act(order.id, 'specialist', { action: 'approve' })).status).toBe(409);
    expect((await asKim({ action: 'unclaim' })).body).toMatchObject({ assignee: null });
    // Approved into the pool; an area with room may release it before the answer is read.
    expect(await ok(order.id, 'specialist', { action: 'approve' })).toMatchObject({ state: expect.stringMatching(/^(queued|released|assigned)$/) });
  });

  it('a specialist approves a reviewed order into the pool; a refused approval changes nothing', async () => {
    const order = await post({ accountTier: 'major' });
    await reach(order.id, 'specialist_review');
    await ok(order.id, 'specialist', { action: 'hold', holdType: 'pricing', reason: 'Price to confirm' });
    const blocked = await act(order.id, 'specialist', { action: 'approve' });
    expect(blocked.status).toBe(409);
    expect((await h.getOrder(order.id)).state).toBe('specialist_review');
    await ok(order.id, 'specialist', { action: 'release_hold', holdType: 'pricing' });
    await ok(order.id, 'specialist', { action: 'approve' });
    await reach(order.id, 'assigned');
  });

  it('audits every accepted action with actor, roles, reason and before/after state', async () => {
    // Released work reassigned to a resource (a review handed on is reassigned too, from specialist_review).
    const entries = await h.store.em.fork().find(AuditEntryRecord, { subjectType: 'order', action: 'REASSIGN', fromState: 'assigned' });
    expect(entries[0]).toMatchObject({ fromState: 'assigned', toState: 'assigned', actor: 'token:test dispatcher', reason: 'Team short-handed', data: { resource: 'ana', actorRoles: ['dispatcher'] } });
  });
});

describe('force-release past the WIP limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 1, worker: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('takes the order into its area at once, audited as an override; the area waits until WIP is under its limit', async () => {
    const first = await h.postOrder('FIRST', 24);
    await h.reach(first.id, 'assigned');
    const second = await h.postOrder('SECOND', 24);
    const third = await h.postOrder('THIRD', 48);
    await h.reach(second.id, 'queued');
    await h.reach(third.id, 'queued');

    const forced = await h.request(`/orders/${third.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'force_release', reason: 'Line idle, customer waiting' }) });
    expect(forced.status).toBe(200);
    await h.reach(third.id, 'assigned');
    const audit = await h.store.em.fork().findOneOrFail(AuditEntryRecord, { subjectId: third.id, action: 'FORCE_RELEASE' });
    expect(audit).toMatchObject({ fromState: 'queued', toState: 'released', reason: 'Line idle, customer waiting', data: { override: true } });

    // Two in process against a limit of one: finishing one is not enough for the next release.
    for (const action of ['start', 'complete']) await h.request(`/orders/${first.id}/actions`, { method: 'POST', body: JSON.stringify({ action }) });
    await h.reach(first.id, 'closed');
    await new Promise((r) => setTimeout(r, 500));
    expect((await h.getOrder(second.id)).state).toBe('queued');
    for (const action of ['start', 'complete']) await h.request(`/orders/${third.id}/actions`, { method: 'POST', body: JSON.stringify({ action }) });
    await h.reach(second.id, 'assigned');
  });
});

describe('an order escalated while it waits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 1, worker: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is not escalated again by later cycles: a person’s escalation keeps its owner and reason', async () => {
    const first = await h.postOrder('FULL', 24);
    await h.reach(first.id, 'assigned');
    // Overdue at a full area: the release rules escalate it to a dispatcher.
    const late = await h.postOrder('LATE', -6);
    expect((await h.reach(late.id, 'escalated')).escalation).toMatchObject({ from: 'queued', role: 'dispatcher' });
    const handed = await h.request(`/orders/${late.id}/actions`, { method: 'POST', role: 'ops_manager', body: JSON.stringify({ action: 'escalate', role: 'finance', reason: 'Customer disputes the bill' }) });
    expect(handed.status).toBe(200);

    // Another order in the pool runs another cycle; its rules would escalate the late order again.
    await h.postOrder('NEXT', 24);
    const cycle = await eventually(async () => {
      const { cycles } = (await (await h.request(`/work-areas/${h.workAreaId}/cycles?limit=5`)).json()) as { cycles: { waited: { orderId: string; reason: string }[] }[] };
      return cycles.find((c) => c.waited.some((w) => w.orderId === late.id));
    }, 'a cycle that saw the escalated order');
    expect(cycle.waited.find((w) => w.orderId === late.id)?.reason).toBe('Escalated already: waits for a person.');
    const after = await h.getOrder(late.id);
    expect(after.escalation).toEqual({ from: 'queued', role: 'finance', reason: 'Customer disputes the bill' });
    expect(after.timeline.filter((t) => t.event === 'ESCALATE')).toHaveLength(2);

    // A cycle's escalation that crossed the person's on its way is dropped by the order itself.
    await h.client.workflow.getHandle(orderWorkflowId(late.id)).signal(releaseEscalationSignal, { reason: 'Overdue and the work area is stopped.', role: 'dispatcher' });
    const again = await h.request(`/orders/${late.id}/actions`, { method: 'POST', role: 'finance', body: JSON.stringify({ action: 'escalate', role: 'finance', reason: 'Still disputed' }) });
    expect(await again.json()).toMatchObject({ escalation: { role: 'finance', reason: 'Still disputed' } });
    expect((await h.getOrder(late.id)).timeline.filter((t) => t.event === 'ESCALATE').map((t) => t.actor)).toEqual(['system', 'token:test ops_manager', 'token:test finance']);
  });
});
