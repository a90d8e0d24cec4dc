import { describe, expect, it } from 'vitest';
import { initialFields } from './action-fields.ts';
import { buildActionRequest, requiresReason, serverFieldErrors } from './action-request.ts';

const fields = { ...initialFields(3), releaseHoldType: 'credit' as const, resolveTo: 'queued' as const };

describe('buildActionRequest', () => {
  it('sends only what the action takes', () => {
    expect(buildActionRequest('start', { ...fields, reason: '  ', resource: 'van 3' })).toEqual({ ok: true, request: { action: 'start' } });
    expect(buildActionRequest('hold', { ...fields, reason: 'customer asked' })).toEqual({
      ok: true,
      request: { action: 'hold', reason: 'customer asked', holdType: 'manual' },
    });
    expect(buildActionRequest('escalate', { ...fields, reason: 'stuck', escalateTo: 'finance' })).toEqual({
      ok: true,
      request: { action: 'escalate', reason: 'stuck', role: 'finance' },
    });
  });

  it('sends a reassignment with the override only when the person overrides the rules', () => {
    expect(buildActionRequest('reassign', { ...fields, reason: 'south', resource: 'bo' })).toEqual({ ok: true, request: { action: 'reassign', reason: 'south', resource: 'bo' } });
    expect(buildActionRequest('reassign', { ...fields, reason: 'south', resource: 'bo', override: true })).toEqual({
      ok: true,
      request: { action: 'reassign', reason: 'south', resource: 'bo', override: true },
    });
  });

  it('sends a split as the lines of each part', () => {
    expect(buildActionRequest('split', { ...fields, lineParts: [2, 1, 2] })).toEqual({ ok: true, request: { action: 'split', parts: [[1], [0, 2]] } });
  });

  it("says what is missing, in the API schema's words", () => {
    expect(buildActionRequest('return', fields)).toEqual({ ok: false, errors: { reason: 'Say why', returnReason: 'Give the return reason' } });
    expect(buildActionRequest('split', { ...fields, lineParts: [1, 1, 1] })).toEqual({ ok: false, errors: { parts: 'Split into at least two parts' } });
  });

  it('takes a delivery without an amount but not a remit', () => {
    expect(buildActionRequest('deliver', fields)).toEqual({ ok: true, request: { action: 'deliver' } });
    expect(buildActionRequest('confirm_remit', fields)).toEqual({ ok: false, errors: { amount: 'Give the amount remitted' } });
    expect(buildActionRequest('confirm_remit', { ...fields, amount: 0 })).toEqual({ ok: true, request: { action: 'confirm_remit', amount: 0 } });
  });
});

describe('requiresReason', () => {
  it('follows the API schema', () => {
    expect(requiresReason('cancel')).toBe(true);
    expect(requiresReason('reassign')).toBe(true);
    expect(requiresReason('start')).toBe(false);
  });
});

describe('serverFieldErrors', () => {
  it('puts a nested issue on its field', () => {
    expect(serverFieldErrors([{ path: 'parts.0', message: 'a part needs at least one line' }])).toEqual({ parts: 'A part needs at least one line' });
  });
});
