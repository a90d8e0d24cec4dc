import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESETS } from '../../../rules/defaults/index.ts';
import { graphToRuleset } from './compile-graph.ts';
import { copyNodes, pasteFragment } from './copy-paste.ts';
import { rulesetToGraph } from './ruleset-to-graph.ts';

describe('copy and paste', () => {
  const graph = rulesetToGraph(DEFAULT_RULESETS.release);
  const ids = graph.nodes.filter((n) => n.id === 'rule-1' || n.id.startsWith('rule-1.')).map((n) => n.id);

  it('pastes a whole rule as a new rule with its own name, ids and links', () => {
    const pasted = pasteFragment(graph, copyNodes(graph, ids), { x: 40, y: 40 });
    expect(pasted.ids).toHaveLength(ids.length);
    expect(pasted.ids.some((id) => graph.nodes.some((n) => n.id === id))).toBe(false);
    const compiled = graphToRuleset(pasted.graph);
    expect(compiled.problems).toEqual([]);
    const copy = compiled.definition.rules.at(-1)!;
    const original = DEFAULT_RULESETS.release.rules[1]!;
    expect(copy).toEqual({ ...original, name: `${original.name} (copy)` });
    const { position } = graph.nodes.find((n) => n.id === 'rule-1')!;
    expect(pasted.graph.nodes.find((n) => n.id === pasted.ids[0])!.position).toEqual({ x: position.x + 40, y: position.y + 40 });
  });

  it('pasting twice names the copies apart', () => {
    const fragment = copyNodes(graph, ['rule-1']);
    const once = pasteFragment(graph, fragment, { x: 10, y: 10 }).graph;
    const twice = pasteFragment(once, fragment, { x: 10, y: 10 }).graph;
    expect(twice.nodes.filter((n) => n.type === 'rule').map((n) => n.type === 'rule' && n.data.name).slice(-2)).toEqual(['Area stopped (copy)', 'Area stopped (copy) 2']);
  });

  it('leaves out links to nodes that were not copied', () => {
    expect(copyNodes(graph, ['rule-0', 'rule-0.then', 'rule-1.then']).edges.map((e) => e.id)).toEqual(['rule-0->rule-0.then']);
  });
});
