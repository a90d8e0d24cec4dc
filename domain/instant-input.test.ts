import { describe, expect, it } from 'vitest';
import { instantInput } from './instant-input.ts';

const RANGE = 'a time from 1970 to the end of 9999 (UTC)';
const FORMAT = 'an ISO 8601 date-time, e.g. 2030-01-31T08:00:00Z';

// Literal instants: the test is about where the accepted range begins and ends.
describe('an instant a caller sends', () => {
  it.each([
    { text: '1970-01-01T00:00:00Z', error: null },
    { text: '1970-01-01T05:30:00+05:30', error: null },
    { text: '9999-12-31T23:59:59.999Z', error: null },
    { text: '1969-12-31T23:59:59.999Z', error: RANGE },
    { text: '1970-01-01T00:00:00+00:01', error: RANGE },
    { text: '0000-01-01T00:00:00Z', error: RANGE },
    // Still year 9999 where it was written, but year 10000 in UTC.
    { text: '9999-12-31T23:59:59-14:00', error: RANGE },
    { text: '2030-02-30T08:00:00Z', error: FORMAT },
    { text: '2030-01-31', error: FORMAT },
    // Text that is no date-time at all gets the example alone, not the range's message too.
    { text: 'tomorrow', error: FORMAT },
  ])('$text → $error', ({ text, error }) => {
    const parsed = instantInput().safeParse(text);
    expect(parsed.success).toBe(error === null);
    if (error !== null) expect(parsed.error!.issues.map((i) => i.message)).toEqual([error]);
  });
});
