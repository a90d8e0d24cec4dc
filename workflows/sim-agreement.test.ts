import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderKind, StatedPriority } from '../domain/order.ts';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import { DEFAULT_RULESETS, WORKLOAD_CONTROL_PRIORITY } from '../rules/defaults/index.ts';
import { planReleaseCycle, type PoolOrder, type Ranked } from '../rules/release-cycle.ts';
import { uniformInt } from '../sim/distributions.ts';
import { cycleRulesOf } from '../sim/job-shop/release-calls.ts';
import { RandomStreams } from '../sim/random-streams.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { ReleaseCycleRecord } from '../store/release-cycle.entity.ts';
import { publishVersion } from '../store/rulesets.ts';
import { createHarness, eventually, type Harness } from '../test/sluice-harness.ts';

const ORDERS = 14;
const WIP_LIMIT = 3;
const PRIORITIES: StatedPriority[] = ['low', 'normal', 'high', 'urgent'];

type Arrival = { kind: 'arrival'; index: number };
type Completion = { kind: 'completion'; orderId: string };
type Released = Pick<Ranked, 'orderId' | 'rank'>[];

/**
 * The live system and the simulator agree: a small simulated scenario (orders arriving with stated
 * priorities, values and due times drawn from the simulator's seeded streams, work completing) is fed
 * one event at a time both to the real stack — intake API, order workflows, the area's controller and its
 * release cycles on the dev server, the store — and to the simulator's release model, the pure cycle
 * with the rules compiled as the simulator compiles them. After each event the orders each side released,
 * and their ranks, are the same. Determinism: each event waits for the live cycles it causes to settle;
 * the simulator plans with the clock the live cycle read (its recorded start), and the orders' arrival
 * instants are the store's, so both sides rank on the same inputs. Due times lie beyond every slack rule of
 * the default priority rules, so no score changes while the test runs.
 */
/** The priority rules in force: the defaults (additive points), and the workload-control ruleset's rank by, published over them. */
const PRIORITIES_IN_FORCE: { label: string; priority: RulesetDefinition; version: number }[] = [
  { label: 'the default priority rules', priority: DEFAULT_RULESETS.priority, version: 1 },
  { label: "the workload-control ruleset's rank by", priority: WORKLOAD_CONTROL_PRIORITY, version: 2 },
];

describe.each(PRIORITIES_IN_FORCE)('the live system and the simulator agree on release decisions, under $label', ({ priority, version }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ wipLimit: WIP_LIMIT, worker: true });
    if (version > 1) expect(await publishVersion(h.store.em.fork(), priority, { author: 'test', note: 'the rules the simulator runs' })).toBe(version);
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`releases the same orders in the same rank after every event of a ${ORDERS}-order scenario`, { timeout: 600_000 }, async () => {
    const streams = new RandomStreams(20261206, 0);
    const [values, priorities, dues, choices] = ['values', 'priorities', 'dues', 'choices'].map((p) => streams.stream(p));
    const start = Date.now();
    const scenario = Array.from({ length: ORDERS }, (_, i) => ({
      reference: `AGREE-${i}`,
      statedPriority: PRIORITIES[uniformInt(priorities!, 0, 3)]!,
      dueAt: new Date(start + uniformInt(dues!, 8, 72) * 3_600_000).toISOString(),
      lines: [{ sku: 'A', qty: uniformInt(values!, 1, 4), price: uniformInt(values!, 0, 1) === 0 ? 100 : 2_000 }],
    }));
    const rules = cycleRulesOf({ label: 'published', kind: 'rules', rulesets: { priority, release: DEFAULT_RULESETS.release } });

    // The simulator's state: its pool, the orders it has in process, and the live ids of the orders sent.
    const pool: PoolOrder[] = [];
    const inProcess: string[] = [];
    const idOf = new Map<number, string>();
    let seq = 0;
    let arrived = 0;
    let overtook = false;
    const log: { event: string; live: Released; simulated: Released }[] = [];

    while (arrived < ORDERS || inProcess.length > 0) {
      const event: Arrival | Completion =
        arrived < ORDERS && (inProcess.length === 0 || choices!() < 0.6) ? { kind: 'arrival', index: arrived++ } : { kind: 'completion', orderId: inProcess[uniformInt(choices!, 0, inProcess.length - 1)]! };
      let seen: (cycle: ReleaseCycleRecord) => boolean;
      if (event.kind === 'arrival') {
        const res = await h.request('/orders', { method: 'POST', body: JSON.stringify({ ...scenario[event.index], account: 'ACME', kind: 'pick', workAreaId: h.workAreaId }) });
        expect(res.status).toBe(201);
        const id = ((await res.json()) as { id: string }).id;
        idOf.set(event.index, id);
        const record = await eventually(async () => ((o) => (o?.queuedAt ? o : undefined))(await h.store.em.fork().findOne(OrderRecord, { id })), `order ${id} to enter the pool`);
        pool.push(poolOrderOf(scenario[event.index]!, id, record.createdAt, record.queuedAt!));
        // The event's cycle is the first that ranked the new order.
        seen = (cycle) => [...cycle.released, ...cycle.waited, ...cycle.escalated].some((o) => o.orderId === id);
      } else {
        await h.request(`/orders/${event.orderId}/actions`, { method: 'POST', body: JSON.stringify({ action: 'start' }) });
        await h.reach(event.orderId, 'in_progress');
        await h.request(`/orders/${event.orderId}/actions`, { method: 'POST', body: JSON.stringify({ action: 'complete' }) });
        await h.reach(event.orderId, 'closed');
        inProcess.splice(inProcess.indexOf(event.orderId), 1);
        // A slot given back with nothing waiting runs no cycle; otherwise the event's cycle counts the slot free.
        seen = (cycle) => cycle.usedBefore === inProcess.length;
      }
      const cycles = pool.length === 0 ? [] : await settledCycles(h, seq, seen);
      seq = Math.max(seq, ...cycles.map((c) => c.seq));
      const live: Released = cycles.flatMap((c) => c.released.map(({ orderId, rank }) => ({ orderId, rank })));
      for (const c of cycles) expect([c.priorityVersion, c.releaseVersion]).toEqual([version, 1]);

      const now = cycles.find(seen)?.startedAt;
      const plan = now ? planReleaseCycle(pool, { id: h.workAreaId, zone: null, status: 'open', inShift: true, hourOfDay: now.getUTCHours(), unit: 'orders', wipLimit: WIP_LIMIT, used: inProcess.length }, rules, now) : null;
      const simulated: Released = plan ? plan.released.map(({ orderId, rank }) => ({ orderId, rank })) : [];
      // Pool order is arrival order: a release of another than the oldest is the ranking at work.
      overtook ||= simulated.length > 0 && simulated[0]!.orderId !== pool[0]!.id;
      for (const { orderId } of simulated) {
        pool.splice(pool.findIndex((o) => o.id === orderId), 1);
        inProcess.push(orderId);
      }
      const name = event.kind === 'arrival' ? `AGREE-${event.index} arrives` : `${event.orderId} completes`;
      log.push({ event: name, live, simulated });
      expect(live, `after "${name}"`).toEqual(simulated);
    }
    const releases = log.reduce((n, e) => n + e.simulated.length, 0);
    expect(releases).toBe(ORDERS);
    // Some event found the area full and released later, in rank order: the comparison was not only of arrivals.
    expect(log.some((e) => e.event.endsWith('completes') && e.simulated.length > 0)).toBe(true);
    expect(overtook, 'some order released ahead of an older one').toBe(true);
    console.log(`sim agreement: ${log.length} events, ${releases} releases, the same on both sides`);
  });
});

function poolOrderOf(o: { statedPriority: StatedPriority; dueAt: string; lines: { sku: string; qty: number; price: number }[] }, id: string, createdAt: Date, queuedAt: Date): PoolOrder {
  return { id, kind: 'pick' satisfies OrderKind, statedPriority: o.statedPriority, dueAt: new Date(o.dueAt), createdAt, queuedAt, lines: o.lines, units: o.lines.reduce((n, l) => n + l.qty, 0) };
}

/**
 * The area's cycles after `after`, once the event's own cycle (`seen`) has run and every order those cycles
 * released has been assigned: then nothing more moves until the next event.
 */
async function settledCycles(h: Harness, after: number, seen: (cycle: ReleaseCycleRecord) => boolean): Promise<ReleaseCycleRecord[]> {
  const read = () => h.store.em.fork().find(ReleaseCycleRecord, { workAreaId: h.workAreaId, seq: { $gt: after } }, { orderBy: { seq: 'asc' } });
  await eventually(async () => ((await read()).some(seen) ? true : undefined), 'the event\'s release cycle');
  for (;;) {
    const cycles = await read();
    const released = cycles.flatMap((c) => c.released.map((r) => r.orderId));
    const orders = released.length === 0 ? [] : await h.store.em.fork().find(OrderRecord, { id: { $in: released } }, { fields: ['state'] });
    if (orders.every((o) => o.state !== 'queued' && o.state !== 'released')) {
      // A cycle called while the last one ran comes right after it: give it the moment it takes.
      await new Promise((r) => setTimeout(r, 500));
      if ((await read()).length === cycles.length) return cycles;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
