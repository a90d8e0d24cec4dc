import type { EntityManager } from '@mikro-orm/sql';
import type { DecisionPointId } from '../domain/decision-points.ts';
import { IN_PROCESS_STATES } from '../domain/lifecycle.ts';
import { compileRuleset } from '../rules/compile-ruleset.ts';
import { assignmentFacts } from '../rules/assignment-facts.ts';
import { escalationFacts } from '../rules/escalation-facts.ts';
import { intakeFacts } from '../rules/intake-facts.ts';
import { priorityFacts } from '../rules/priority-facts.ts';
import { cycleRules, planGroupReleaseCycle, planReleaseCycle } from '../rules/release-cycle.ts';
import { remitFacts, returnFacts } from '../rules/return-remit-facts.ts';
import { rmaFacts } from '../rules/rma-facts.ts';
import { centsOf } from '../domain/returns/rma.ts';
import { deliveredAtOf } from '../store/returns/request-rma.ts';
import { readAccountsOnFile } from '../store/accounts/accounts-on-file.ts';
import { AuditEntryRecord } from '../store/audit-entry.entity.ts';
import { DecisionRecord } from '../store/decision.entity.ts';
import { readDriverRemitHistory } from '../store/driver-remit-history.ts';
import { orderInventoryFacts } from '../store/inventory/order-inventory-facts.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { plannedOperations, readPlannedLeadTimes } from '../store/planned-lead-times.ts';
import { readCycleInput } from '../store/release-cycle-input.ts';
import { ReleaseJudgementRecord } from '../store/release-judgement.entity.ts';
import { ResourceRecord } from '../store/resource.entity.ts';
import { publishedRulesets } from '../store/rulesets.ts';

/**
 * Facts a decision point would see for an order now, or why they cannot be known. Assignment judges every
 * available candidate of the order's area, so it has one set of facts per candidate; the others have one.
 */
export type OrderFacts = { facts: Record<string, unknown>[] } | { unknown: string };
type Builder = (em: EntityManager, orders: readonly OrderRecord[], now: Date) => Promise<Map<string, OrderFacts>>;

const each = (orders: readonly OrderRecord[], facts: (order: OrderRecord) => OrderFacts) => new Map(orders.map((o) => [o.id, facts(o)]));

/** The facts of each order's latest decision at `decisionPoint`, by order. */
async function latestFacts(em: EntityManager, decisionPoint: DecisionPointId, orders: readonly OrderRecord[]) {
  const decisions = await em.find(DecisionRecord, { decisionPoint, orderId: { $in: orders.map((o) => o.id) } }, { orderBy: { decidedAt: 'asc' }, fields: ['orderId', 'facts'] });
  return new Map(decisions.map((d): [string, Record<string, unknown>] => [d.orderId, d.facts]));
}

/**
 * Release facts as a cycle of the order's area would see them now: the area's pool planned under the rules
 * in force, each order with the area's WIP and queue at its turn. An order out of the pool has the facts of
 * its latest judgement.
 */
const releaseFactsOf: Builder = async (em, orders, now) => {
  const inForce = publishedRulesets();
  const found = new Map<string, Record<string, unknown>>();
  for (const workAreaId of new Set(orders.filter((o) => o.inPool).map((o) => o.workAreaId))) {
    const input = await readCycleInput(em, workAreaId, now, inForce);
    if (!input) continue;
    const rules = cycleRules(input.priority && compileRuleset(input.priority.definition), input.release && compileRuleset(input.release.definition));
    const plan = input.group ? planGroupReleaseCycle(input.pool, input.gateways.map((g) => g.cycleArea), rules, now, { norms: input.norms }) : planReleaseCycle(input.pool, input.cycleArea, rules, now);
    for (const { order, releaseFacts } of plan.ranking) found.set(order.id, releaseFacts);
  }
  const missing = orders.filter((o) => !found.has(o.id)).map((o) => o.id);
  if (missing.length > 0) for (const j of await em.find(ReleaseJudgementRecord, { orderId: { $in: missing } }, { fields: ['orderId', 'facts'] })) found.set(j.orderId, j.facts);
  return each(orders, (o) => {
    const facts = found.get(o.id);
    return facts ? { facts: [facts] } : { unknown: `Order ${o.id} is not in a pool and no release cycle has judged it, so its release facts are not known; give them as a facts document.` };
  });
};

/** Assignment facts for every available resource of the order's area, with their loads now, as a release would see them. */
const assignmentFactsOf: Builder = async (em, orders, now) => {
  const resources = await em.find(ResourceRecord, { workAreaId: { $in: [...new Set(orders.map((o) => o.workAreaId))] }, available: true }, { orderBy: { id: 'asc' } });
  const held = await em.find(OrderRecord, { assignee: { $in: resources.map((r) => r.id) }, state: { $in: [...IN_PROCESS_STATES, 'awaiting_remit'] } }, { fields: ['assignee', 'state'] });
  const count = (id: string, remit: boolean) => held.filter((o) => o.assignee === id && (o.state === 'awaiting_remit') === remit).length;
  return each(orders, (o) => {
    const candidates = resources.filter((r) => r.workAreaId === o.workAreaId);
    if (candidates.length === 0) return { unknown: `Order ${o.id}'s work area has no available resources on record, so its team takes it without an assignment decision.` };
    return { facts: candidates.map((r) => assignmentFacts(o, r, { inHand: count(r.id, false), openRemits: count(r.id, true) }, now)) };
  });
};

/** Return facts: the order's kind and value now, its failed attempts so far, and the reason of its latest return (missing if it never came back). */
const returnFactsOf: Builder = async (em, orders, now) => {
  const latest = await latestFacts(em, 'return', orders);
  const failed = await em.find(AuditEntryRecord, { subjectType: 'order', subjectId: { $in: orders.map((o) => o.id) }, action: 'FAIL_ATTEMPT' }, { fields: ['subjectId'] });
  return each(orders, (o) => {
    const attempts = failed.filter((e) => e.subjectId === o.id).length;
    const reason = latest.get(o.id)?.returnReason;
    const { returnReason, ...facts } = returnFacts(o, { returnReason: typeof reason === 'string' ? reason : '', attempts }, now);
    return { facts: [typeof reason === 'string' ? { ...facts, returnReason } : facts] };
  });
};

/** Remit facts: what the order should bring in, what its driver reported if a remit decision heard it, and its driver's history now. */
const remitFactsOf: Builder = async (em, orders, now) => {
  const latest = await latestFacts(em, 'remit', orders);
  const built = new Map<string, OrderFacts>();
  for (const o of orders) {
    const collected = latest.get(o.id)?.amountCollected;
    const driver = o.assignee ? await readDriverRemitHistory(em, o.id, now) : null;
    built.set(o.id, { facts: [remitFacts(o, typeof collected === 'number' ? collected : null, driver, now)] });
  }
  return built;
};

/**
 * Customer-return facts: those of the order's latest return when it had one; else a return of the whole order
 * now, whose reason is not known (give it in the facts document).
 */
const rmaFactsOf: Builder = async (em, orders, now) => {
  const latest = await latestFacts(em, 'rma', orders);
  const accounts = await readAccountsOnFile(em, orders.map((o) => o.account), false);
  const built = new Map<string, OrderFacts>();
  for (const o of orders) {
    const stored = latest.get(o.id);
    if (stored) {
      built.set(o.id, { facts: [stored] });
      continue;
    }
    const valueCents = o.lines.reduce((sum, l) => sum + centsOf(l.price) * l.qty, 0);
    const { reason: _unknown, ...facts } = rmaFacts({ ...o, accountOnFile: accounts.get(o.account) ?? null }, { valueCents, reason: '', lineCount: o.lines.length, deliveredAt: await deliveredAtOf(em, o.id) }, now);
    built.set(o.id, { facts: [facts] });
  }
  return built;
};

const BUILDERS: Record<DecisionPointId, Builder> = {
  intake: async (em, orders, now) => {
    const accounts = await readAccountsOnFile(em, orders.map((o) => o.account), true);
    const built = new Map<string, OrderFacts>();
    for (const o of orders) built.set(o.id, { facts: [{ ...intakeFacts({ ...o, accountOnFile: accounts.get(o.account) ?? null }, now), ...(await orderInventoryFacts(em, o.id, null)) }] });
    return built;
  },
  priority: async (em, orders, now) => {
    const leadTimes = await readPlannedLeadTimes(em, [...new Set(orders.flatMap((o) => (o.routing ?? []).map((s) => s.workAreaId)))]);
    return each(orders, (o) => ({ facts: [priorityFacts({ ...o, operations: plannedOperations(o.routing ?? [], leadTimes) }, now)] }));
  },
  escalation: async (em, orders, now) => {
    const accounts = await readAccountsOnFile(em, orders.map((o) => o.account), false);
    return each(orders, (o) => ({ facts: [escalationFacts({ ...o, accountOnFile: accounts.get(o.account) ?? null }, o.state, now)] }));
  },
  release: releaseFactsOf,
  assignment: assignmentFactsOf,
  return: returnFactsOf,
  remit: remitFactsOf,
  rma: rmaFactsOf,
};

/** Per order, the facts `decisionPoint` would see now, built from the order's stored state as the live decision builds them. */
export function factsOfOrders(em: EntityManager, decisionPoint: DecisionPointId, orders: readonly OrderRecord[], now: Date): Promise<Map<string, OrderFacts>> {
  return BUILDERS[decisionPoint](em, orders, now);
}
