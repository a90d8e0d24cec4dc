import { describe, expect, it } from 'vitest';
import type { Hold, OrderActionName } from '../../../domain/order.ts';
import { actionChoices, actionsFor, actionsForOthers, type ActionableOrder } from './action-availability.ts';

const line = { sku: 'SKU-1', qty: 1, price: 5 };
const hold = (type: Hold['type']): Hold => ({ type, reason: 'because', placedBy: 'intake rules' });
const order = (allowedActions: OrderActionName[], extra: Partial<ActionableOrder> = {}): ActionableOrder => ({
  allowedActions,
  holds: [],
  escalation: null,
  lines: [line, line],
  ...extra,
});

describe('actionsFor', () => {
  it('offers what the lifecycle allows and the role may do', () => {
    const review = order(['claim', 'approve', 'reject', 'split', 'hold', 'escalate', 'cancel']);
    expect(actionsFor(review, ['specialist'])).toEqual(['claim', 'approve', 'reject', 'split', 'hold', 'escalate', 'cancel']);
    expect(actionsFor(review, ['dispatcher'])).toEqual(['hold', 'escalate', 'cancel']);
    expect(actionsFor(review, ['finance'])).toEqual(['hold', 'escalate']);
  });

  it('a claimed review: its specialist releases the claim; only an ops manager takes it over or hands it on', () => {
    const claimed = order(['claim', 'unclaim', 'approve', 'reassign'], { state: 'specialist_review' });
    expect(actionsFor(claimed, ['specialist'])).toEqual(['claim', 'unclaim', 'approve']);
    expect(actionsFor(claimed, ['ops_manager'])).toEqual(['claim', 'unclaim', 'reassign']);
    expect(actionsFor(claimed, ['dispatcher'])).toEqual([]);
    expect(actionsFor(order(['reassign'], { state: 'assigned' }), ['dispatcher'])).toEqual(['reassign']);
  });

  it('offers a hold release only to who may release one of the holds', () => {
    const held = order(['release_hold', 'escalate'], { holds: [hold('credit')] });
    expect(actionsFor(held, ['finance'])).toContain('release_hold');
    expect(actionsFor(held, ['specialist'])).not.toContain('release_hold');
  });

  it('offers resolving to the queue the escalation is in and to the ops manager', () => {
    const escalated = order(['resolve'], { escalation: { role: 'finance', reason: 'late', from: 'awaiting_remit' } });
    expect(actionsFor(escalated, ['finance'])).toEqual(['resolve']);
    expect(actionsFor(escalated, ['ops_manager'])).toEqual(['resolve']);
    expect(actionsFor(escalated, ['dispatcher'])).toEqual([]);
  });

  it('does not offer to split an order of one line', () => {
    expect(actionsFor(order(['split'], { lines: [line] }), ['specialist'])).toEqual([]);
  });
});

describe('actionsForOthers', () => {
  it('names the roles of what the person may not do, hold by hold', () => {
    const held = order(['approve', 'release_hold'], { holds: [hold('credit'), hold('manual')] });
    expect(actionsForOthers(held, ['specialist'])).toEqual([{ action: 'release_hold', holdType: 'credit', roles: ['finance'] }]);
    expect(actionsForOthers(held, ['finance'])).toEqual([
      { action: 'approve', roles: ['specialist'] },
      { action: 'release_hold', holdType: 'manual', roles: ['dispatcher', 'specialist'] },
    ]);
  });
});

describe('actionChoices', () => {
  it('offers the hold types not on the order, the holds the person may release, and where to resolve to', () => {
    const choices = actionChoices(
      order(['hold', 'release_hold', 'resolve'], { holds: [hold('credit'), hold('address')], escalation: { role: 'dispatcher', reason: 'late', from: 'assigned' } }),
      ['dispatcher'],
    );
    expect(choices).toEqual({ holdTypes: ['inventory', 'pricing', 'manual'], releaseHoldTypes: ['address'], resolveTargets: ['assigned', 'queued'] });
  });
});
