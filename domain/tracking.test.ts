import { describe, expect, it } from 'vitest';
import type { LastMileStatus } from './last-mile.ts';
import { ORDER_STATES, type OrderState } from './lifecycle.ts';
import { CUSTOMER_STATUS_WORDS, customerStatusOf } from './tracking.ts';

describe('what a customer is told about their order', () => {
  it.each<[OrderState, LastMileStatus | null, string]>([
    ['captured', null, 'Received'],
    ['validating', 'Pending', 'Received'],
    ['specialist_review', 'Pending', 'Received'],
    ['queued', 'Pending', 'Received'],
    ['on_hold', 'Pending', 'Delayed, we are on it'],
    ['escalated', 'Assigned', 'Delayed, we are on it'],
    ['attempt_failed', 'In Transit', 'Delayed, we are on it'],
    ['returned', 'Returned', 'Delayed, we are on it'],
    ['released', 'Pending', 'Being prepared'],
    ['assigned', 'Assigned', 'Being prepared'],
    ['in_progress', null, 'Being prepared'],
    ['staged', 'Picked Up', 'Being prepared'],
    ['picked_up', 'Picked Up', 'On its way'],
    ['in_transit', 'In Transit', 'On its way'],
    ['delivered', 'Delivered', 'Delivered'],
    ['awaiting_remit', 'Delivered', 'Delivered'],
    ['completed', null, 'Completed'],
    ['closed', 'Delivered', 'Delivered'],
    ['closed', 'Returned', 'Cancelled'],
    ['closed', null, 'Completed'],
    ['rejected', 'Cancelled', 'Cancelled'],
    ['cancelled', 'Cancelled', 'Cancelled'],
  ])('%s (last mile %s) reads "%s"', (state, lastMile, words) => {
    expect(CUSTOMER_STATUS_WORDS[customerStatusOf(state, lastMile)]).toBe(words);
  });

  it('has words for every state', () => {
    for (const state of ORDER_STATES) expect(CUSTOMER_STATUS_WORDS[customerStatusOf(state, null)]).toBeTruthy();
  });
});
