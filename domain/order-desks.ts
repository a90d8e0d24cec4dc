import type { OrderState } from './lifecycle.ts';
import type { Role } from './roles.ts';

/** The work queues people sit at: each desk is a view of the one order list, filtered by the server. */
export const DESKS = ['all', 'exceptions', 'specialist', 'remit'] as const;
export type Desk = (typeof DESKS)[number];

/** What puts an order on a desk: one of the states, or an escalation to one of the roles. The desk for all has no filter. */
export interface DeskFilter {
  states: readonly OrderState[];
  escalatedTo: readonly Role[];
}

export const DESK_FILTERS: Record<Exclude<Desk, 'all'>, DeskFilter> = {
  exceptions: { states: ['escalated', 'on_hold'], escalatedTo: [] },
  specialist: { states: ['specialist_review'], escalatedTo: ['specialist'] },
  remit: { states: ['awaiting_remit'], escalatedTo: ['finance'] },
};
