import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retry-after.ts';

const now = new Date();
const httpDate = (msFromNow: number) => new Date(now.getTime() + msFromNow).toUTCString();
const MAX = 6 * 3_600_000;

describe('Retry-After', () => {
  it.each([
    { header: undefined, ms: null },
    { header: '', ms: null },
    { header: '0', ms: 0 },
    { header: '120', ms: 120_000 },
    { header: ' 5 ', ms: 5_000 },
    { header: '999999999', ms: MAX },
    { header: '-5', ms: null },
    { header: '1.5', ms: null },
    { header: 'soon', ms: null },
    { header: httpDate(90_000), ms: 90_000 },
    { header: httpDate(-60_000), ms: 0 },
    { header: httpDate(30 * 86_400_000), ms: MAX },
    { header: new Date(now.getTime() + 90_000).toISOString(), ms: null },
  ])('$header → $ms', ({ header, ms }) => {
    const got = retryAfterMs(header, now, MAX);
    // An HTTP date has whole seconds: it is at most a second early.
    if (ms !== null && ms > 0 && ms < MAX && header !== undefined && !/^\s*\d+\s*$/.test(header)) expect(got).toBeGreaterThan(ms - 1_000);
    else expect(got).toBe(ms);
  });
});
