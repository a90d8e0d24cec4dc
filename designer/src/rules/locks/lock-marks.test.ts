import { describe, expect, it } from 'vitest';
import { NO_LOCKS } from '../../../../domain/ruleset-locks.ts';
import { DEFAULT_RULESETS } from '../../../../rules/defaults/index.ts';
import { graphToRuleset } from '../../graph/compile-graph.ts';
import { rulesetToGraph } from '../../graph/ruleset-to-graph.ts';
import { lockMarks } from './lock-marks.ts';

describe('lockMarks', () => {
  const graph = rulesetToGraph(DEFAULT_RULESETS.escalation);
  const { definition, nodeAtPath } = graphToRuleset(graph);
  const kindOf = (id: string) => graph.nodes.find((n) => n.id === id)!.type;
  const stuck = 'Stuck in validation';
  const bounds = [{ rule: stuck, path: 'event.params.minutes', min: 5, max: 30 }];

  it.each([
    { name: 'nothing locked, an ops manager: no marks', locks: NO_LOCKS, mode: 'full' as const, locked: 0, bound: false },
    { name: 'one rule locked, an ops manager: that rule’s nodes', locks: { ...NO_LOCKS, lockedRules: [stuck], reason: 'Agreed.' }, mode: 'full' as const, locked: 4, bound: false },
    { name: 'a value editor: every node locked, the bound on the outcome', locks: { ...NO_LOCKS, bounds }, mode: 'values' as const, locked: graph.nodes.length, bound: true },
  ])('$name', ({ locks, mode, locked, bound }) => {
    const marks = lockMarks(definition, nodeAtPath, locks, mode);
    expect([...marks.values()].filter((notes) => notes.some((n) => n.startsWith('An admin locked'))).length).toBe(locked);
    const boundNodes = [...marks].filter(([, notes]) => notes.some((n) => n.startsWith('Bound:')));
    expect(boundNodes.map(([id, notes]) => [kindOf(id), notes.at(-1)])).toEqual(bound ? [['outcome', 'Bound: “Stuck in validation”, minutes: between 5 and 30.']] : []);
  });
});
