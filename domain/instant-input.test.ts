import { describe, expect, it } from 'vitest';
import { instantInput } from './instant-input.ts';

// Literal instants: the test is about where the accepted range begins and ends.
describe('an instant a caller sends', () => {
  it.each([
    { text: '1970-01-01T00:00:00Z', ok: true },
    { text: '1970-01-01T05:30:00+05:30', ok: true },
    { text: '9999-12-31T23:59:59.999Z', ok: true },
    { text: '1969-12-31T23:59:59.999Z', ok: false },
    { text: '1970-01-01T00:00:00+00:01', ok: false },
    { text: '0000-01-01T00:00:00Z', ok: false },
    // Still year 9999 where it was written, but year 10000 in UTC.
    { text: '9999-12-31T23:59:59-14:00', ok: false },
    { text: '2030-02-30T08:00:00Z', ok: false },
    { text: '2030-01-31', ok: false },
  ])('$text → $ok', ({ text, ok }) => {
    const parsed = instantInput().safeParse(text);
    expect(parsed.success).toBe(ok);
    if (!ok && /^\d{4}-\d\d-\d\dT/.test(text) && !text.includes('02-30')) expect(parsed.error!.issues[0]!.message).toBe('a time from 1970 to the end of 9999 (UTC)');
  });

  it('that is no date-time at all gets one message, the example', () => {
    expect(instantInput('an instant, e.g. 2030-01-31T08:00:00Z').safeParse('tomorrow').error!.issues.map((i) => i.message)).toEqual(['an instant, e.g. 2030-01-31T08:00:00Z']);
  });
});
