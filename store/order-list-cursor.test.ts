import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, keyOf, type OrderCursor } from './order-list-cursor.ts';

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the orders table cursor', () => {
  it.each<OrderCursor>([
    { sort: 'created', dir: 'desc', key: new Date().toISOString(), id: 'o-1' },
    { sort: 'priority', dir: 'asc', key: 12.5, id: 'o-2', back: true },
    { sort: 'priority', dir: 'desc', key: null, id: 'o-3' },
    { sort: 'reference', dir: 'asc', key: 'ÆØÅ "quoted" – ✓', id: 'o-4' },
    { sort: 'statedPriority', dir: 'desc', key: 3, id: 'o-5' },
    { sort: 'lastMile', dir: 'asc', key: 7, id: 'o-6', back: true },
  ])('reads back what it wrote: $sort $dir', (cursor) => {
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it.each<[string, string]>([
    ['not base64 JSON', 'bm90LWpzb24'],
    ['an unknown sort', raw({ s: 'colour', d: 'asc', k: 'x', i: 'o' })],
    ['a key of the wrong type', raw({ s: 'priority', d: 'asc', k: 'high', i: 'o' })],
    ['a stated priority by its name, not its rank', raw({ s: 'statedPriority', d: 'asc', k: 'high', i: 'o' })],
    ['no rank where every order has one', raw({ s: 'lastMile', d: 'asc', k: null, i: 'o' })],
    ['no key where the column has one', raw({ s: 'due', d: 'asc', k: null, i: 'o' })],
    ['an instant no store binds', raw({ s: 'created', d: 'asc', k: '-100000-01-01T00:00:00Z', i: 'o' })],
    ['an instant that is not one', raw({ s: 'updated', d: 'asc', k: '2030-13-45Tnonsense', i: 'o' })],
    ['an extra field', raw({ s: 'kind', d: 'asc', k: 'pick', i: 'o', sql: 'drop' })],
    ['an empty id', raw({ s: 'kind', d: 'asc', k: 'pick', i: '' })],
  ])('refuses %s', (_, text) => {
    expect(decodeCursor(text)).toBeNull();
  });

  it('keeps instants as ISO text whichever way the store read them', () => {
    const at = new Date();
    expect(keyOf('due', at.getTime())).toBe(at.toISOString());
    expect(keyOf('due', at.toISOString())).toBe(at.toISOString());
    expect(keyOf('reference', null)).toBeNull();
    expect(keyOf('priority', 3)).toBe(3);
  });
});
