import { describe, expect, it } from 'vitest';
import { LoginThrottleRecord } from '../../store/login-throttle.entity.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { FREE_ATTEMPTS, pauseAfter, pauseRemaining, recordFailure } from './login-throttle.ts';

describe('sign-in throttle in the store', () => {
  const store = useTempStore();

  it('counts every failure made at the same moment, as API processes answering one account do', async () => {
    const key = 'fred|127.0.0.1';
    const at = new Date();
    const attempts = FREE_ATTEMPTS + 3;
    const pauses = await Promise.all(Array.from({ length: attempts }, () => recordFailure(store().em.fork(), key, at)));
    const record = await store().em.fork().findOneOrFail(LoginThrottleRecord, { key });
    expect(record.failures).toBe(attempts);
    expect(pauses.sort((a, b) => a - b)).toEqual(Array.from({ length: attempts }, (_, i) => pauseAfter(i + 1)));
    expect(await pauseRemaining(store().em.fork(), key, at)).toBeGreaterThan(0);
  });
});
