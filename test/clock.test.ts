import { describe, expect, it } from 'vitest';
import { hourIn, zoneInDaytime } from './clock.ts';

describe('zoneInDaytime', () => {
  // Literal instants: the test is about zones, in winter and in New York's summer time, at every UTC hour.
  const days = ['2026-01-15T00:30:00Z', '2026-07-15T00:30:00Z'];
  it.each(days.flatMap((day) => Array.from({ length: 24 }, (_, h) => new Date(Date.parse(day) + h * 3_600_000))))('finds a zone between 01:00 and 17:59 at %s', (at) => {
    const zone = zoneInDaytime(at);
    expect(zone).toBeDefined();
    expect(hourIn(zone, at)).toBeGreaterThanOrEqual(1);
    expect(hourIn(zone, at)).toBeLessThanOrEqual(17);
  });
});
