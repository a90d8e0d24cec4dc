import { randomUUID } from 'node:crypto';
import { ApplicationFailure, asyncLocalStorage } from '@temporalio/activity';
import { PERIODIC_CYCLE_TRIGGERS, type CycleTrigger } from '../domain/cycle-trigger.ts';
import { msUntilNextRelease } from '../domain/release-period.ts';
import type { Role } from '../domain/roles.ts';
import { cycleRules, planGroupReleaseCycle, planReleaseCycle, withHeldBack, type CyclePlan } from '../rules/release-cycle.ts';
import { changedJudgements } from '../rules/release-judgements.ts';
import { answerCycleCall } from '../store/cycle-calls.ts';
import { inTransaction } from '../store/in-transaction.ts';
import { directQueueEmpty } from '../store/operation-progress.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { ReleaseCycleRecord, WAITED_KEPT } from '../store/release-cycle.entity.ts';
import { ReleaseGroupRecord } from '../store/release-group.entity.ts';
import { writeOrderMarks, writeReleaseJudgements } from '../store/release-judgements.ts';
import { readCycleInput } from '../store/release-cycle-input.ts';
import { reserveAtRelease } from '../store/inventory/reserve-at-release.ts';
import { publishedRulesets } from '../store/rulesets.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import type { ActivityDeps } from './activity-deps.ts';
import { compiledRulesets } from './compiled-rulesets.ts';
import { tellOrders } from './tell-orders.ts';

export interface ReleaseCycleResult {
  cycleId: string;
  /**
   * Orders to signal: released by this cycle, and any released a while ago whose workflows have not taken it
   * yet; each with when it entered the pool, so an order that left the pool since knows the release is stale.
   */
  release: { orderId: string; queuedAt: string; workAreaId?: string }[];
  escalate: { orderId: string; reason: string; role: Role }[];
  /** Orders whose warehouse reserves at release and could not cover them: held for inventory, not released. */
  hold?: { orderId: string; reason: string }[];
  /** Orders the area still owes a cycle: left waiting in the pool, or granted so lately that their release may still be on its way. */
  waiting: number;
  /** A periodic area: how long until its next period, from the cycle's clock. Absent: continuous release. */
  nextCycleInMs?: number;
  /** A periodic area asked for a cycle by a change, not its period: nothing was read, planned or recorded. */
  held?: true;
}

/**
 * A grant is signalled again once it is this old and still not taken. Every grant is told when it is made;
 * one is lost only when the worker dies before telling it, and then the cycle's retry (after its timeout,
 * which is longer than this) tells every grant again. Sooner, a busy area would signal each order twice.
 */
export const RESEND_GRANTS_AFTER_MS = 10_000;

export interface ReleaseCycleRequest {
  workAreaId: string;
  triggers: CycleTrigger[];
  /** Whether the cycle tells its orders itself; controllers started before CYCLE_TELLS_ORDERS_PATCH signal them from the workflow. */
  tellOrders?: boolean;
}

/** How far a worker's clock may lag the server's timers without a period running twice. */
const CLOCK_SKEW_MS = 30_000;

/** Two cycles of one area committed at once: the later one is retried on the state the earlier left. */
export const CYCLE_CONFLICT = 'ReleaseCycleConflict';

function countReasons(waited: CyclePlan['waited']): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { reason } of waited) counts[reason] = (counts[reason] ?? 0) + 1;
  return counts;
}

/**
 * One release cycle of one area, in one transaction: read the pool and the capacity taken, plan (rank, ask
 * the release rules, fit the capacity), reserve the released orders' slots and keep the cycle's record. The
 * reservation is what makes the limit hold: a slot is taken in the store before any order hears of it, and
 * the area's cycle count only moves forward from the value the cycle read, so two cycles of one area can
 * never both commit on the same state (a retry after a crash, or a slow attempt overtaken by its retry).
 */
export function runReleaseCycleActivity(deps: ActivityDeps) {
  const compiledFor = compiledRulesets();
  const inForce = publishedRulesets();
  return async function runReleaseCycle({ workAreaId, triggers, tellOrders: tells }: ReleaseCycleRequest): Promise<ReleaseCycleResult> {
    await answerCycleCall(deps.store.em.fork(), workAreaId);
    const nextCycleInMs = await untilNextPeriod(workAreaId, triggers.includes('period'));
    // Off its period, a periodic area releases only if it starves, and then only in starvation mode.
    const offPeriod = nextCycleInMs !== null && !triggers.some((t) => PERIODIC_CYCLE_TRIGGERS.includes(t));
    if (offPeriod && !(triggers.includes('starved') && (await directQueueEmpty(deps.store.em.fork(), workAreaId)))) {
      return { cycleId: '', release: [], escalate: [], waiting: 0, nextCycleInMs, held: true };
    }
    const cycle = await runCycle(workAreaId, triggers, offPeriod);
    // Controllers from before cycles told their orders know nothing of holds: those are told here whatever the controller.
    if (tells) await tellOrders(deps, workAreaId, cycle);
    else if (cycle.hold) await tellOrders(deps, workAreaId, { ...cycle, release: [], escalate: [] });
    return nextCycleInMs === null ? cycle : { ...cycle, nextCycleInMs };
  };

  /**
   * A periodic area's (or its group's) time to its next period; null for continuous release. After a period's
   * own cycle, the slot it ran for is not the next one even if this worker's clock is a little behind the timer's.
   */
  async function untilNextPeriod(workAreaId: string, afterPeriod: boolean): Promise<number | null> {
    const em = deps.store.em.fork();
    const area = await em.findOne(WorkAreaRecord, { id: workAreaId }, { fields: ['releasePeriod', 'timeZone', 'releaseGroupId'] });
    const group = area?.releaseGroupId ? await em.findOne(ReleaseGroupRecord, { id: area.releaseGroupId }) : null;
    const { releasePeriod, timeZone } = group ?? area ?? {};
    if (!releasePeriod || !timeZone) return null;
    const skew = afterPeriod ? CLOCK_SKEW_MS : 0;
    return msUntilNextRelease(releasePeriod, timeZone, new Date(deps.clock().getTime() + skew))! + skew;
  }

  function runCycle(workAreaId: string, triggers: CycleTrigger[], starvedOnly: boolean): Promise<ReleaseCycleResult> {
    const started = performance.now();
    const now = deps.clock();
    // A retry may follow an attempt that committed and then failed to tell its orders: it tells every order on its way again.
    const retried = (asyncLocalStorage.getStore()?.info.attempt ?? 1) > 1;
    return inTransaction(deps.store.em, async (tx) => {
      const input = await readCycleInput(tx, workAreaId, now, inForce);
      if (!input) throw ApplicationFailure.nonRetryable(`work area ${workAreaId} does not exist`, 'WorkAreaNotFound');
      const { area, group, gateways, pool, taken, priority, release, norms, cycleArea } = input;
      const { inShift } = cycleArea;
      const rules = cycleRules(priority && compiledFor(priority), release && compiledFor(release));
      const planWith = (options: { starvedAreaId?: string }) =>
        group ? planGroupReleaseCycle(pool, gateways.map((g) => g.cycleArea), rules, now, { norms, ...options }) : planReleaseCycle(pool, cycleArea, rules, now, options);
      // Starved (nothing arrived here since its last operation was done): in a continuous area what the norms
      // let go comes first, and only if that is nothing does the best order starting here go whatever the norms.
      // Checked again here, as work may have arrived since the area was called.
      const normal = starvedOnly ? null : planWith({});
      const starves = (normal === null || normal.released.length === 0) && triggers.includes('starved') && (await directQueueEmpty(tx, workAreaId));
      const planned = starves || normal === null ? planWith({ starvedAreaId: workAreaId }) : normal;
      // A warehouse that reserves at release gives its orders their stock here, all or none; one short of it is not released but held.
      const short = await reserveAtRelease(tx, planned.released.map((r) => r.orderId), now);
      const shortReason = (skus: readonly string[]) => `Short of stock at release (${skus.join(', ')}): waits for a receipt.`;
      const plan = withHeldBack(planned, new Map([...short].map(([orderId, skus]) => [orderId, shortReason(skus)])), norms);

      const cycleId = randomUUID();
      // A group's cycle moves every gateway's count too: no cycle of one of them alone (read before it joined) commits on the same state.
      for (const { area: gateway } of gateways) {
        const moved = await tx.nativeUpdate(WorkAreaRecord, { id: gateway.id, cycles: gateway.cycles }, { cycles: gateway.cycles + 1 });
        if (moved !== 1) throw ApplicationFailure.retryable(`Another release cycle of ${gateway.id} committed first.`, CYCLE_CONFLICT);
      }
      if (group) {
        const moved = await tx.nativeUpdate(ReleaseGroupRecord, { id: group.id, cycles: group.cycles }, { cycles: group.cycles + 1 });
        if (moved !== 1) throw ApplicationFailure.retryable(`Another release cycle of group ${group.id} committed first.`, CYCLE_CONFLICT);
      }
      // Load added to an area's norm on the strength of one reading: no other cycle may have added some meanwhile.
      for (const [id, norm] of norms) {
        if (plan.loadsAfter[id]! <= norm.loadHours) continue;
        const loaded = await tx.nativeUpdate(WorkAreaRecord, { id, loadVersion: norm.loadVersion }, { loadVersion: norm.loadVersion + 1 });
        if (loaded !== 1) throw ApplicationFailure.retryable(`Another release cycle added load to ${id} first.`, CYCLE_CONFLICT);
      }
      const released = plan.released.map((r) => r.orderId);
      const releasing = new Set(released);
      const releasedOrders = new Map(pool.filter((o) => releasing.has(o.id)).map((o) => [o.id, o]));
      const gatewayOf = new Map(plan.released.map((r) => [r.orderId, r.gatewayId]));
      for (const { area: gateway } of gateways) {
        const mine = released.filter((id) => gatewayOf.get(id) === gateway.id);
        if (mine.length === 0) continue;
        // An order several areas may release is its gateway's from its grant on: its slot counts there.
        const reserved = await tx.nativeUpdate(OrderRecord, { id: { $in: mine }, inPool: true, releaseCycleId: null }, { releaseCycleId: cycleId, workAreaId: gateway.id });
        if (reserved !== mine.length) throw ApplicationFailure.retryable(`The pool of ${gateway.id} changed during the cycle.`, CYCLE_CONFLICT);
      }
      // What ranked each order and why it waits, kept per order where it changed: the drawer and the impact preview read it.
      const changed = changedJudgements(plan, {
        workAreaId,
        cycleId,
        now,
        priority: priority ? { version: priority.version, decide: compiledFor(priority).decide } : null,
        release: release ? { version: release.version } : null,
      });
      await writeOrderMarks(tx, changed.orders);
      await writeReleaseJudgements(tx, changed.judgements);
      tx.create(ReleaseCycleRecord, {
        id: cycleId,
        workAreaId,
        releaseGroupId: group?.id ?? null,
        gateways: group
          ? gateways.map(({ area: g, taken: t, cycleArea: c }) => ({ workAreaId: g.id, status: g.status, inShift: c.inShift, limit: g.wipLimit ?? null, usedBefore: t.used, usedAfter: plan.usedAfterByGateway[g.id]! }))
          : null,
        seq: group ? group.cycles + 1 : area.cycles + 1,
        startedAt: now,
        durationMs: performance.now() - started,
        triggers,
        areaStatus: area.status,
        inShift,
        capacityUnit: area.capacityUnit,
        limit: area.wipLimit,
        usedBefore: taken.used,
        usedAfter: plan.usedAfterByGateway[workAreaId]!,
        candidates: pool.length,
        released: plan.released,
        escalated: plan.escalated,
        waited: plan.waited.slice(0, WAITED_KEPT),
        waitedByReason: countReasons(plan.waited),
        workloads: [...norms].map(([id, norm]) => ({ workAreaId: id, normHours: norm.normHours, before: norm.loadHours, after: plan.loadsAfter[id]! })),
        priorityVersion: priority?.version ?? null,
        releaseVersion: release?.version ?? null,
      });
      const onTheirWay = gateways.flatMap((g) => g.taken.onTheirWay.map((o) => ({ ...o, workAreaId: g.area.id })));
      const lost = onTheirWay.filter((o) => retried || now.getTime() - o.grantedAt.getTime() >= RESEND_GRANTS_AFTER_MS);
      // Each order is told the gateway it was released into; an area on its own leaves it out, as before groups.
      const into = (gateway: string) => (group ? { workAreaId: gateway } : {});
      return {
        cycleId,
        release: [
          ...lost.map(({ orderId, queuedAt, workAreaId: gateway }) => ({ orderId, queuedAt, ...into(gateway) })),
          ...released.map((id) => ({ orderId: id, queuedAt: releasedOrders.get(id)!.queuedAt.toISOString(), ...into(gatewayOf.get(id)!) })),
        ],
        escalate: plan.escalated.map(({ orderId, reason, role }) => ({ orderId, reason, role })),
        ...(short.size > 0 ? { hold: [...short].map(([orderId, skus]) => ({ orderId, reason: shortReason(skus) })) } : {}),
        // Those short of stock are among the plan's waiting, with their reason, but leave the pool for a hold.
        waiting: plan.waited.length - short.size + onTheirWay.length - lost.length,
      };
    });
  }
}
