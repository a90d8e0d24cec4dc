import { describe, expect, it } from 'vitest';
import { useTempStore } from '../../test/temp-store.ts';
import { LoginThrottleRecord } from '../../store/login-throttle.entity.ts';
import { pauseAfter, pauseRemaining, recordFailure } from './login-throttle.ts';

describe('sign-in throttling in the store', () => {
  const store = useTempStore();

  it('counts every one of many failures made at once, as several API processes would', async () => {
    const key = `guess|${crypto.randomUUID()}`;
    const now = new Date();
    const pauses = await Promise.all(Array.from({ length: 12 }, () => recordFailure(store().em.fork(), key, now)));
    const record = await store().em.fork().findOneOrFail(LoginThrottleRecord, { key });
    expect(record.failures).toBe(12);
    expect(pauses.toSorted((a, b) => a - b).at(-1)).toBe(pauseAfter(12));
    expect(await pauseRemaining(store().em.fork(), key, now)).toBe(pauseAfter(12));
  });
});
