import { afterEach, describe, expect, it, vi } from 'vitest';
import { primedAnswer, primeRead, takePrimed } from './primed-reads.ts';

describe('reads primed before their screen renders', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is handed over once, its answer readable as soon as it has come', async () => {
    let reads = 0;
    primeRead('orders:limit=100', async () => ({ page: ++reads }));
    primeRead('orders:limit=100', async () => ({ page: ++reads }));
    expect(primedAnswer('orders:limit=100')).toBeUndefined();
    await Promise.resolve();
    expect(primedAnswer('orders:limit=100')).toEqual({ data: { page: 1 } });
    expect(await takePrimed('orders:limit=100')).toEqual({ page: 1 });
    expect(takePrimed('orders:limit=100')).toBeUndefined();
    expect(reads).toBe(1);
  });

  it('is not handed over once stale: a screen opened later reads anew', async () => {
    vi.useFakeTimers();
    primeRead('work-areas', async () => ['area']);
    await Promise.resolve();
    vi.advanceTimersByTime(10_001);
    expect(primedAnswer('work-areas')).toBeUndefined();
    expect(takePrimed('work-areas')).toBeUndefined();
  });

  it('keeps a failure for the screen to show, not as an unhandled rejection', async () => {
    primeRead('order-views', () => Promise.reject(new Error('The Sluice API cannot be reached.')));
    await Promise.resolve();
    expect(primedAnswer('order-views')).toBeUndefined();
    await expect(takePrimed('order-views')).rejects.toThrow('cannot be reached');
  });
});
