import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESETS } from '../../../rules/defaults/index.ts';
import { foldShifts, hiddenByCollapse, openingViewport, READABLE_ZOOM, ruleOf, ruleOutcomes, searchGraph } from './canvas-view.ts';
import { rulesetToGraph } from './ruleset-to-graph.ts';

// Release: rule-0 "Overdue in a stopped area" (areaStatus, slackHours → escalate), rule-1 "Area stopped" (areaStatus → wait)…
const release = rulesetToGraph(DEFAULT_RULESETS.release);

describe('openingViewport', () => {
  it('opens every shipped ruleset at the readable zoom on its first rule, however large', () => {
    for (const definition of Object.values(DEFAULT_RULESETS)) {
      const graph = rulesetToGraph(definition);
      const viewport = openingViewport(graph);
      expect(viewport.zoom).toBe(READABLE_ZOOM);
      const first = graph.nodes.find((n) => n.id === 'rule-0')!;
      const onScreen = { x: first.position.x * viewport.zoom + viewport.x, y: first.position.y * viewport.zoom + viewport.y };
      expect(onScreen.x).toBeGreaterThanOrEqual(0);
      expect(onScreen.y).toBeGreaterThanOrEqual(0);
      expect(onScreen.y).toBeLessThan(400);
    }
  });

  it('keeps 12 px node text at least 12 px on screen', () => {
    expect(12 * READABLE_ZOOM).toBeGreaterThanOrEqual(12);
  });
});

describe('searchGraph', () => {
  it.each([
    { query: '', found: [] },
    { query: '   ', found: [] },
    { query: 'stopped', found: ['rule-0', 'rule-1'] },
    { query: 'area stopped', found: ['rule-1'] },
    { query: 'AREASTATUS', found: ['rule-0.when.0', 'rule-1.when.0', 'rule-2.when.0'] },
    { query: 'escalate', found: ['rule-0.then', 'rule-4.then'] },
    { query: 'no such thing', found: [] },
  ])('"$query" finds $found', ({ query, found }) => {
    expect(searchGraph(release, query)).toEqual(found);
  });
});

describe('hiddenByCollapse', () => {
  it.each([
    { collapsed: [], hidden: [] },
    { collapsed: ['rule-1'], hidden: ['rule-1.then', 'rule-1.when', 'rule-1.when.0'] },
    { collapsed: ['rule-0', 'rule-1'], hidden: ['rule-0.then', 'rule-0.when', 'rule-0.when.0', 'rule-0.when.1', 'rule-1.then', 'rule-1.when', 'rule-1.when.0'] },
  ])('collapsing $collapsed hides $hidden', ({ collapsed, hidden }) => {
    expect([...hiddenByCollapse(release, new Set(collapsed))].sort()).toEqual(hidden);
  });

  it('keeps a node linked under an open rule too in view', () => {
    const shared = { ...release, edges: [...release.edges, { id: 'rule-0->rule-1.then', source: 'rule-0', target: 'rule-1.then' }] };
    expect(hiddenByCollapse(shared, new Set(['rule-1'])).has('rule-1.then')).toBe(false);
  });
});

describe('ruleOutcomes and ruleOf', () => {
  it('finds each rule its outcome', () => {
    expect(ruleOutcomes(release).get('rule-1')).toEqual({ type: 'wait', params: { reason: 'The work area is stopped.' } });
  });

  it.each([
    { id: 'rule-2', rule: 'rule-2' },
    { id: 'rule-0.when.1', rule: 'rule-0' },
    { id: 'rule-3.then', rule: 'rule-3' },
    { id: 'missing', rule: null },
  ])('$id belongs to $rule', ({ id, rule }) => {
    expect(ruleOf(release, id)).toBe(rule);
  });
});

describe('foldShifts', () => {
  const top = (graph: typeof release, id: string, shifts: Map<string, number>) => graph.nodes.find((n) => n.id === id)!.position.y - (shifts.get(id) ?? 0);

  it('moves nothing while every rule is open', () => {
    expect(foldShifts(release, new Set())).toEqual(new Map());
  });

  it('closes the gap a folded rule leaves: the next rule starts where the folded block now ends', () => {
    const shifts = foldShifts(release, new Set(['rule-0']));
    expect(shifts.has('rule-0')).toBe(false);
    const gapBefore = top(release, 'rule-1', new Map()) - (top(release, 'rule-0', new Map()) + 124);
    expect(top(release, 'rule-1', shifts) - (top(release, 'rule-0', shifts) + 124)).toBeLessThan(gapBefore);
    expect(top(release, 'rule-1', shifts)).toBeGreaterThanOrEqual(top(release, 'rule-0', shifts) + 124);
  });

  it('folding every rule stacks the rules without overlapping them', () => {
    const shifts = foldShifts(release, new Set(release.nodes.filter((n) => n.type === 'rule').map((n) => n.id)));
    const tops = release.nodes.filter((n) => n.type === 'rule').map((n) => top(release, n.id, shifts));
    tops.slice(1).forEach((y, i) => expect(y).toBeGreaterThanOrEqual(tops[i]! + 124));
  });
});
