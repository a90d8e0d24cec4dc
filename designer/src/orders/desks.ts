import type { OrderSummary } from '../../../domain/order.ts';
import type { Role } from '../../../domain/roles.ts';

/** The work queues people sit at: each desk is a view of the one order list, filtered where it is shown. */
export const DESKS = ['all', 'exceptions', 'specialist', 'remit'] as const;
export type Desk = (typeof DESKS)[number];

export const DESK_LABELS: Record<Desk, string> = {
  all: 'All',
  exceptions: 'Exceptions',
  specialist: 'Specialist review',
  remit: 'Remit',
};

type DeskOrder = Pick<OrderSummary, 'state' | 'escalation'>;

const ON_DESK: Record<Desk, (order: DeskOrder) => boolean> = {
  all: () => true,
  exceptions: (order) => order.state === 'escalated' || order.state === 'on_hold',
  specialist: (order) => order.state === 'specialist_review' || order.escalation?.role === 'specialist',
  remit: (order) => order.state === 'awaiting_remit' || order.escalation?.role === 'finance',
};

export const onDesk = (desk: Desk, order: DeskOrder) => ON_DESK[desk](order);

const DESK_OF_ROLE: Partial<Record<Role, Desk>> = {
  dispatcher: 'exceptions',
  specialist: 'specialist',
  finance: 'remit',
};

/** Where a person starts: the desk of their first role; anyone without one of their own sees everything. */
export const deskFor = (roles: readonly Role[]): Desk => (roles[0] && DESK_OF_ROLE[roles[0]]) ?? 'all';
