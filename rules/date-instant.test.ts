import { describe, expect, it } from 'vitest';
import { DATE_OPERATORS, instantOf, isDateTime } from './date-instant.ts';

const EVE = Date.UTC(2026, 11, 24, 17);

describe('date facts', () => {
  it.each([
    { value: '2026-12-24T17:00:00Z', instant: EVE, stated: true },
    { value: '2026-12-24T17:00:00.000Z', instant: EVE, stated: true },
    { value: '2026-12-24T18:00:00+01:00', instant: EVE, stated: true },
    { value: '2026-12-24T12:00:00.5-05:00', instant: EVE + 500, stated: true },
    { value: '2026-12-24T17:00Z', instant: EVE, stated: false },
    { value: '2026-02-30T09:00:00Z', instant: Date.UTC(2026, 2, 2, 9), stated: false },
    { value: '2026-12-24T17:00:00', instant: null, stated: false },
    { value: '2026-12-24', instant: null, stated: false },
    { value: 'Christmas Eve', instant: null, stated: false },
    { value: EVE, instant: null, stated: false },
    { value: undefined, instant: null, stated: false },
  ])('$value reads as $instant (a rule may state it: $stated)', ({ value, instant, stated }) => {
    expect(instantOf(value)).toBe(instant);
    expect(isDateTime(value)).toBe(stated);
  });

  it.each([
    { fact: '2026-12-24T16:59:59.999Z', before: true, after: false },
    { fact: '2026-12-24T17:00:00Z', before: false, after: false },
    { fact: '2026-12-24T18:00:00+01:00', before: false, after: false },
    { fact: '2026-12-24T17:00:00.001Z', before: false, after: true },
    { fact: '2026-12-24T17:30:00+00:30', before: false, after: false },
    { fact: undefined, before: false, after: false },
    { fact: 'soon', before: false, after: false },
  ])('$fact against 2026-12-24T17:00:00Z: before $before, after $after', ({ fact, before, after }) => {
    expect(DATE_OPERATORS.before!(fact, '2026-12-24T17:00:00Z')).toBe(before);
    expect(DATE_OPERATORS.after!(fact, '2026-12-24T17:00:00Z')).toBe(after);
  });

  it('a value that is not a date makes both comparisons false', () => {
    expect(DATE_OPERATORS.before!('2026-12-24T17:00:00Z', 'tomorrow')).toBe(false);
    expect(DATE_OPERATORS.after!('2026-12-24T17:00:00Z', undefined)).toBe(false);
  });
});
