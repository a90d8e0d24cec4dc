import { describe, expect, it } from 'vitest';
import type { OrderMachineEvent } from '../../../workflows/machines/order-events.ts';
import { DeliveryLifecycle } from './delivery-lifecycle.ts';

const driver = { actor: 'driver' } as const;
const paths: { name: string; kind: 'on_demand' | 'delivery'; payment: 'cod' | 'prepaid'; events: OrderMachineEvent[]; states: string[]; effects: string[][] }[] = [
  {
    name: 'prepaid, delivered and closed',
    kind: 'delivery',
    payment: 'prepaid',
    events: [{ type: 'RELEASE', workAreaId: 'a' }, { type: 'ASSIGNED', resource: 'd' }, { type: 'PICK_UP', ...driver }, { type: 'DEPART', ...driver }, { type: 'DELIVER', ...driver }, { type: 'REMIT_DECIDED', outcome: 'clear' }],
    states: ['released', 'assigned', 'picked_up', 'in_transit', 'delivered', 'closed'],
    effects: [['assign'], ['armDeadline'], ['armDeadline'], ['armDeadline'], ['freeCapacity', 'decideRemit'], []],
  },
  {
    name: 'cash on delivery waits for finance',
    kind: 'on_demand',
    payment: 'cod',
    events: [{ type: 'DELIVER', ...driver }, { type: 'REMIT_DECIDED', outcome: 'require_remit' }, { type: 'CONFIRM_REMIT', actor: 'finance' }, { type: 'REMIT_DECIDED', outcome: 'clear' }],
    states: ['delivered', 'awaiting_remit', 'awaiting_remit', 'closed'],
    effects: [['freeCapacity', 'decideRemit'], ['armDeadline'], ['decideRemit'], []],
  },
  {
    name: 'a failed attempt comes back and the return rules put it back in the pool',
    kind: 'delivery',
    payment: 'prepaid',
    events: [{ type: 'FAIL_ATTEMPT', ...driver }, { type: 'RETURN', ...driver, returnReason: 'not_home', reason: 'Nobody home.' }, { type: 'RETURN_DECIDED', outcome: 'requeue' }],
    states: ['attempt_failed', 'returned', 'queued'],
    effects: [[], ['freeCapacity', 'decideReturn'], ['requestRelease', 'armDeadline']],
  },
  {
    name: 'a failed attempt the return rules close',
    kind: 'delivery',
    payment: 'prepaid',
    events: [{ type: 'FAIL_ATTEMPT', ...driver }, { type: 'RETURN', ...driver, returnReason: 'not_home', reason: 'Nobody home.' }, { type: 'RETURN_DECIDED', outcome: 'close' }],
    states: ['attempt_failed', 'returned', 'closed'],
    effects: [[], ['freeCapacity', 'decideReturn'], []],
  },
];

describe('the delivery lifecycle as the simulator drives it', () => {
  const lifecycle = new DeliveryLifecycle();
  const onTheRoad = (kind: 'on_demand' | 'delivery', payment: 'cod' | 'prepaid') =>
    [{ type: 'RELEASE', workAreaId: 'a' }, { type: 'ASSIGNED', resource: 'd' }, { type: 'PICK_UP', ...driver }, { type: 'DEPART', ...driver }].reduce(
      (step, event) => lifecycle.step(step, event as OrderMachineEvent),
      lifecycle.queued(kind, payment),
    );

  it('starts in the pool, asking for a release', () => {
    const start = lifecycle.queued('on_demand', 'cod');
    expect(start.state).toBe('queued');
    expect(start.effects).toContain('requestRelease');
  });

  it.each(paths)('$name', ({ kind, payment, events, states, effects }) => {
    let step = events[0]!.type === 'RELEASE' ? lifecycle.queued(kind, payment) : onTheRoad(kind, payment);
    const seen: { state: string; effects: readonly string[] }[] = [];
    for (const event of events) {
      step = lifecycle.step(step, event);
      seen.push({ state: step.state, effects: step.effects });
    }
    expect(seen).toEqual(states.map((state, i) => ({ state, effects: effects[i] })));
  });

  it('counts attempts in the machine’s context', () => {
    let step = onTheRoad('delivery', 'prepaid');
    for (const attempt of [1, 2]) {
      step = lifecycle.step(step, { type: 'FAIL_ATTEMPT', ...driver });
      expect(step.snapshot.context.attempts).toBe(attempt);
      step = lifecycle.step(step, { type: 'DEPART', ...driver });
    }
  });

  it('shares the steps of orders with the same history, and refuses what the lifecycle refuses', () => {
    expect(onTheRoad('delivery', 'cod')).toBe(onTheRoad('delivery', 'cod'));
    expect(() => lifecycle.step(lifecycle.queued('delivery', 'cod'), { type: 'DELIVER', ...driver })).toThrow(/not allowed while the order is queued/);
  });
});
