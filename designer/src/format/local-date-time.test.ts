import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './local-date-time.ts';

// An ops manager in Berlin, where the zone's offset changes in the year; Node reads TZ whenever it changes.
const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe('the date editor', () => {
  it.each([
    { iso: '2026-12-24T17:00:00.000Z', local: '2026-12-24T18:00' },
    { iso: '2026-07-01T08:15:00.000Z', local: '2026-07-01T10:15' },
  ])('shows $iso as $local on the viewer\'s clock', ({ iso, local }) => {
    expect(toLocalInput(iso)).toBe(local);
    expect(fromLocalInput(local)).toBe(iso);
  });

  it.each(['2026-12-24T17:00:00.000Z', '2026-03-29T01:30:00.000Z', '2027-01-01T00:00:00.000Z'])('shows %s in local time and stores the same instant', (iso) => {
    const local = toLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe(iso);
  });

  it('reads an instant written in another zone', () => {
    expect(fromLocalInput(toLocalInput('2026-12-24T18:00:00+01:00'))).toBe('2026-12-24T17:00:00.000Z');
  });

  it.each([
    { typed: '', stored: null },
    { typed: '2026-12-24', stored: null },
    { typed: '2026-12-24T17', stored: null },
  ])('an incomplete input "$typed" stores nothing yet', ({ typed, stored }) => {
    expect(fromLocalInput(typed)).toBe(stored);
  });

  it('shows nothing for a value that is not a date', () => {
    expect(toLocalInput('next week')).toBe('');
    expect(toLocalInput(5)).toBe('');
  });
});
