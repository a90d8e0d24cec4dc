import { describe, expect, it } from 'vitest';
import { ORDER_ACTIONS, ORDER_STATES, type TimelineEntry } from '../../../domain/order.ts';
import { NO_LOCKS } from '../../../domain/ruleset-locks.ts';
import { confirmText } from './action-text.ts';
import { escalationNoteText } from './escalation-text.ts';
import { boundText, describeLocks, valuePlace } from './lock-text.ts';
import { describeOutcome, formatMinutes } from './outcome-text.ts';
import { clause, finish } from './sentences.ts';
import { actorName, finishedText, movedText, timelineSentence } from './timeline-text.ts';

const entry = (e: Partial<TimelineEntry>): TimelineEntry => ({ seq: 1, at: new Date().toISOString(), from: 'queued', to: 'queued', event: 'X', actor: 'system', actorDisplayName: null, reason: null, details: {}, ...e });

describe('the timeline reads as sentences', () => {
  it.each<[Partial<TimelineEntry>, string]>([
    [{ event: 'HOLD', actor: 'Fred', reason: 'dispute', to: 'on_hold', details: { holdType: 'credit' } }, 'Held for credit by Fred: dispute.'],
    [{ event: 'HOLD', actor: 'Fred', reason: 'Customer disputes the invoice.', to: 'on_hold', details: { holdType: 'credit' } }, 'Held for credit by Fred: Customer disputes the invoice.'],
    [{ event: 'RELEASE_HOLD', actor: 'Fred', details: { holdType: 'credit' } }, 'Credit hold cleared by Fred.'],
    [{ event: 'RELEASE_HOLD', actor: 'fred', actorDisplayName: 'Fred Marsh', details: { holdType: 'credit' } }, 'Credit hold cleared by Fred Marsh.'],
    [{ event: 'INTAKE_DECIDED', actor: 'system', to: 'on_hold', details: { outcome: 'hold', holdType: 'credit' }, reason: 'Over the credit limit' }, 'Held for credit by the intake rules: Over the credit limit.'],
    [{ event: 'ESCALATE', actor: 'system', reason: 'Deadline passed', to: 'escalated', details: { role: 'dispatcher' } }, 'Escalated to a dispatcher: Deadline passed.'],
    [{ event: 'ESCALATE', actor: 'dan', to: 'escalated', details: { role: 'ops_manager' } }, 'Escalated to an ops manager by dan.'],
    [{ event: 'PRIORITIZED', details: { score: 80 } }, 'Priority scored 80.'],
    [{ event: 'ASSIGNED', to: 'assigned', details: { resource: 'Team A' } }, 'Assigned to Team A.'],
    [{ event: 'CANCEL', actor: 'token:Shop', reason: 'Customer called.', to: 'cancelled' }, 'Cancelled by the integration Shop: Customer called. The order is finished.'],
    [{ event: 'COMPLETE', actor: 'kim', from: 'in_progress', to: 'completed' }, 'Completed by kim.'],
    [{ event: 'REMIT_DECIDED', from: 'delivered', to: 'closed', details: { outcome: 'clear' } }, 'Nothing to collect: cleared to close. The order is finished.'],
    [{ event: 'CAPTURED', from: null, to: 'captured' }, 'Order taken in.'],
    [{ event: 'SOMETHING_NEW', actor: 'ann' }, 'Something new by ann.'],
  ])('%j → %s', (e, text) => {
    expect(timelineSentence(entry(e))).toBe(text);
  });

  it('an escalation note keeps the reason’s own full stop', () => {
    expect(escalationNoteText({ reason: 'Forklift broken.', role: 'dispatcher', from: 'released' })).toMatch(/^Forklift broken\. Resolving it sends the order back to /);
  });

  it.each([['fred', 'fred'], ['token:Shop', 'the integration Shop'], ['system', 'Sluice']])('%s reads as %s', (actor, name) => expect(actorName(actor)).toBe(name));

  it('says where the order moved', () => {
    expect(movedText(entry({ from: 'queued', to: 'released' }))).toBe('Queued → released');
    expect(movedText(entry({ from: null, to: 'captured' }))).toBe('Now captured');
  });

  it.each(ORDER_STATES.map((s) => [s]))('%s: an end state says the order is finished, others say nothing', (state) => {
    const text = finishedText(state);
    if (['closed', 'cancelled', 'rejected', 'split'].includes(state)) expect(text).toMatch(/finished/);
    else expect(text).toBeNull();
  });
});

describe('decisions read in words', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['deadline', { minutes: 480, role: 'dispatcher' }, 'Deadline 8 h, then to a dispatcher'],
    ['deadline', { minutes: 90, role: 'ops_manager' }, 'Deadline 1 h 30 min, then to an ops manager'],
    ['deadline', { minutes: 15, role: 'specialist' }, 'Deadline 15 min, then to an order specialist'],
    ['none', {}, 'No deadline'],
    ['score', { points: 30 }, '+30 points'],
    ['hold', { holdType: 'credit', reason: 'Over the limit.' }, 'Hold for credit: Over the limit'],
    ['escalate', { role: 'dispatcher', reason: 'Area stopped' }, 'Escalate to a dispatcher: Area stopped'],
    ['assign', { preference: 2 }, 'May take it, preference 2'],
    ['require_remit', {}, 'Finance confirms the cash first'],
    ['mystery', { a: 1 }, 'Mystery: 1'],
  ])('%s %j → %s', (type, params, text) => {
    expect(describeOutcome(type, params)).toBe(text);
  });
  it.each([[5, '5 min'], [60, '1 h'], [125, '2 h 5 min']])('%i minutes → %s', (m, text) => expect(formatMinutes(m)).toBe(text));
});

describe('locks in words', () => {
  it.each([
    ['event.params.minutes', 'minutes'],
    ['conditions.all.1.value', 'value of condition 2'],
    ['conditions.any.0.all.2.value', 'value of condition 1.3'],
  ])('%s → %s', (path, text) => expect(valuePlace(path)).toBe(text));
  it('says what is locked and why, or nothing', () => {
    expect(describeLocks(NO_LOCKS)).toBeNull();
    expect(describeLocks({ ...NO_LOCKS, structureLocked: true, valueEditors: ['dispatcher', 'finance'], reason: 'Agreed with customers.' })).toBe(
      'The structure of every rule is locked: only values change. The dispatcher or finance role may change values, within bounds. Why: Agreed with customers.',
    );
    expect(boundText({ rule: 'Overdue', path: 'event.params.points', min: 10 })).toBe('“Overdue”, points: at least 10');
  });
});

// A person's text often ends with its own full stop; joined with ours it must not show "..".
describe('no doubled full stops', () => {
  const reasons = ['dispute', 'dispute.', 'Dispute. ', 'Really?', 'wait…', 'quoted.”', ''];
  const outputs = reasons.flatMap((reason) => [
    ...['HOLD', 'CANCEL', 'ESCALATE', 'REJECT', 'RETURN', 'RESOLVE', 'INTAKE_DECIDED', 'UNKNOWN'].map((event) =>
      timelineSentence(entry({ event, reason, actor: 'Fred', to: 'cancelled', details: { holdType: 'credit', role: 'dispatcher', outcome: 'reject', returnReason: 'damaged' } })),
    ),
    ...['hold', 'reject', 'wait', 'escalate', 'skip', 'close', 'finance_review', 'specialist_review'].map((type) => describeOutcome(type, { reason, holdType: 'credit', role: 'dispatcher' })),
    ...ORDER_ACTIONS.map((a) => confirmText(a, 'ORD-1', reason)?.body ?? ''),
    describeLocks({ ...NO_LOCKS, structureLocked: true, valueEditors: ['dispatcher'], reason }) ?? '',
    escalationNoteText({ reason: reason || 'x', role: 'dispatcher', from: 'queued' }),
    finish(reason),
    finish(`Held: ${clause(reason)}`),
  ]);
  it.each(outputs.filter((o) => o !== '').map((o) => [o]))('%s', (text) => {
    expect(text).not.toMatch(/\.\s*\./);
    expect(text).not.toMatch(/[!?…]\./);
  });
});
