import { describe, expect, it } from 'vitest';
import { shortLabel } from './trend-rows.ts';

const day = new Date().toISOString().slice(0, 10);
const dayMonth = `${day.slice(8, 10)}/${day.slice(5, 7)}`;

describe('shortLabel', () => {
  it.each([
    [day, dayMonth],
    [`${day} night`, `${dayMonth} n`],
    [`week of ${day}`, dayMonth],
    ['0–0.25 h', '0–0.25 h'],
  ])('%s → %s', (label, expected) => {
    expect(shortLabel(label)).toBe(expected);
  });
});
