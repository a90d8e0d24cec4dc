import type { EscalatableState, OrderState } from './lifecycle.ts';

/**
 * Where a person may send an escalated order, by the state it was escalated from (the first is the
 * default). Released or assigned work may go back to the pool; a return or a remit may be closed.
 */
export const RESOLVE_TARGETS: Record<EscalatableState, readonly OrderState[]> = {
  validating: ['validating'],
  on_hold: ['on_hold'],
  specialist_review: ['specialist_review'],
  queued: ['queued'],
  released: ['released', 'queued'],
  assigned: ['assigned', 'queued'],
  in_progress: ['in_progress'],
  picked_up: ['picked_up'],
  staged: ['staged'],
  in_transit: ['in_transit'],
  attempt_failed: ['attempt_failed'],
  returned: ['queued', 'closed'],
  awaiting_remit: ['awaiting_remit', 'closed'],
};
