import { describe, expect, it } from 'vitest';
import { ORDER_SORTS } from '../../../../domain/order-list-query.ts';
import { COLUMN_SORTS } from './order-columns.ts';
import { listQuery, readViewState, viewHref, type OrdersViewState } from './orders-view-state.ts';

const dueFrom = new Date(Date.now() + 3_600_000).toISOString();
const dueTo = new Date(Date.now() + 7_200_000).toISOString();
const plain: OrdersViewState = { q: '', filters: {}, sort: 'created', dir: 'desc' };

describe('the orders view in the URL', () => {
  it.each<[string, OrdersViewState]>([
    ['the plain view', plain],
    ['a search', { ...plain, q: 'ACME' }],
    ['every filter', { ...plain, filters: { state: 'queued,on_hold', kind: 'delivery', area: 'north', zone: 'z-1', warehouse: 'w-1', dueFrom, dueTo, priority: 'urgent,high', hold: 'credit', escalatedTo: 'dispatcher', lastMile: 'In Transit,Pending' } }],
    ['a sort', { ...plain, sort: 'due', dir: 'asc' }],
    ['a desk', { ...plain, desk: 'remit' }],
    ['all orders, not the person\'s desk', { ...plain, desk: 'all' }],
    ['chosen columns', { ...plain, columns: ['reference', 'due', 'state'] }],
    ['a page further on', { ...plain, sort: 'account', dir: 'asc', cursor: 'eyJzIjoiYWNjb3VudCJ9' }],
    ['an open order', { ...plain, q: 'R-1', order: 'ord_123' }],
  ])('survives: %s', (_, state) => {
    expect(readViewState(viewHref(state))).toEqual(state);
  });

  it.each<[string, string, Partial<OrdersViewState>]>([
    ['a state of the wrong shape', '?state=Flying%20high', { filters: {} }],
    ['a due time that is no instant', '?dueFrom=2030-13-45T99:99Z', { filters: {} }],
    ['an unknown sort', '?sort=colour&dir=sideways', { sort: 'created', dir: 'desc' }],
    ['an unknown desk', '?desk=kitchen', {}],
    ['unknown columns', '?columns=colour,due,due', { columns: ['due'] }],
    ['a due window ending before it starts', `?dueFrom=${dueTo}&dueTo=${dueFrom}`, { filters: { dueFrom: dueTo } }],
    ['a search with a line break', '?q=a%0Ab', { q: '' }],
    ['a cursor with odd characters', '?cursor=a%20b', {}],
    ['an order id with a space', '?order=a%20b', {}],
  ])('leaves out %s', (_, search, expected) => {
    expect(readViewState(search)).toEqual({ ...plain, ...expected });
  });

  it.each<[string, OrdersViewState, string]>([
    ['nothing for the plain view', plain, ''],
    ['the search trimmed, filters and sort', { ...plain, q: ' ACME ', filters: { kind: 'pick', hold: 'any' }, sort: 'due', dir: 'asc' }, 'q=ACME&kind=pick&hold=any&sort=due&dir=asc'],
    ['a desk but not all (the server\'s default)', { ...plain, desk: 'exceptions' }, 'desk=exceptions'],
    ['no paging, columns or open order', { ...plain, desk: 'all', columns: ['due'], cursor: 'abc', order: 'o1' }, ''],
  ])('asks the server for %s', (_, state, query) => {
    expect(listQuery(state).toString()).toBe(query);
  });

  it('keeps a dashboard figure\'s move filter beside the view', () => {
    expect(new URLSearchParams(viewHref(plain, { moved: 'released', movedFrom: dueFrom })).get('moved')).toBe('released');
  });

  it('offers every sort the server knows but the last change, which no column shows', () => {
    expect(new Set(Object.values(COLUMN_SORTS))).toEqual(new Set(ORDER_SORTS.filter((sort) => sort !== 'updated')));
  });
});
