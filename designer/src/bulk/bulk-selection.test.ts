import { describe, expect, it } from 'vitest';
import { describeFilter, describeSelection, parseOrderList, selectionIn } from './bulk-selection.ts';

describe('the Bulk screen’s selection', () => {
  it.each([
    { search: '?view=bulk&orders=o-1,o-2,o-1', selection: { orderIds: ['o-1', 'o-2'] } },
    { search: `?view=bulk&filter=${encodeURIComponent('state=released&kind=delivery')}`, selection: { filter: 'state=released&kind=delivery' } },
    { search: '?view=bulk', selection: null },
    { search: '?view=bulk&orders=', selection: null },
  ])('$search', ({ search, selection }) => expect(selectionIn(search)).toEqual(selection));

  it('takes pasted ids or references one a line, or separated by commas, tabs or spaces', () => {
    expect(parseOrderList('R-1\nR-2, R-3\tR-4  R-1\n')).toEqual(['R-1', 'R-2', 'R-3', 'R-4']);
  });

  it.each([
    { filter: 'state=released&kind=delivery&sort=due&dir=asc', text: 'state released, kind delivery' },
    { filter: 'state=queued,on_hold&q=ACME', text: 'state queued or on hold, search “ACME”' },
    { filter: 'desk=all', text: 'every order' },
  ])('words the filter $filter', ({ filter, text }) => expect(describeFilter(filter)).toBe(text));

  it('counts what is selected', () => {
    expect(describeSelection({ orderIds: ['a', 'b'] }, null)).toBe('2 orders');
    expect(describeSelection({ filter: 'state=released&kind=delivery' }, 3410)).toBe('all 3,410 orders matching: state released, kind delivery');
  });
});
