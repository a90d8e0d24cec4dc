/*
 * Date facts and the values compared with them are ISO 8601 date-times with a zone ("2026-12-24T17:00:00Z",
 * "2026-12-24T18:00:00+01:00"), the same form as an order's dueAt. A date-time without a zone would mean
 * whatever the worker's clock zone is, so it is not a date here. Both evaluators compare through these
 * operators, so they agree by construction; anything that is not such a date-time, a missing fact
 * included, makes the condition false.
 */
import { z } from 'zod';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch, or null when `value` is not a date-time with a zone. */
export function instantOf(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

// Date.parse would read 30 February as 2 March, so a value written into a rule or a case must be a real calendar date too.
const calendarDateTime = z.iso.datetime({ offset: true });

/** Whether `value` is a date-time a rule or a stored case may state. */
export const isDateTime = (value: unknown): value is string => instantOf(value) !== null && calendarDateTime.safeParse(value).success;

const compare = (holds: (a: number, b: number) => boolean) => (fact: unknown, value: unknown) => {
  const a = instantOf(fact);
  const b = instantOf(value);
  return a !== null && b !== null && holds(a, b);
};

export const DATE_OPERATORS: Readonly<Record<string, (fact: unknown, value: unknown) => boolean>> = {
  before: compare((a, b) => a < b),
  after: compare((a, b) => a > b),
};
