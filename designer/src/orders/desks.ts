import type { Desk } from '../../../domain/order-desks.ts';
import type { Role } from '../../../domain/roles.ts';
import { pageStart } from '../common/paging.ts';

export const DESK_LABELS: Record<Desk, string> = {
  all: 'All',
  exceptions: 'Exceptions',
  specialist: 'Specialist review',
  remit: 'Remit',
};

/** Orders a desk shows at once; the server pages through the rest, so none drops off a busy desk. */
export const DESK_PAGE_SIZE = 100;

/** The request for a page of a desk, the first page being 1. */
export const deskPage = (desk: Desk, page: number) => ({ desk, offset: pageStart(page, DESK_PAGE_SIZE), limit: DESK_PAGE_SIZE });

const DESK_OF_ROLE: Partial<Record<Role, Desk>> = {
  dispatcher: 'exceptions',
  specialist: 'specialist',
  finance: 'remit',
};

/** Where a person starts: the desk of their first role; anyone without one of their own sees everything. */
export const deskFor = (roles: readonly Role[]): Desk => (roles[0] && DESK_OF_ROLE[roles[0]]) ?? 'all';
