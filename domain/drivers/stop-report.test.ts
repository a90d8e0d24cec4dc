import { describe, expect, it } from 'vitest';
import type { OrderState } from '../lifecycle.ts';
import type { OrderKind } from '../order.ts';
import type { StopKind, StopStatus, TripState } from '../trips/trip.ts';
import { stopOrderActions } from './stop-order-actions.ts';
import { cashRefusal, stopReport, type ReportedStatus } from './stop-report.ts';
import { stopReportStep } from './stop-report-step.ts';

describe('the order actions a stop report sends', () => {
  it.each<[OrderKind, OrderState, StopKind, ReportedStatus, string[] | RegExp]>([
    ['pickup_delivery', 'assigned', 'pickup', 'arrived', []],
    ['pickup_delivery', 'assigned', 'pickup', 'done', ['pick_up']],
    ['pickup_delivery', 'assigned', 'pickup', 'failed', []],
    ['pickup_delivery', 'picked_up', 'dropoff', 'done', ['stage', 'depart', 'deliver']],
    ['pickup_delivery', 'staged', 'dropoff', 'failed', ['depart', 'fail_attempt']],
    ['delivery', 'assigned', 'dropoff', 'done', ['pick_up', 'depart', 'deliver']],
    ['delivery', 'assigned', 'dropoff', 'failed', ['pick_up', 'depart', 'fail_attempt']],
    ['delivery', 'in_transit', 'dropoff', 'done', ['deliver']],
    ['delivery', 'attempt_failed', 'dropoff', 'done', ['depart', 'deliver']],
    ['on_demand', 'picked_up', 'dropoff', 'done', ['depart', 'deliver']],
    ['delivery', 'in_transit', 'pickup', 'done', []],
    ['delivery', 'on_hold', 'dropoff', 'done', /on hold, not with you on the road/],
    ['delivery', 'delivered', 'pickup', 'done', /delivered, not with you/],
  ])('%s order %s, %s %s → %j', (kind, state, stop, status, expected) => {
    const got = stopOrderActions(kind, state, stop, status);
    if (expected instanceof RegExp) expect('refused' in got && got.refused).toMatch(expected);
    else expect(got).toEqual({ actions: expected });
  });
});

describe('a report against the stop it is about', () => {
  it.each<[TripState, StopStatus, ReportedStatus, string | RegExp]>([
    ['dispatched', 'pending', 'arrived', 'apply'],
    ['dispatched', 'pending', 'done', 'apply'],
    ['in_progress', 'arrived', 'failed', 'apply'],
    ['in_progress', 'done', 'done', 'repeat'],
    ['in_progress', 'arrived', 'arrived', 'repeat'],
    ['completed', 'failed', 'failed', 'repeat'],
    ['in_progress', 'done', 'failed', /already done: it cannot become failed/],
    ['in_progress', 'failed', 'arrived', /already failed/],
    ['planned', 'pending', 'arrived', /not dispatched yet/],
    ['completed', 'done', 'failed', /completed: its stops take no more reports/],
    ['cancelled', 'pending', 'done', /cancelled/],
  ])('trip %s, stop %s, reported %s → %s', (trip, current, reported, expected) => {
    const got = stopReportStep(trip, current, reported);
    if (expected instanceof RegExp) expect(typeof got === 'object' && got.refused).toMatch(expected);
    else expect(got).toBe(expected);
  });
});

describe('cash in a report', () => {
  const cod = { id: 'O-1', paymentMode: 'cod' };
  const prepaid = { id: 'O-2', paymentMode: 'prepaid' };
  const delivered = { kind: 'dropoff', status: 'done' } as const;
  it.each([
    { name: 'COD delivered by an internal driver with cash', report: { ...delivered, cashCollected: 12.5 }, order: cod, carrier: 'internal', refused: null },
    { name: 'COD delivered without saying the cash', report: delivered, order: cod, carrier: 'internal', refused: /say how much cash you collected/ },
    { name: 'cash on a prepaid order', report: { ...delivered, cashCollected: 1 }, order: prepaid, carrier: 'internal', refused: /not cash on delivery/ },
    { name: 'cash by an external carrier', report: { ...delivered, cashCollected: 1 }, order: cod, carrier: 'external', refused: /\(external\) does not collect cash/ },
    { name: 'cash by a prime carrier', report: { ...delivered, cashCollected: 1 }, order: cod, carrier: 'prime', refused: /does not collect cash/ },
    { name: 'cash on a pickup', report: { kind: 'pickup', status: 'done', cashCollected: 1 } as const, order: cod, carrier: 'internal', refused: /with the delivery/ },
    { name: 'a failed COD drop-off', report: { kind: 'dropoff', status: 'failed' } as const, order: cod, carrier: 'internal', refused: null },
    { name: 'a hybrid carrier delivering COD without cash', report: delivered, order: cod, carrier: 'hybrid', refused: null },
  ])('$name', ({ report, order, carrier, refused }) => {
    const got = cashRefusal(report, order, carrier);
    if (refused === null) expect(got).toBeNull();
    else expect(got).toMatch(refused);
  });

  it('asks for a reason when a stop failed, and cents at most', () => {
    expect(stopReport.safeParse({ orderId: 'O-1', kind: 'dropoff', status: 'failed' }).error?.issues[0]?.message).toMatch(/say why the stop failed/);
    expect(stopReport.safeParse({ orderId: 'O-1', kind: 'dropoff', status: 'done', cashCollected: 1.005 }).error?.issues[0]?.message).toMatch(/two decimals/);
    expect(stopReport.safeParse({ orderId: 'O-1', kind: 'pickup', status: 'done', proof: { recipientName: 'Ann' } }).error?.issues[0]?.message).toMatch(/proof of delivery goes with a drop-off/);
    expect(stopReport.safeParse({ orderId: 'O-1', kind: 'dropoff', status: 'done', cashCollected: 19.99, proof: { recipientName: 'Ann', note: 'Left with neighbour' } }).success).toBe(true);
  });
});
