import { describe, expect, it } from 'vitest';
import { dateOf } from './sql.ts';

// Literal instants: the test is about the forms a date column comes back in.
describe('a date column read from a plain row', () => {
  it.each([
    { what: "SQLite's epoch milliseconds", column: Date.UTC(2030, 0, 31, 8), iso: '2030-01-31T08:00:00.000Z' },
    { what: "PostgreSQL's text", column: '2030-01-31 08:00:00.123+00', iso: '2030-01-31T08:00:00.123Z' },
    { what: "PostgreSQL's text in another zone", column: '2030-01-31 13:30:00+05:30', iso: '2030-01-31T08:00:00.000Z' },
    { what: 'a year before 1 AD', column: '0001-01-01 00:00:00+00 BC', iso: '0000-01-01T00:00:00.000Z' },
    { what: 'a five-digit year', column: '10000-01-01 13:59:59+00', iso: '+010000-01-01T13:59:59.000Z' },
  ])('$what', ({ column, iso }) => {
    expect(dateOf(column).toISOString()).toBe(iso);
  });
});
