import { describe, expect, it } from 'vitest';
import { newOutcome, outcomeSpec, paramFields, withOutcomeType } from './outcome-params.ts';

describe('outcome parameters', () => {
  it.each([
    ['intake', 'hold', [{ name: 'holdType', kind: 'enum', options: ['credit', 'inventory', 'pricing', 'address', 'manual'] }, { name: 'reason', kind: 'text' }]],
    ['priority', 'score', [{ name: 'points', kind: 'number', integer: false }]],
    ['escalation', 'deadline', [{ name: 'minutes', kind: 'number', integer: true }, { name: 'role', kind: 'enum', options: ['ops_manager', 'dispatcher', 'specialist', 'finance', 'admin', 'order_processor'] }]],
    ['release', 'release', []],
  ] as const)('%s %s has typed fields', (dp, type, fields) => {
    expect(paramFields(outcomeSpec(dp, type)!)).toEqual(fields);
  });

  it('starts a new outcome with values the schema accepts where it can', () => {
    expect(newOutcome(outcomeSpec('escalation', 'deadline')!)).toEqual({ type: 'deadline', params: { minutes: 1, role: 'ops_manager' } });
    expect(newOutcome(outcomeSpec('intake', 'reject')!)).toEqual({ type: 'reject', params: { reason: '' } });
  });

  it('keeps parameters the new type shares when the type changes', () => {
    expect(withOutcomeType('intake', { type: 'reject', params: { reason: 'Fraud' } }, 'hold')).toEqual({ type: 'hold', params: { holdType: 'credit', reason: 'Fraud' } });
    expect(withOutcomeType('intake', { type: 'reject', params: { reason: 'Fraud' } }, 'accept')).toEqual({ type: 'accept', params: {} });
  });
});
