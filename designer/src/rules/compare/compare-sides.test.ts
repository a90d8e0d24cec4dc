import { describe, expect, it } from 'vitest';
import type { RulesetVersionSummary } from '../../../../domain/ruleset.ts';
import { defaultSides, sideOf, sideOptions, sideValue } from './compare-sides.ts';

const version = (n: number, status: RulesetVersionSummary['status']): RulesetVersionSummary => ({
  version: n,
  status,
  author: 'ops',
  note: null,
  publishedAt: null,
  effectiveFrom: null,
  basedOn: null,
});
const history = [version(4, 'draft'), version(3, 'published'), version(2, 'retired'), version(1, 'retired')];
const noDraft = history.slice(1);

describe('sideOptions', () => {
  it('offers the canvas, the draft and every version, newest first', () => {
    expect(sideOptions(history, true)).toEqual([
      { value: 'canvas', label: 'The canvas, as it is now' },
      { value: 'draft', label: 'The saved draft' },
      { value: '3', label: 'Version 3 · in force' },
      { value: '2', label: 'Version 2 · retired' },
      { value: '1', label: 'Version 1 · retired' },
    ]);
  });

  it('reads back what it offers', () => {
    for (const side of ['canvas', 'draft', 3] as const) expect(sideOf(sideValue(side))).toBe(side);
  });
});

describe('defaultSides', () => {
  it.each([
    ['the canvas against the version in force', history, true, undefined, { from: 3, to: 'canvas' }],
    ['the draft against the version in force', history, false, undefined, { from: 3, to: 'draft' }],
    ['the version in force against the one before', noDraft, false, undefined, { from: 2, to: 3 }],
    ['a chosen version against the newest work', history, true, 1, { from: 1, to: 'canvas' }],
    ['a chosen version against the version in force', noDraft, false, 1, { from: 1, to: 3 }],
    ['nothing when only one version exists', [version(1, 'published')], false, undefined, null],
    ['nothing when no version exists', [], false, undefined, null],
    ['the canvas against nothing is nothing', [], true, undefined, null],
  ] as const)('compares %s', (_, versions, canvas, from, expected) => {
    expect(defaultSides(versions, canvas, from)).toEqual(expected);
  });
});
