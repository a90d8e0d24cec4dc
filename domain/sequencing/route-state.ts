import { depotLoad, evaluateRoute, requestCount } from './evaluate-route.ts';
import type { Instance } from './instance.ts';
import type { UnplannedReason } from './sequencing-problem.ts';

export interface Insertion {
  /** Added distance. */
  cost: number;
  /** The route's nodes with the request in place. */
  nodes: number[];
}

export type InsertionResult = { ok: true; insertion: Insertion } | { ok: false; violation: UnplannedReason };

/**
 * One vehicle's route with the schedule figures that answer "does stop u fit between positions p−1
 * and p?" in constant time (Savelsbergh's forward start times and backward latest starts).
 */
export class RouteState {
  nodes: number[];
  distance = 0;
  private start: number[] = [];
  private latest: number[] = [];
  private legLoadMax: number[] = [];
  readonly inst: Instance;
  readonly vehicle: number;

  constructor(inst: Instance, vehicle: number, nodes: number[]) {
    this.inst = inst;
    this.vehicle = vehicle;
    this.nodes = nodes;
    this.refresh();
  }

  get headLength(): number {
    return this.inst.pinnedHead[this.vehicle]!.length;
  }

  /** An unused vehicle: nothing on its route, not even a pinned stop. */
  get empty(): boolean {
    return this.nodes.length === 0;
  }

  set(nodes: number[]): void {
    this.nodes = nodes;
    this.refresh();
  }

  private refresh(): void {
    const { inst, nodes } = this;
    const { n, time, dist } = inst;
    const v = inst.vehicles[this.vehicle]!;
    const L = nodes.length;
    this.start = new Array<number>(L);
    this.latest = new Array<number>(L + 1);
    this.legLoadMax = new Array<number>(L + 1);
    let t = v.shiftStart;
    let prev = 0;
    let distance = 0;
    let load = depotLoad(inst, nodes);
    let maxLoad = load;
    for (let i = 0; i < L; i++) {
      const node = nodes[i]!;
      this.legLoadMax[i] = maxLoad;
      t = Math.max(t + time[prev * n + node]!, inst.readyAt[node]!);
      distance += dist[prev * n + node]!;
      this.start[i] = t;
      t += inst.service[node]!;
      load += inst.role[node] === 1 ? inst.demand[node]! : -inst.demand[node]!;
      maxLoad = Math.max(maxLoad, load);
      prev = node;
    }
    this.legLoadMax[L] = maxLoad;
    this.distance = distance + dist[prev * n]!;
    this.latest[L] = v.shiftEnd;
    let next = 0;
    for (let i = L - 1; i >= 0; i--) {
      const node = nodes[i]!;
      this.latest[i] = Math.min(inst.dueAt[node]!, this.latest[i + 1]! - inst.service[node]! - time[node * n + next]!);
      next = node;
    }
  }

  /** Cheapest feasible place for a request on this route, or the constraint that ruled every place out. */
  bestInsertion(request: readonly number[]): InsertionResult {
    const adds = request.some((node) => this.inst.role[node] !== -1) ? 1 : 0;
    if (requestCount(this.inst, this.nodes) + adds > this.inst.vehicles[this.vehicle]!.maxRequests) return { ok: false, violation: 'capacity' };
    return request.length === 1 && this.inst.role[request[0]!] === 0 ? this.bestSingle(request[0]!) : this.bestByEvaluation(request);
  }

  private bestSingle(u: number): InsertionResult {
    const { inst, nodes } = this;
    const { n, time, dist } = inst;
    const v = inst.vehicles[this.vehicle]!;
    const L = nodes.length;
    let best = -1;
    let bestCost = Infinity;
    let violation: UnplannedReason = 'time_window';
    let sawCapacity = false;
    let sawTime = false;
    for (let p = this.headLength; p <= L; p++) {
      const a = p === 0 ? 0 : nodes[p - 1]!;
      const b = p === L ? 0 : nodes[p]!;
      // Unpaired deliveries ride from the depot, so every leg before the new stop carries its demand too.
      if (this.legLoadMax[p]! + inst.demand[u]! > v.capacity) {
        sawCapacity = true;
        continue;
      }
      const leave = p === 0 ? v.shiftStart : this.start[p - 1]! + inst.service[a]!;
      const startU = Math.max(leave + time[a * n + u]!, inst.readyAt[u]!);
      if (startU > inst.dueAt[u]!) {
        sawTime = true;
        continue;
      }
      const arriveB = startU + inst.service[u]! + time[u * n + b]!;
      const startB = p === L ? arriveB : Math.max(arriveB, inst.readyAt[b]!);
      if (startB > this.latest[p]!) {
        if (p === L || this.latest[p]! < inst.dueAt[b]!) violation = 'shift_end';
        sawTime = true;
        continue;
      }
      const cost = dist[a * n + u]! + dist[u * n + b]! - dist[a * n + b]!;
      if (cost < bestCost) {
        bestCost = cost;
        best = p;
      }
    }
    if (best < 0) return { ok: false, violation: sawCapacity && !sawTime ? 'capacity' : violation };
    return { ok: true, insertion: { cost: bestCost, nodes: [...nodes.slice(0, best), u, ...nodes.slice(best)] } };
  }

  /** Whether u alone fits between positions p − 1 and p on time (a necessary condition for any insertion there). */
  private onTime(u: number, p: number): boolean {
    const { inst, nodes } = this;
    const { n, time } = inst;
    const L = nodes.length;
    const a = p === 0 ? 0 : nodes[p - 1]!;
    const b = p === L ? 0 : nodes[p]!;
    const leave = p === 0 ? inst.vehicles[this.vehicle]!.shiftStart : this.start[p - 1]! + inst.service[a]!;
    const startU = Math.max(leave + time[a * n + u]!, inst.readyAt[u]!);
    if (startU > inst.dueAt[u]!) return false;
    const arriveB = startU + inst.service[u]! + time[u * n + b]!;
    return (p === L ? arriveB : Math.max(arriveB, inst.readyAt[b]!)) <= this.latest[p]!;
  }

  /** Added distance of u between positions p − 1 and p. */
  private detour(u: number, p: number): number {
    const { nodes, inst } = this;
    const a = p === 0 ? 0 : nodes[p - 1]!;
    const b = p === nodes.length ? 0 : nodes[p]!;
    return inst.dist[a * inst.n + u]! + inst.dist[u * inst.n + b]! - inst.dist[a * inst.n + b]!;
  }

  /**
   * Pairs, and halves of pairs, are checked in full — but only where each half fits on time alone and
   * the added distance (known from the edges) would beat the best place found so far.
   */
  private bestByEvaluation(request: readonly number[]): InsertionResult {
    const { nodes, inst } = this;
    const L = nodes.length;
    let best: Insertion | null = null;
    const violations = new Map<UnplannedReason, number>();
    const tryNodes = (candidate: number[]) => {
      const check = evaluateRoute(inst, this.vehicle, candidate);
      if (!check.ok) violations.set(check.violation, (violations.get(check.violation) ?? 0) + 1);
      else if (!best || check.distance - this.distance < best.cost) best = { cost: check.distance - this.distance, nodes: candidate };
    };
    const beats = (cost: number) => !best || cost < best.cost - 1e-9;
    const [p, q] = [request[0]!, request[1]];
    for (let i = this.headLength; i <= L; i++) {
      if (!this.onTime(p, i)) {
        violations.set('time_window', (violations.get('time_window') ?? 0) + 1);
        continue;
      }
      if (q === undefined) {
        if (beats(this.detour(p, i))) tryNodes([...nodes.slice(0, i), p, ...nodes.slice(i)]);
        continue;
      }
      const a = i === 0 ? 0 : nodes[i - 1]!;
      const b = i === L ? 0 : nodes[i]!;
      const { dist, n } = inst;
      const together = dist[a * n + p]! + dist[p * n + q]! + dist[q * n + b]! - dist[a * n + b]!;
      if (beats(together)) tryNodes([...nodes.slice(0, i), p, q, ...nodes.slice(i)]);
      const pickupDetour = this.detour(p, i);
      for (let j = i + 1; j <= L; j++) {
        if (!this.onTime(q, j) || !beats(pickupDetour + this.detour(q, j))) continue;
        tryNodes([...nodes.slice(0, i), p, ...nodes.slice(i, j), q, ...nodes.slice(j)]);
      }
    }
    if (best) return { ok: true, insertion: best };
    const common = [...violations].sort((x, y) => y[1] - x[1])[0];
    return { ok: false, violation: common ? common[0] : 'pin' };
  }
}
