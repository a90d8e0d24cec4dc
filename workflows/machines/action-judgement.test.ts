import { describe, expect, it } from 'vitest';
import type { Hold, OrderActionRequest, OrderState, OrderSummary } from '../../domain/order.ts';
import type { Role } from '../../domain/roles.ts';
import { judgeAction } from './action-judgement.ts';

const hold = (type: Hold['type'], placedBy = 'dan'): Hold => ({ type, reason: 'because', placedBy });
const order = (state: OrderState, extra: Partial<OrderSummary> = {}): OrderSummary => ({
  id: 'o-1',
  reference: 'R-1',
  account: 'acme',
  kind: 'pick',
  statedPriority: 'normal',
  dueAt: new Date(Date.now() + 3_600_000).toISOString(),
  workAreaId: 'area-1',
  zone: null,
  warehouse: null,
  pickupLocation: null,
  dropoffLocation: null,
  candidateAreas: ['area-1'],
  requiredSkills: [],
  routing: [],
  paymentMode: 'prepaid',
  carrierType: null,
  codAmount: null,
  state,
  lastMileStatus: null,
  priorityScore: 10,
  escalation: null,
  holds: [],
  assignee: null,
  parentId: null,
  lines: [{ sku: 'A', qty: 1, price: 5 }],
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  ...extra,
});

const dispatcher = { name: 'dan', roles: ['dispatcher'] as Role[] };
const cancel: OrderActionRequest = { action: 'cancel', reason: 'customer called' };

describe('judgeAction', () => {
  it.each([
    { what: 'a queued order is cancelled', o: order('queued'), request: cancel, actor: dispatcher, ok: true },
    { what: 'a completed order is past cancelling', o: order('completed'), request: cancel, actor: dispatcher, kind: 'lifecycle', reason: /not allowed while the order is completed/ },
    { what: 'an order that is gone', o: null, request: cancel, actor: dispatcher, kind: 'not_found', reason: /does not exist/ },
    { what: 'finance may not cancel', o: order('queued'), request: cancel, actor: { name: 'fay', roles: ['finance'] as Role[] }, kind: 'role', reason: /needs/ },
    { what: 'a hold of a type the order has already', o: order('on_hold', { holds: [hold('manual')] }), request: { action: 'hold', holdType: 'manual', reason: 'x' }, actor: dispatcher, kind: 'lifecycle', reason: /not allowed/ },
    { what: 'a manual hold is released by a dispatcher', o: order('on_hold', { holds: [hold('manual')] }), request: { action: 'release_hold', holdType: 'manual' }, actor: dispatcher, ok: true },
    { what: 'a credit hold is finance’s to release', o: order('on_hold', { holds: [hold('credit')] }), request: { action: 'release_hold', holdType: 'credit' }, actor: dispatcher, kind: 'role', reason: /finance/ },
    { what: 'a credit hold blocks a forced release', o: order('queued', { holds: [hold('credit')] }), request: { action: 'force_release', reason: 'rush' }, actor: dispatcher, kind: 'lifecycle', reason: /blocked by the credit hold/ },
    { what: 'another specialist’s claim', o: order('specialist_review', { assignee: 'sofia' }), request: { action: 'approve' }, actor: { name: 'ben', roles: ['specialist'] as Role[] }, kind: 'lifecycle', reason: /claimed by sofia/ },
    { what: 'the claimer approves', o: order('specialist_review', { assignee: 'sofia' }), request: { action: 'approve' }, actor: { name: 'sofia', roles: ['specialist'] as Role[] }, ok: true },
    { what: 'an escalation resolved by its role', o: order('escalated', { escalation: { reason: 'late', role: 'dispatcher', from: 'queued' } }), request: { action: 'resolve' }, actor: dispatcher, ok: true },
    { what: 'an escalation to finance is not a dispatcher’s', o: order('escalated', { escalation: { reason: 'late', role: 'finance', from: 'queued' } }), request: { action: 'resolve' }, actor: dispatcher, kind: 'role', reason: /finance/ },
    { what: 'priority changed on a waiting order', o: order('queued'), request: { action: 'change_priority', statedPriority: 'urgent' }, actor: dispatcher, ok: true },
  ] as const)('$what', ({ o, request, actor, ...expected }) => {
    const judgement = judgeAction(o, request, actor);
    if ('ok' in expected) return expect(judgement).toEqual({ ok: true });
    expect(judgement).toMatchObject({ ok: false, kind: expected.kind });
    expect(judgement.ok ? '' : judgement.reason).toMatch(expected.reason);
  });
});
