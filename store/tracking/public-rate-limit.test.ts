import { describe, expect, it } from 'vitest';
import { useTempStore } from '../../test/temp-store.ts';
import { PublicRateLimitRecord } from './public-rate-limit.entity.ts';
import { takePublicHit, type RateLimits } from './public-rate-limit.ts';

const LIMITS: RateLimits = { perAddress: 3, global: 5, windowMs: 60_000 };
// Times inside one window of the test's own: the limit's arithmetic, not the wall clock, is under test.
const windowAt = (n: number) => new Date((Math.floor(Date.now() / LIMITS.windowMs) + n) * LIMITS.windowMs);
const at = (n: number, ms = 0) => new Date(windowAt(n).getTime() + ms);

describe('the public tracking routes\' rate limit, kept in the store', () => {
  const store = useTempStore();

  it('refuses an address past its limit until the window ends, others go on until everyone\'s limit', async () => {
    const em = store().em.fork();
    for (let i = 0; i < 3; i++) expect(await takePublicHit(em, '192.0.2.1', LIMITS, at(10, 1_000))).toBe(0);
    expect(await takePublicHit(em, '192.0.2.1', LIMITS, at(10, 15_000))).toBe(45_000);
    expect(await takePublicHit(em, '192.0.2.2', LIMITS, at(10, 15_000))).toBe(0);
    expect(await takePublicHit(em, '192.0.2.3', LIMITS, at(10, 15_000))).toBe(0);
    expect(await takePublicHit(em, '192.0.2.4', LIMITS, at(10, 59_000))).toBe(1_000);
    expect(await takePublicHit(em, '192.0.2.1', LIMITS, at(11))).toBe(0);
  });

  it('keeps only the windows still in use', async () => {
    const em = store().em.fork();
    await takePublicHit(em, '192.0.2.9', LIMITS, at(20));
    await takePublicHit(em, '192.0.2.9', LIMITS, at(21));
    const starts = (await store().em.fork().find(PublicRateLimitRecord, {})).map((r) => r.windowStart.getTime());
    expect(Math.min(...starts)).toBe(windowAt(21).getTime());
  });
});
