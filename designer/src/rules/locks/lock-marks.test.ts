import { describe, expect, it } from 'vitest';
import { NO_LOCKS } from '../../../../domain/ruleset-locks.ts';
import { DEFAULT_RULESETS } from '../../../../rules/defaults/index.ts';
import { graphToRuleset } from '../../graph/compile-graph.ts';
import { rulesetToGraph } from '../../graph/ruleset-to-graph.ts';
import { lockedNodes, lockMarks, touchesLocked } from './lock-marks.ts';

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

  const notes = (locks: typeof NO_LOCKS, mode: 'full' | 'values') => lockedNodes(definition, nodeAtPath, locks, mode);
  const stuckNodes = new Set([...nodeAtPath].filter(([path]) => path === 'rules.0' || path.startsWith('rules.0.')).map(([, id]) => id));
  it.each([
    { name: 'nothing locked, an ops manager: no node keeps its shape', locks: NO_LOCKS, mode: 'full' as const, nodes: () => new Set<string>() },
    { name: 'one rule locked, an ops manager: only that rule’s nodes, with why', locks: { ...NO_LOCKS, lockedRules: [stuck], reason: 'Agreed.' }, mode: 'full' as const, nodes: () => stuckNodes },
    { name: 'the whole structure locked, an ops manager: every node', locks: { ...NO_LOCKS, structureLocked: true }, mode: 'full' as const, nodes: () => new Set(graph.nodes.map((n) => n.id)) },
    { name: 'a value editor: every node', locks: NO_LOCKS, mode: 'values' as const, nodes: () => new Set(graph.nodes.map((n) => n.id)) },
  ])('lockedNodes: $name', ({ locks, mode, nodes }) => {
    expect(definition.rules[0]!.name).toBe(stuck);
    const locked = notes(locks, mode);
    expect(new Set(locked.keys())).toEqual(nodes());
    if (locks.lockedRules.length > 0) expect([...new Set(locked.values())]).toEqual(['An admin locked the structure of “Stuck in validation” (Agreed): only its values change.']);
  });

  it.each([
    { name: 'removing a node of the locked rule', touched: () => [[...stuckNodes][0]!], refused: true },
    { name: 'a link or cut with one end in the locked rule', touched: () => ['a-new-node', [...stuckNodes].at(-1)!], refused: true },
    { name: 'nodes of other rules only', touched: () => graph.nodes.map((n) => n.id).filter((id) => !stuckNodes.has(id)), refused: false },
  ])('touchesLocked: $name', ({ touched, refused }) => {
    const why = touchesLocked(notes({ ...NO_LOCKS, lockedRules: [stuck] }, 'full'), touched());
    expect(why).toBe(refused ? 'An admin locked the structure of “Stuck in validation”: only its values change.' : null);
  });
});
