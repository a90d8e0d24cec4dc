import { describe, expect, it } from 'vitest';
import { jobActionLabel } from './bulk-job-action.ts';

describe('a bulk job’s action in words', () => {
  it.each([
    { action: 'hold', request: { action: 'hold', holdType: 'manual' }, label: 'Place hold' },
    { action: 'print_documents', request: { action: 'print_documents', kind: 'packing_slip' }, label: 'Print packing slips' },
    { action: 'print_documents', request: { action: 'print_documents', kind: 'invoice' }, label: 'Print invoices' },
  ])('$label', ({ action, request, label }) => expect(jobActionLabel({ action, request })).toBe(label));
});
