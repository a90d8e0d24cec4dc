import { z } from 'zod';

const FIRST = Date.UTC(1970, 0, 1);
const END = Date.UTC(10_000, 0, 1);

/**
 * An instant a caller sends: ISO 8601 with its offset, from 1970 to the end of 9999 (UTC). Nothing an
 * operation plans falls outside that, and outside it PostgreSQL hands a date back in forms Date does not
 * read ("… BC", five-digit years), so an order due then would stop its own workflow.
 */
export const instantInput = (example = 'an ISO 8601 date-time, e.g. 2030-01-31T08:00:00Z') =>
  z.iso
    .datetime({ offset: true, message: example })
    .max(40)
    // Text that is no date-time at all has its one message from the check above.
    .refine((s) => {
      const t = Date.parse(s);
      return Number.isNaN(t) || (t >= FIRST && t < END);
    }, 'a time from 1970 to the end of 9999 (UTC)');
