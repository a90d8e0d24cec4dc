import type { Desk } from '../../../domain/order-desks.ts';
import type { Role } from '../../../domain/roles.ts';

export const DESK_LABELS: Record<Desk, string> = {
  all: 'All',
  exceptions: 'Exceptions',
  specialist: 'Specialist review',
  remit: 'Remit',
};

/** Orders a page of the table shows; next and previous go through the rest by the server's cursors. */
export const DESK_PAGE_SIZE = 100;

const DESK_OF_ROLE: Partial<Record<Role, Desk>> = {
  dispatcher: 'exceptions',
  specialist: 'specialist',
  finance: 'remit',
};

/** Where a person starts: the desk of their first role; anyone without one of their own sees everything. */
export const deskFor = (roles: readonly Role[]): Desk => (roles[0] && DESK_OF_ROLE[roles[0]]) ?? 'all';
