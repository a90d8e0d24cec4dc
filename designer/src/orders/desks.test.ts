import { describe, expect, it } from 'vitest';
import type { Escalation, OrderState } from '../../../domain/order.ts';
import { deskFor, onDesk } from './desks.ts';

const order = (state: OrderState, role?: Escalation['role']) => ({
  state,
  escalation: role ? { role, reason: 'late', from: 'queued' as const } : null,
});

describe('onDesk', () => {
  it('puts escalated and held orders on the exceptions desk', () => {
    expect(onDesk('exceptions', order('escalated', 'finance'))).toBe(true);
    expect(onDesk('exceptions', order('on_hold'))).toBe(true);
    expect(onDesk('exceptions', order('queued'))).toBe(false);
  });

  it('gives the specialist their reviews and what was escalated to them', () => {
    expect(onDesk('specialist', order('specialist_review'))).toBe(true);
    expect(onDesk('specialist', order('escalated', 'specialist'))).toBe(true);
    expect(onDesk('specialist', order('escalated', 'dispatcher'))).toBe(false);
  });

  it('gives finance the remits and what was escalated to finance', () => {
    expect(onDesk('remit', order('awaiting_remit'))).toBe(true);
    expect(onDesk('remit', order('escalated', 'finance'))).toBe(true);
    expect(onDesk('remit', order('delivered'))).toBe(false);
  });

  it('shows everything on the desk for all', () => {
    expect(onDesk('all', order('closed'))).toBe(true);
  });
});

describe('deskFor', () => {
  it('starts people at the desk of their first role', () => {
    expect(deskFor(['dispatcher'])).toBe('exceptions');
    expect(deskFor(['specialist', 'dispatcher'])).toBe('specialist');
    expect(deskFor(['finance'])).toBe('remit');
  });

  it('shows everything to roles without a desk of their own', () => {
    expect(deskFor(['ops_manager', 'dispatcher'])).toBe('all');
    expect(deskFor(['admin'])).toBe('all');
    expect(deskFor([])).toBe('all');
  });
});
