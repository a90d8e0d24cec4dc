import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESETS } from '../../../rules/defaults/index.ts';
import { removeElements, updateNodeData } from './graph-edits.ts';
import { checkGraph, nodeForPath } from './graph-problems.ts';
import type { RulesGraph } from './rules-graph-model.ts';
import { rulesetToGraph } from './ruleset-to-graph.ts';

const intake = rulesetToGraph(DEFAULT_RULESETS.intake);
const summary = (graph: RulesGraph) => checkGraph(graph).problems.map((p) => [p.severity, p.nodeId, p.message]);

describe('checkGraph', () => {
  it('finds nothing wrong with the default priority ruleset', () => {
    expect(checkGraph(rulesetToGraph(DEFAULT_RULESETS.priority))).toMatchObject({ valid: true, problems: [] });
  });

  it('puts a value the fact does not take on its condition', () => {
    const graph = updateNodeData(intake, 'rule-0.when.0', 'condition', { fact: 'orderValue', operator: 'greaterThan', value: 'a lot' });
    expect(summary(graph)).toEqual([['error', 'rule-0.when.0', '"a lot" is not a number (orderValue is a number in currency)']]);
    expect(checkGraph(graph).valid).toBe(false);
  });

  it('puts a missing outcome parameter on the outcome, and an empty name on the rule', () => {
    const rule = intake.nodes.find((n) => n.id === 'rule-0')!;
    const outcome = intake.nodes.find((n) => n.id === 'rule-0.then')!;
    if (rule.type !== 'rule' || outcome.type !== 'outcome') throw new Error('unexpected default intake ruleset');
    let graph = updateNodeData(intake, 'rule-0', 'rule', { ...rule.data, name: '' });
    graph = updateNodeData(graph, 'rule-0.then', 'outcome', { type: 'hold', params: { holdType: 'credit' } });
    expect(checkGraph(graph).problems.map((p) => [p.nodeId, p.path])).toEqual([['rule-0', 'rules.0.name']]);
    graph = updateNodeData(graph, 'rule-0', 'rule', rule.data);
    expect(checkGraph(graph).problems.map((p) => [p.nodeId, p.path])).toEqual([['rule-0.then', 'rules.0.event.params.reason']]);
  });

  it('reports what keeps a rule from compiling, and checks the other rules meanwhile', () => {
    const graph = updateNodeData(removeElements(intake, [], ['rule-0->rule-0.then']), 'rule-1.when.0', 'condition', { fact: 'colour', operator: 'equal', value: 1 });
    expect(summary(graph)).toEqual([
      ['error', 'rule-0', 'link an outcome: the rule decides nothing yet'],
      ['error', 'rule-0.then', 'an outcome not linked to any rule has no effect, and is left out when saved'],
      ['error', 'rule-1.when.0', expect.stringContaining('unknown fact "colour"')],
    ]);
  });

  it('says a ruleset without rules needs one, on no node', () => {
    expect(summary({ ...intake, nodes: [], edges: [] })).toEqual([['error', null, 'a ruleset needs at least one rule']]);
  });

  it.each(Object.keys(DEFAULT_RULESETS) as (keyof typeof DEFAULT_RULESETS)[])('shows no problem, not even a warning, on the shipped %s rules', (dp) => {
    expect(checkGraph(rulesetToGraph(DEFAULT_RULESETS[dp])).problems).toEqual([]);
  });

  it('keeps warnings, which do not block publishing', () => {
    // "Outside shift" given "Area paused"'s priority: an order outside its shift in a paused area gets whichever is listed first.
    const release = rulesetToGraph(DEFAULT_RULESETS.release);
    const check = checkGraph(updateNodeData(release, 'rule-3', 'rule', { name: 'Outside shift', description: 'Same priority as paused.', priority: 80 }));
    expect(check.valid).toBe(true);
    expect(check.problems.map((p) => [p.severity, p.nodeId])).toEqual([['warning', 'rule-3']]);
  });

  it('puts a rule another rule shadows on the shadowed rule', () => {
    const release = rulesetToGraph(DEFAULT_RULESETS.release);
    const graph = updateNodeData(release, 'rule-1', 'rule', { name: 'Area stopped', description: 'Runs first now.', priority: 200 });
    expect(summary(graph)).toContainEqual(['error', 'rule-0', '"Overdue in a stopped area" is unreachable: every order it matches is decided first by "Area stopped"']);
  });
});

describe('nodeForPath', () => {
  const paths = new Map([
    ['rules.0', 'r'],
    ['rules.0.conditions', 'g'],
    ['rules.0.conditions.all.0', 'c'],
  ]);
  it.each([
    ['rules.0.conditions.all.0.value.fact', 'c'],
    ['rules.0.conditions.all.1', 'g'],
    ['rules.0.name', 'r'],
    ['rules.1', null],
    ['hitPolicy', null],
  ])('%s → %s', (path, node) => {
    expect(nodeForPath(paths, path)).toBe(node);
  });
});
