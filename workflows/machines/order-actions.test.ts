import { describe, expect, it } from 'vitest';
import { initialContext } from './order-core.ts';
import { allowedActions, refusalMessage, type LifecycleView } from './order-actions.ts';

const review = (assignee: string | null): LifecycleView => ({
  state: 'specialist_review',
  context: { ...initialContext({ orderId: 'o-1', workAreaId: 'wa-1', kind: 'pick', paymentMode: 'prepaid', splitFrom: null }), accepted: true, assignee },
});

describe('a claim asked for again', () => {
  it.each([
    { who: 'the specialist who holds it is told so, not that a claim is allowed', assignee: 'sam', actor: 'sam', message: 'You hold the claim on this order already: approve, reject or split it, or release your claim.' },
    { who: 'another specialist is told whose claim it is', assignee: 'sam', actor: 'kim', message: 'The order is claimed by sam: only they may claim it until they release their claim (unclaim), or an ops manager takes it over or hands it to another specialist.' },
  ])('$who', ({ assignee, actor, message }) => {
    expect(refusalMessage('claim', review(assignee), { actor })).toBe(message);
  });

  it('a claimed review still allows a claim, as an ops manager’s take-over', () => {
    expect(allowedActions(review('sam'))).toContain('claim');
  });
});
