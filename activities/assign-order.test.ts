import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../domain/order.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';

/** Integration: released orders are assigned by the assignment rules over the area's resources. */
describe('assignment on release', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 10, worker: true });
    const add = (body: object) => h.request(`/work-areas/${h.workAreaId}/resources`, { method: 'POST', role: 'ops_manager', body: JSON.stringify(body) });
    expect((await add({ id: 'ana', name: 'Ana', kind: 'driver', zone: 'north', capacity: 1 })).status).toBe(201);
    expect((await add({ id: 'bo', name: 'Bo', kind: 'driver', zone: 'south', capacity: 2, carrierType: 'external' })).status).toBe(201);
  });
  afterAll(async () => {
    await h?.close();
  });

  // Due within 12 hours: the default release rules hold later delivery orders back from 18:00 ("Evening delivery with slack").
  const order = async (reference: string, extra: object) =>
    (await (
      await h.request('/orders', {
        method: 'POST',
        body: JSON.stringify({ reference, account: 'ACME', kind: 'delivery', dueAt: new Date(Date.now() + 8 * 3_600_000).toISOString(), workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 40 }], ...extra }),
      })
    ).json()) as OrderSummary;

  it('prefers the same zone, skips a resource at capacity, and stores the decision that chose', async () => {
    const first = await order('NORTH-1', { zone: 'north' });
    const assigned = await h.reach(first.id, 'assigned');
    expect(assigned.assignee).toBe('ana');
    expect(assigned.decisions.find((d) => d.decisionPoint === 'assignment')).toMatchObject({ facts: { resourceId: 'ana', zone: 'north', resourceZone: 'north', resourceLoad: 0 }, outcome: { chosen: { type: 'assign', params: { preference: 30 } } } });

    const second = await order('NORTH-2', { zone: 'north' });
    expect((await h.reach(second.id, 'assigned')).assignee).toBe('bo');
  });

  it('nobody eligible: the order is escalated to a dispatcher with every candidate’s reason, who names someone', async () => {
    const cod = await order('COD-SOUTH', { zone: 'south', paymentMode: 'cod' });
    const escalated = await h.reach(cod.id, 'escalated');
    expect(escalated.escalation).toEqual({
      from: 'released',
      role: 'dispatcher',
      reason: 'Nobody can take the order. Ana: The candidate is at capacity.; Bo: Cash on delivery needs an internal driver..',
    });
    const reassign = (body: object) => h.request(`/orders/${cod.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'reassign', reason: 'Bo covers the south today', ...body }) });
    const ghost = await reassign({ resource: 'ghost-driver-99' });
    expect(ghost.status).toBe(400);
    expect(((await ghost.json()) as { error: { message: string } }).error.message).toBe(`ghost-driver-99 is not a resource of work area ${h.workAreaId}. Its resources: ana, bo.`);
    const objected = await reassign({ resource: 'bo' });
    expect(objected.status).toBe(409);
    expect(await objected.json()).toMatchObject({ error: { code: 'assignment_objection', message: expect.stringContaining('Bo: Cash on delivery needs an internal driver.') } });
    expect((await h.getOrder(cod.id)).state).toBe('escalated');

    const overridden = await reassign({ resource: 'bo', override: true });
    expect(overridden.status).toBe(200);
    expect(await overridden.json()).toMatchObject({ state: 'assigned', assignee: 'bo', escalation: null });
    const audit = await h.store.em.fork().findOneOrFail(AuditEntryRecord, { subjectId: cod.id, action: 'REASSIGN' });
    expect(audit).toMatchObject({ reason: 'Bo covers the south today', data: { resource: 'bo', override: true, objection: 'Bo: Cash on delivery needs an internal driver.' } });
  });

  it('an unavailable resource is never a candidate', async () => {
    const off = await h.request('/resources/bo/availability', { method: 'PUT', body: JSON.stringify({ available: false, reason: 'Van in the garage' }) });
    expect(off.status).toBe(200);
    const late = await order('SOUTH-2', { zone: 'south' });
    expect((await h.reach(late.id, 'escalated')).escalation?.reason).toContain('Bo: not available');
  });

  it('an order that needs a skill goes only to a candidate who has it; nobody has it: a dispatcher is asked', async () => {
    const add = (body: object) => h.request(`/work-areas/${h.workAreaId}/resources`, { method: 'POST', role: 'ops_manager', body: JSON.stringify(body) });
    expect((await add({ id: 'dee', name: 'Dee', kind: 'driver', zone: 'east', capacity: 5 })).status).toBe(201);
    expect((await add({ id: 'eli', name: 'Eli', kind: 'driver', zone: 'west', capacity: 5, skills: ['cold_chain'] })).status).toBe(201);

    // Dee works the order's zone, which would win, but has no cold chain.
    const chilled = await order('COLD-1', { zone: 'east', requiredSkills: ['cold_chain'] });
    expect(chilled.requiredSkills).toEqual(['cold_chain']);
    const assigned = await h.reach(chilled.id, 'assigned');
    expect(assigned.assignee).toBe('eli');
    expect(assigned.decisions.find((d) => d.decisionPoint === 'assignment')?.facts).toMatchObject({ requiredSkills: ['cold_chain'], missingSkills: [], hasRequiredSkills: true });

    const hazardous = await order('HAZ-1', { zone: 'east', requiredSkills: ['hazmat'] });
    const escalated = await h.reach(hazardous.id, 'escalated');
    expect(escalated.escalation?.reason).toContain('Dee: The candidate lacks a skill the order needs.');
    expect(escalated.escalation?.reason).toContain('Eli: The candidate lacks a skill the order needs.');
  });
});

/** Integration: orders released at once race for the same few slots; none may take a resource past its capacity. */
describe('assignments at once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: 40, worker: true });
    for (const id of ['cy', 'di', 'ed']) {
      const res = await h.request(`/work-areas/${h.workAreaId}/resources`, { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id, name: id, kind: 'driver', capacity: 2 }) });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('eighteen orders for three drivers of two slots each: six are assigned, two to each, and the rest escalate', async () => {
    const dueAt = new Date(Date.now() + 8 * 3_600_000).toISOString();
    const posted = await Promise.all(
      Array.from({ length: 18 }, async (_, i) => {
        const body = { reference: `RACE-${i}`, account: 'ACME', kind: 'delivery', dueAt, workAreaId: h.workAreaId, lines: [{ sku: 'A', qty: 1, price: 40 }] };
        return (await (await h.request('/orders', { method: 'POST', body: JSON.stringify(body) })).json()) as OrderSummary;
      }),
    );
    const settled = await Promise.all(
      posted.map((o) => eventually(async () => ((d) => (d.state === 'assigned' || d.state === 'escalated' ? d : undefined))(await h.getOrder(o.id)), `order ${o.id} assigned or escalated`, 60_000)),
    );
    const perResource: Record<string, number> = {};
    for (const o of settled) if (o.state === 'assigned') perResource[o.assignee!] = (perResource[o.assignee!] ?? 0) + 1;
    expect(perResource).toEqual({ cy: 2, di: 2, ed: 2 });
    expect(settled.filter((o) => o.state === 'escalated')).toHaveLength(12);
  });
});
