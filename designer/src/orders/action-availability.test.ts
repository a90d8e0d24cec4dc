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
    expect(actionsFor(review, ['specialist'], 'kim')).toEqual(['claim', 'approve', 'reject', 'split', 'hold', 'escalate', 'cancel']);
    expect(actionsFor(review, ['dispatcher'], 'kim')).toEqual(['hold', 'escalate', 'cancel']);
    expect(actionsFor(review, ['finance'], 'kim')).toEqual(['hold', 'escalate']);
  });

  // The order's allowed actions are anyone's: a claimed review allows a claim for an ops manager's take-over.
  const claimedBySofia = order(['claim', 'unclaim', 'approve', 'reject', 'split', 'reassign', 'hold'], { state: 'specialist_review', assignee: 'sofia' });
  it.each([
    { who: 'the specialist who claimed it releases the claim and reviews, not claims again', me: 'sofia', roles: ['specialist'], offered: ['unclaim', 'approve', 'reject', 'split', 'hold'] },
    { who: 'another specialist may not take it nor act on another’s claim', me: 'ben', roles: ['specialist'], offered: ['hold'] },
    { who: 'an ops manager takes it over, ends the claim or hands it on', me: 'olga', roles: ['ops_manager'], offered: ['claim', 'unclaim', 'reassign'] },
    { who: 'an ops manager who holds the claim does not take it over from herself', me: 'sofia', roles: ['ops_manager'], offered: ['unclaim', 'reassign'] },
    { who: 'a dispatcher holds it and no more', me: 'dan', roles: ['dispatcher'], offered: ['hold'] },
  ] as const)('a claimed review: $who', ({ me, roles, offered }) => {
    expect(actionsFor(claimedBySofia, roles, me)).toEqual(offered);
  });

  it('an unclaimed review is any specialist’s to claim', () => {
    const open = order(['claim', 'approve'], { state: 'specialist_review', assignee: null });
    expect(actionsFor(open, ['specialist'], 'ben')).toEqual(['claim', 'approve']);
    expect(actionsFor(order(['reassign'], { state: 'assigned', assignee: 'driver-7' }), ['dispatcher'], 'dan')).toEqual(['reassign']);
  });

  it('offers a hold release only to who may release one of the holds', () => {
    const held = order(['release_hold', 'escalate'], { holds: [hold('credit')] });
    expect(actionsFor(held, ['finance'], 'kim')).toContain('release_hold');
    expect(actionsFor(held, ['specialist'], 'kim')).not.toContain('release_hold');
  });

  it('offers resolving to the queue the escalation is in and to the ops manager', () => {
    const escalated = order(['resolve'], { escalation: { role: 'finance', reason: 'late', from: 'awaiting_remit' } });
    expect(actionsFor(escalated, ['finance'], 'kim')).toEqual(['resolve']);
    expect(actionsFor(escalated, ['ops_manager'], 'kim')).toEqual(['resolve']);
    expect(actionsFor(escalated, ['dispatcher'], 'kim')).toEqual([]);
  });

  it('does not offer to split an order of one line', () => {
    expect(actionsFor(order(['split'], { lines: [line] }), ['specialist'], 'kim')).toEqual([]);
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
