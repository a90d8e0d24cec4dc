import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InFlightPolicy } from '../domain/in-flight-policy.ts';
import type { OrderDetail } from '../domain/order.ts';
import type { Role } from '../domain/roles.ts';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import { DEFAULT_RULESETS } from '../rules/defaults/index.ts';
import { eventually, type Harness } from '../test/sluice-harness.ts';
import { useTimeSkippingHarness } from '../test/time-skipping-harness.ts';
import { orderWorkflowId, rulesPublishedSignal } from './definitions.ts';

/**
 * Escalation rules published to re-decide move the deadlines already running, counted from when each order
 * entered its state. Temporal's time-skipping test server jumps over the minutes; the rules, the store, the
 * publication's workflow and the orders' workflows are all real.
 */
describe('running escalation deadlines when new escalation rules are published (time-skipping)', () => {
  // Takes the area's one slot, so the orders below wait in the pool with their queued deadline running.
  const harness = useTimeSkippingHarness({ wipLimit: 1, ready: async (h) => h.reach((await h.postOrder('FILLER', 48)).id, 'assigned') });
  let env: TestWorkflowEnvironment;
  let h: Harness;
  beforeAll(() => {
    [env, h] = [harness.env(), harness.h()];
  });

  const history = async (id: string) => (await env.client.workflow.getHandle(orderWorkflowId(id)).fetchHistory()).events ?? [];
  const timers = async (id: string) => (await history(id)).filter((e) => e.timerStartedEventAttributes).length;
  const timersCancelled = async (id: string) => (await history(id)).filter((e) => e.timerCanceledEventAttributes).length;
  /** Time only jumps over a timer the workflow has started: wait for it in the history first. */
  const awaitTimers = (id: string, count: number) => eventually(async () => ((await timers(id)) >= count ? true : undefined), `timer ${count} of ${id}`);
  const deadlines = (o: OrderDetail) => o.decisions.filter((d) => d.decisionPoint === 'escalation').map((d) => [d.rulesetVersion, d.facts.state, d.outcome.chosen?.params.minutes ?? null]);
  const decidedBy = (id: string, version: number) =>
    eventually(async () => ((o) => (o.decisions.some((d) => d.decisionPoint === 'escalation' && d.rulesetVersion === version) ? o : undefined))(await h.getOrder(id)), `${id} to decide its deadline under v${version}`);

  /** The shipped escalation rules with the queued deadline set (or removed, for null). */
  const queuedDeadline = (deadline: { minutes: number; role: Role } | null): RulesetDefinition => {
    const rules = structuredClone(DEFAULT_RULESETS.escalation);
    rules.rules = rules.rules.filter((r) => !JSON.stringify(r.conditions).includes('"queued"') || r.name === 'Queued');
    const queued = rules.rules.find((r) => r.name === 'Queued')!;
    if (deadline) queued.event.params = { ...deadline };
    else rules.rules = rules.rules.filter((r) => r !== queued);
    return rules;
  };
  const publish = async (definition: RulesetDefinition, inFlight: InFlightPolicy) => {
    const res = await h.request('/rulesets/escalation/versions', {
      method: 'POST',
      role: 'ops_manager',
      body: JSON.stringify({ definition, note: 'Queued deadline', inFlight, override: { reason: 'The shipped cases expect the shipped deadlines' } }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { version: number }).version;
  };
  const queued = async (reference: string) => {
    const order = await h.postOrder(reference, 48);
    await h.reach(order.id, 'queued');
    await awaitTimers(order.id, 1);
    return order.id;
  };

  let shorter = 0;
  let first = '';
  it('"keep" leaves a running deadline alone', async () => {
    first = await queued('KEPT-THEN-SHORTER');
    await publish(queuedDeadline({ minutes: 10, role: 'dispatcher' }), 'keep');
    await env.sleep('15 minutes');
    const kept = await h.getOrder(first);
    expect(kept.state).toBe('queued');
    expect(deadlines(kept)).toEqual([[1, 'queued', 240]]);
  });

  it('a shorter deadline escalates the order at the new time, counted from when it entered its state', async () => {
    shorter = await publish(queuedDeadline({ minutes: 60, role: 'dispatcher' }), 'redecide_now');
    const redecided = await decidedBy(first, shorter);
    // The "keep" version decided nothing: the order went from the first version to this one.
    expect(deadlines(redecided)).toEqual([
      [1, 'queued', 240],
      [shorter, 'queued', 60],
    ]);
    await awaitTimers(first, 2);
    await env.sleep('43 minutes');
    expect((await h.getOrder(first)).state).toBe('queued');
    await env.sleep('3 minutes');
    const escalated = await h.reach(first, 'escalated');
    expect(escalated.escalation).toEqual({ reason: 'Still queued after 60 minutes', role: 'dispatcher', from: 'queued' });
  });

  it('a deadline already past escalates at once, to the new rules\' role; an escalated order keeps its escalation', async () => {
    const late = await queued('PAST-THE-NEW-DEADLINE');
    await env.sleep('30 minutes');
    const version = await publish(queuedDeadline({ minutes: 20, role: 'ops_manager' }), 'redecide_now');
    const escalated = await h.reach(late, 'escalated');
    expect(escalated.escalation).toEqual({ reason: 'Still queued after 20 minutes', role: 'ops_manager', from: 'queued' });
    // Then the escalated state's own deadline, decided on entering it.
    expect(deadlines(escalated).slice(-2)).toEqual([
      [version, 'queued', 20],
      [version, 'escalated', 240],
    ]);

    const kept = await h.getOrder(first);
    expect(kept.escalation).toMatchObject({ role: 'dispatcher', reason: 'Still queued after 60 minutes' });
    expect(kept.decisions.some((d) => d.rulesetVersion === version && d.decisionPoint === 'escalation')).toBe(false);
  });

  it('a longer deadline moves it later, and a second delivery of the same publication decides nothing again', async () => {
    const order = await queued('LONGER');
    await env.sleep('10 minutes');
    const version = await publish(queuedDeadline({ minutes: 45, role: 'dispatcher' }), 'redecide_now');
    await decidedBy(order, version);
    await awaitTimers(order, 2);

    const handle = env.client.workflow.getHandle(orderWorkflowId(order));
    await handle.signal(rulesPublishedSignal, { decisionPoint: 'escalation', version });
    // Handled once a workflow task completed after the repeated signal.
    await eventually(async () => {
      const events = await history(order);
      const lastSignal = events.findLastIndex((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'rulesPublished');
      return events.slice(lastSignal + 1).some((e) => e.workflowTaskCompletedEventAttributes) ? true : undefined;
    }, 'the repeated signal to be handled');

    await env.sleep('15 minutes');
    expect((await h.getOrder(order)).state).toBe('queued');
    await env.sleep('21 minutes');
    const escalated = await h.reach(order, 'escalated');
    expect(escalated.escalation).toMatchObject({ reason: 'Still queued after 45 minutes' });
    expect(deadlines(escalated).filter(([v, state]) => v === version && state === 'queued')).toHaveLength(1);
  });

  it('no deadline in the new rules cancels the running timer', async () => {
    const order = await queued('NO-DEADLINE');
    const version = await publish(queuedDeadline(null), 'redecide_now');
    const redecided = await decidedBy(order, version);
    expect(deadlines(redecided).at(-1)).toEqual([version, 'queued', null]);
    await eventually(async () => ((await timersCancelled(order)) >= 1 ? true : undefined), 'the running timer to be cancelled');
    await env.sleep('5 hours');
    expect((await h.getOrder(order)).state).toBe('queued');
  });
});
