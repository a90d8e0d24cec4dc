import { describe, expect, it } from 'vitest';
import type { RuleExplanation } from '../../../domain/decision.ts';
import { rulesetDefinition } from '../../../domain/ruleset.ts';
import { compileRuleset } from '../../../rules/compile-ruleset.ts';
import { DEFAULT_RULESETS } from '../../../rules/defaults/index.ts';
import { graphToRuleset } from './compile-graph.ts';
import { paintPath } from './paint-path.ts';
import { edgeId, type GraphNode, type RulesGraph } from './rules-graph-model.ts';
import { rulesetToGraph } from './ruleset-to-graph.ts';

const definition = rulesetDefinition.parse({
  decisionPoint: 'intake',
  name: 'Intake',
  hitPolicy: 'first',
  rules: [
    {
      name: 'Over limit',
      description: 'Hold orders that take the account over its limit, unless prepaid',
      priority: 2,
      conditions: {
        all: [
          { fact: 'creditBalance', operator: 'greaterThan', value: { fact: 'creditLimit' } },
          { not: { fact: 'paymentMode', operator: 'equal', value: 'prepaid' } },
        ],
      },
      event: { type: 'hold', params: { holdType: 'credit', reason: 'Over the credit limit' } },
    },
    {
      name: 'Big order',
      description: 'Big orders are reviewed',
      conditions: { any: [{ fact: 'orderValue', operator: 'greaterThan', value: 5000 }, { fact: 'lineCount', operator: 'greaterThan', value: 40 }] },
      event: { type: 'specialist_review', params: { reason: 'Big order' } },
    },
  ],
});

const graph = rulesetToGraph(definition);
const { nodeAtPath } = graphToRuleset(graph);
const explain = (facts: Record<string, unknown>) => compileRuleset(definition).evaluate(facts).rules;

describe('paintPath', () => {
  it('paints every node of a run by its result, with the fact values beside the conditions', () => {
    const paint = paintPath(nodeAtPath, explain({ creditBalance: 12_000, creditLimit: 10_000, paymentMode: 'cod', orderValue: 9000 }));
    expect(Object.fromEntries(paint)).toEqual({
      'rule-0': { kind: 'rule', fired: true, applied: true },
      'rule-0.when': { kind: 'group', mark: 'true' },
      'rule-0.when.0': { kind: 'condition', mark: 'true', actual: 'actual: 12000 · creditLimit: 10000' },
      'rule-0.when.1': { kind: 'group', mark: 'true' },
      'rule-0.when.1.0': { kind: 'condition', mark: 'false', actual: 'actual: cod' },
      'rule-0.then': { kind: 'outcome', applied: true },
      'rule-1': { kind: 'rule', fired: true, applied: false },
      'rule-1.when': { kind: 'group', mark: 'true' },
      'rule-1.when.0': { kind: 'condition', mark: 'true', actual: 'actual: 9000' },
      'rule-1.when.1': { kind: 'condition', mark: 'missing', actual: 'missing' },
      'rule-1.then': { kind: 'outcome', applied: false },
    });
  });

  it.each([
    ['the fact itself is absent', { creditLimit: 10_000, paymentMode: 'cod' }, 'missing'],
    ['the fact it is compared with is absent', { creditBalance: 12_000, paymentMode: 'cod' }, 'actual: 12000 · creditLimit missing'],
  ])('marks a condition missing when %s', (_, facts, actual) => {
    const paint = paintPath(nodeAtPath, explain(facts));
    expect(paint.get('rule-0.when.0')).toEqual({ kind: 'condition', mark: 'missing', actual });
    expect(paint.get('rule-0.when')).toEqual({ kind: 'group', mark: 'false' });
    expect(paint.get('rule-0')).toEqual({ kind: 'rule', fired: false, applied: false });
  });

  it('paints a lone condition linked straight to its rule, leaving the rule as a rule', () => {
    const node = (id: string, type: GraphNode['type'], data: GraphNode['data']) => ({ id, type, position: { x: 0, y: 0 }, data }) as GraphNode;
    const lone: RulesGraph = {
      ruleset: { decisionPoint: 'intake', name: 'Intake', hitPolicy: 'first' },
      nodes: [
        node('r', 'rule', { name: 'Unverified', description: 'Hold unverified addresses.', priority: 1 }),
        node('c', 'condition', { fact: 'addressVerified', operator: 'equal', value: false }),
        node('o', 'outcome', { type: 'hold', params: { holdType: 'address', reason: 'Check the address' } }),
      ],
      edges: [
        { id: edgeId('r', 'c'), source: 'r', target: 'c' },
        { id: edgeId('r', 'o'), source: 'r', target: 'o' },
      ],
    };
    const compiled = graphToRuleset(lone);
    const rules = compileRuleset(compiled.definition).evaluate({ addressVerified: false }).rules;
    expect(Object.fromEntries(paintPath(compiled.nodeAtPath, rules))).toEqual({
      r: { kind: 'rule', fired: true, applied: true },
      c: { kind: 'condition', mark: 'true', actual: 'actual: false' },
      o: { kind: 'outcome', applied: true },
    });
  });

  it('paints nothing it cannot place', () => {
    const stranger: RuleExplanation = { ...explain({})[0]!, conditions: { kind: 'all', result: true, children: [] } };
    expect(paintPath(new Map(), [stranger]).size).toBe(0);
  });

  it('paints a node for every part of a default ruleset', () => {
    const priority = DEFAULT_RULESETS.priority;
    const compiled = graphToRuleset(rulesetToGraph(priority));
    const paint = paintPath(compiled.nodeAtPath, compileRuleset(priority).evaluate({ slackHours: 2, statedPriority: 'urgent' }).rules);
    expect(new Set(paint.keys())).toEqual(new Set(compiled.nodeAtPath.values()));
  });
});
