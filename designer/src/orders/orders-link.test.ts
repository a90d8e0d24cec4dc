import { describe, expect, it } from 'vitest';
import { moveQuery, ordersHref, readOrdersLink, type OrdersLink } from './orders-link.ts';

const from = new Date(Date.now() - 86_400_000).toISOString();
const to = new Date().toISOString();

describe('a link to the orders behind a figure', () => {
  it.each<OrdersLink>([
    { moved: 'released', from, to, late: true, areas: ['north', 'south'], label: 'Released late, yesterday at Northgate' },
    { moved: 'resolved', from, to, late: false, areas: [], label: 'Escalation resolved' },
  ])('survives the URL: $label', (link) => {
    expect(readOrdersLink(ordersHref(link))).toEqual(link);
  });

  it.each(['', '?view=orders', `?moved=shipped&movedFrom=${from}&movedTo=${to}`, `?moved=released&movedFrom=${from}`])('reads no filter from %s', (search) => {
    expect(readOrdersLink(search)).toBeNull();
  });

  it('asks the list for the move, late ones and the areas only when the link names them', () => {
    expect(moveQuery({ moved: 'completed', from, to, late: false, areas: [], label: '' })).toEqual({ moved: 'completed', movedFrom: from, movedTo: to });
    expect(moveQuery({ moved: 'completed', from, to, late: true, areas: ['a'], label: '' })).toEqual({ moved: 'completed', movedFrom: from, movedTo: to, late: 'true', areas: 'a' });
  });
});
