import { describe, expect, it } from 'vitest';
import { bulkHref } from './bulk-link.ts';

describe("the bulk screen's URL", () => {
  it.each<[string, Parameters<typeof bulkHref>[0], Record<string, string>]>([
    ['ticked orders, by id', { orders: ['o-1', 'o-2'] }, { view: 'bulk', orders: 'o-1,o-2' }],
    ['every order a view matches, as its GET /orders query', { filter: new URLSearchParams({ q: 'ACME & co', kind: 'pick,delivery', sort: 'due', dir: 'asc' }) }, { view: 'bulk', filter: 'q=ACME+%26+co&kind=pick%2Cdelivery&sort=due&dir=asc' }],
  ])('carries %s', (_, selection, expected) => {
    expect(Object.fromEntries(new URLSearchParams(bulkHref(selection)))).toEqual(expected);
  });

  it('gives the bulk screen back the query it was given', () => {
    const filter = new URLSearchParams({ q: 'R-1', hold: 'any', dueFrom: new Date().toISOString() });
    expect(new URLSearchParams(new URLSearchParams(bulkHref({ filter })).get('filter')!).toString()).toBe(filter.toString());
  });
});
