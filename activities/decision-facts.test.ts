import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsOfOrders } from '../api/order-facts.ts';
import { DECISION_POINT_SPECS, DECISION_POINTS, type DecisionPointId } from '../domain/decision-points.ts';
import { AccountRecord } from '../store/accounts/account.entity.ts';
import { DecisionRecord } from '../store/decision.entity.ts';
import { openStore, type Store } from '../store/open-store.ts';
import { testStoreConfig } from '../test/temp-store.ts';
import { PriceListRecord, PriceRecord, ProductRecord } from '../store/inventory/catalogue.entity.ts';
import { StockRecord } from '../store/inventory/stock.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { findReleaseJudgement } from '../store/release-judgements.ts';
import { ResourceRecord } from '../store/resource.entity.ts';
import { seedDefaults } from '../store/seed.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { insertAudit } from '../store/audit-log.ts';
import { deliveredAtOf } from '../store/returns/request-rma.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { decideRmaActivity, rmaDecisionKey } from './decide-rma.ts';
import { createActivities } from './index.ts';

const HOUR = 3_600_000;

/**
 * Every fact a decision point's catalogue offers reaches the live decision that uses it: each decision
 * is taken by its own activity on a realistic order in a real store, and the facts it stored are read back.
 */
describe('the facts live decisions receive', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-facts-'));
  let store: Store;
  let deps: ActivityDeps;
  const facts = new Map<DecisionPointId, Record<string, unknown>>();

  const order = (id: string, extra: Partial<OrderRecord>) => ({
    id,
    account: 'ACME',
    accountTier: 'major',
    kind: 'delivery' as const,
    statedPriority: 'high' as const,
    paymentMode: 'cod' as const,
    dueAt: new Date(Date.now() + 6 * HOUR),
    workAreaId: 'north-drivers',
    zone: 'north',
    warehouse: 'W1',
    requiredSkills: ['cold_chain'],
    lines: [{ sku: 'A', qty: 2, price: 40 }],
    orderValue: 80,
    lineCount: 1,
    units: 2,
    checks: { creditBalance: 100, creditLimit: 1_000, inventoryShort: false, priceOverride: false, addressVerified: true },
    state: 'queued' as const,
    ...extra,
  });

  beforeAll(async () => {
    store = await openStore(testStoreConfig(dir), { migrate: true });
    await seedDefaults(store.em.fork());
    deps = { store, temporal: null as unknown as Client, taskQueue: 'unused', clock: () => new Date() };
    const em = store.em.fork();
    em.create(AccountRecord, { code: 'ACME', name: 'Acme', tier: 'major', majorAccount: true, paymentTerms: 'net_30', creditLimit: 5_000, receivable: 1_200 });
    em.create(WorkAreaRecord, { id: 'north-drivers', name: 'North drivers', kind: 'driver_pool', zone: 'north', wipLimit: 5 });
    em.create(ResourceRecord, { id: 'ana', workAreaId: 'north-drivers', name: 'Ana', kind: 'driver', zone: 'north', skills: ['cold_chain'], capacity: 3, available: true, carrierType: 'internal' });
    em.create(ResourceRecord, { id: 'bo', workAreaId: 'north-drivers', name: 'Bo', kind: 'driver', zone: 'north', skills: ['cold_chain'], capacity: 3, available: true, carrierType: 'internal' });
    // In the catalogue, in stock and on the default price list, so the facts from stock and prices apply.
    const now = new Date();
    em.create(ProductRecord, { sku: 'A', name: 'Widget', unit: 'each', active: true, createdAt: now, updatedAt: now });
    em.create(StockRecord, { warehouse: 'W1', sku: 'A', onHand: 10, reserved: 0, updatedAt: now });
    em.create(PriceListRecord, { id: 'list', name: 'Standard', isDefault: true, createdAt: now, updatedAt: now });
    em.create(PriceRecord, { priceListId: 'list', sku: 'A', price: 40 });
    // Routed, so the priority decision's sequencing facts apply (its areas' planned lead times included).
    // It names a carrier type and a COD amount below its value of 80 (a deposit paid), so the facts from both are offered.
    em.create(OrderRecord, order('o-1', { carrierType: 'internal', codAmount: 75, inPool: true, queuedAt: new Date(), routing: [{ workAreaId: 'north-drivers', hours: 1.5 }] }));
    // Ana's history: a remittance she still owes, and a remit with a variance last week.
    em.create(OrderRecord, order('owed', { state: 'awaiting_remit', assignee: 'ana' }));
    em.create(OrderRecord, order('short', { state: 'closed', assignee: 'ana', remitVariance: -5, remitDecidedAt: new Date(Date.now() - 7 * 24 * HOUR) }));
    await em.flush();

    const a = createActivities(deps);
    const take = async (decisionPoint: DecisionPointId, decide: (decisionKey: string) => Promise<unknown>) => {
      await decide(`o-1:${decisionPoint}`);
      const stored = await store.em.fork().findOne(DecisionRecord, { id: `o-1:${decisionPoint}` });
      if (stored) facts.set(decisionPoint, stored.facts);
    };
    await take('intake', (decisionKey) => a.decideIntake({ orderId: 'o-1', decisionKey }));
    await take('priority', (decisionKey) => a.decidePriority({ orderId: 'o-1', decisionKey }));
    await take('escalation', (decisionKey) => a.decideDeadline({ orderId: 'o-1', state: 'queued', decisionKey }));
    await a.runReleaseCycle({ workAreaId: 'north-drivers', triggers: ['tick'] });
    const judged = await findReleaseJudgement(store.em.fork(), 'o-1');
    if (judged) facts.set('release', judged.facts);
    await take('assignment', (decisionKey) => a.assignOrder({ orderId: 'o-1', workAreaId: 'north-drivers', decisionKey }));
    await store.em.fork().nativeUpdate(OrderRecord, { id: 'o-1' }, { assignee: 'ana', state: 'delivered' });
    await take('remit', (decisionKey) => a.decideRemit({ orderId: 'o-1', amountCollected: 70, decisionKey }));
    await take('return', (decisionKey) => a.decideReturn({ orderId: 'o-1', returnReason: 'not_home', attempts: 1, decisionKey }));
    // A customer return of the delivered order: its delivery is in the order's history.
    await insertAudit(store.em.fork(), { dedupeKey: 'o-1:delivered', subjectType: 'order', subjectId: 'o-1', action: 'DELIVER', fromState: 'in_transit', toState: 'delivered', actor: 'ana', at: new Date(Date.now() - 3 * 24 * HOUR) });
    await decideRmaActivity(deps)({ orderId: 'o-1', rmaId: 'r-1', returned: { valueCents: 4_000, reason: 'damaged', lineCount: 1, deliveredAt: await deliveredAtOf(store.em.fork(), 'o-1') } });
    const rma = await store.em.fork().findOne(DecisionRecord, { id: rmaDecisionKey('r-1') });
    if (rma) facts.set('rma', rma.facts);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(DECISION_POINTS)('%s: every catalogue fact is supplied', (decisionPoint) => {
    const seen = facts.get(decisionPoint);
    expect(seen, `no ${decisionPoint} decision was stored`).toBeDefined();
    expect(DECISION_POINT_SPECS[decisionPoint].facts.map((f) => f.name).filter((name) => !(name in seen!))).toEqual([]);
  });

  it.each(DECISION_POINTS)('%s: the test panel and the impact preview build every catalogue fact from the stored order', async (decisionPoint) => {
    const em = store.em.fork();
    const built = (await factsOfOrders(em, decisionPoint, [await em.findOneOrFail(OrderRecord, { id: 'o-1' })], new Date())).get('o-1')!;
    expect('facts' in built ? built.facts.length : built.unknown).toBeGreaterThan(0);
    for (const facts of 'facts' in built ? built.facts : []) expect(DECISION_POINT_SPECS[decisionPoint].facts.map((f) => f.name).filter((name) => !(name in facts))).toEqual([]);
  });

  it('assignment: the test panel builds the facts the live assignment stored for the chosen candidate', async () => {
    const em = store.em.fork();
    const built = (await factsOfOrders(em, 'assignment', [await em.findOneOrFail(OrderRecord, { id: 'o-1' })], new Date())).get('o-1')!;
    const chosen = facts.get('assignment')!;
    const same = 'facts' in built ? built.facts.find((f) => f.resourceId === chosen.resourceId) : undefined;
    expect(same).toEqual(chosen);
  });

  it("remit: the driver's open remittances and recent variances are counted", () => {
    expect(facts.get('remit')).toMatchObject({ driverOpenRemits: 1, driverVariances30d: 1, variance: -5 });
  });

  it('remit: the cash expected is the COD amount the order names, not its value', () => {
    expect(facts.get('remit')).toMatchObject({ paymentMode: 'cod', amountExpected: 75, amountCollected: 70 });
  });

  it('rma: the return is worth its value in currency units, counted in days since the delivery', () => {
    expect(facts.get('rma')).toMatchObject({ returnValue: 40, daysSinceDelivery: 3, reason: 'damaged', accountTier: 'major', majorAccount: true });
  });

  it('assignment: the carrier type the order names is offered, with whether the candidate matches it', () => {
    expect(facts.get('assignment')).toMatchObject({ carrierType: 'internal', orderCarrierType: 'internal', carrierTypeMatches: true });
  });
});
