import { initialTransition, transition } from 'xstate';
import type { PaymentMode } from '../../../domain/lifecycle.ts';
import type { OrderState } from '../../../domain/order.ts';
import { machineFor, type OrderMachine } from '../../../workflows/machines/machine-for-kind.ts';
import type { OrderMachineEvent } from '../../../workflows/machines/order-events.ts';

type Snapshot = ReturnType<typeof initialTransition<OrderMachine>>[0];

/** Where a simulated order is in its lifecycle, and what the machine asked for on the way there. */
export interface LifecycleStep {
  snapshot: Snapshot;
  state: OrderState;
  /** The named actions the transition returned (requestRelease, freeCapacity, decideReturn, decideRemit…), as the workflow receives them. */
  effects: readonly string[];
}

/**
 * The order lifecycle machines the workflow runs, driven the way it drives them (XState's pure
 * `initialTransition` / `transition`, the effects turned into the simulator's actions), for a simulation
 * of tens of thousands of orders. Each transition costs XState some 30 µs, too much for a day of 50,000
 * orders taking ten steps each, so steps are memoised: the machine is pure, so one snapshot and one event
 * always give the same next snapshot and effects. Simulated orders start from one context per kind and
 * payment mode (the order's id and area are not in any guard) and their events carry no per-order
 * values, so orders with the same history share their snapshots and nearly every step is a lookup.
 */
export class DeliveryLifecycle {
  private readonly next = new WeakMap<Snapshot, Map<string, LifecycleStep>>();
  private readonly starts = new Map<string, LifecycleStep>();

  /** A new order of the kind: captured, accepted by intake and scored, so in its pool (`queued`). */
  queued(kind: 'on_demand' | 'delivery', paymentMode: PaymentMode): LifecycleStep {
    const key = `${kind}:${paymentMode}`;
    let start = this.starts.get(key);
    if (!start) {
      const machine = machineFor(kind);
      const [captured] = initialTransition(machine, { orderId: `simulated ${key}`, workAreaId: 'simulated', kind, paymentMode, splitFrom: null });
      const [validating] = transition(machine, captured, { type: 'INTAKE_DECIDED', outcome: 'accept' });
      const [queued, effects] = transition(machine, validating, { type: 'PRIORITIZED', score: 0, decisionId: 'simulated' });
      start = { snapshot: queued, state: queued.value as OrderState, effects: effects.map((e) => e.type) };
      this.starts.set(key, start);
    }
    return start;
  }

  /** The step `event` makes from `from`; throws when the lifecycle does not allow it, as the workflow refuses it. */
  step(from: LifecycleStep, event: OrderMachineEvent): LifecycleStep {
    let known = this.next.get(from.snapshot);
    if (!known) this.next.set(from.snapshot, (known = new Map()));
    const key = JSON.stringify(event);
    let found = known.get(key);
    if (!found) {
      if (!from.snapshot.can(event)) throw new Error(`Event ${event.type} is not allowed while the order is ${from.state}.`);
      const machine = machineFor(from.snapshot.context.kind);
      const [snapshot, effects] = transition(machine, from.snapshot, event);
      found = { snapshot, state: snapshot.value as OrderState, effects: effects.map((e) => e.type) };
      known.set(key, found);
    }
    return found;
  }
}
