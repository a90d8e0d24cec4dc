import { describe, expect, it } from 'vitest';
import { DEFAULT_RULESETS } from '../../../rules/defaults/index.ts';
import { rulesetDefinition } from '../../../domain/ruleset.ts';
import { formatCalendarDateTime } from '../format/time.ts';
import { graphToRuleset } from './compile-graph.ts';
import { addCell, addRuleRow, clearCell, editCell, editOutcomeParam, editOutcomeType, editRule, graphToTable, removeRuleRow, type DecisionTable } from './decision-table.ts';
import { rulesetToGraph } from './ruleset-to-graph.ts';

const release = rulesetToGraph(DEFAULT_RULESETS.release);
const row = (table: DecisionTable, name: string) => table.rows.find((r) => r.name === name)!;
const cells = (table: DecisionTable, name: string) => Object.fromEntries([...row(table, name).cells].map(([fact, cell]) => [fact, cell.text]));

const nested = rulesetToGraph(
  rulesetDefinition.parse({
    decisionPoint: 'priority',
    name: 'Nested',
    hitPolicy: 'additive',
    rules: [
      {
        name: 'Urgent and tight',
        description: 'Urgent orders due soon.',
        priority: 2,
        conditions: {
          all: [
            { fact: 'statedPriority', operator: 'equal', value: 'urgent' },
            { any: [{ fact: 'slackHours', operator: 'lessThan', value: 1 }, { not: { fact: 'accountTier', operator: 'equal', value: 'standard' } }] },
          ],
        },
        event: { type: 'score', params: { points: 30 } },
      },
      { name: 'Either', description: 'Any of two.', conditions: { any: [{ fact: 'kind', operator: 'equal', value: 'on_demand' }] }, event: { type: 'score', params: { points: 10 } } },
      { name: 'Twice', description: 'A band.', conditions: { all: [{ fact: 'slackHours', operator: 'greaterThan', value: 2 }, { fact: 'slackHours', operator: 'lessThan', value: 8 }] }, event: { type: 'score', params: { points: 5 } } },
    ],
  }),
);

describe('graphToTable', () => {
  const table = graphToTable(release);

  it('reads a date cell in the viewer’s time, as the canvas does, not as the ISO text the rule keeps', () => {
    const due = new Date(Date.now() + 48 * 3_600_000).toISOString();
    const dated = rulesetToGraph(
      rulesetDefinition.parse({
        decisionPoint: 'priority',
        name: 'Dated',
        hitPolicy: 'additive',
        rules: [{ name: 'Due soon', description: 'Due before a time.', conditions: { all: [{ fact: 'dueAt', operator: 'before', value: due }] }, event: { type: 'score', params: { points: 5 } } }],
      }),
    );
    expect(cells(graphToTable(dated), 'Due soon')).toEqual({ dueAt: `before ${formatCalendarDateTime(due)}` });
  });

  it('has a row per rule in the ruleset order, with priority, name and outcome', () => {
    expect(table.rows.map((r) => [r.priority, r.name, r.outcome?.data.type])).toEqual(DEFAULT_RULESETS.release.rules.map((r) => [r.priority, r.name, r.event.type]));
  });

  it('has a column per fact the conditions test, in the catalogue order', () => {
    expect(table.facts).toEqual(['kind', 'slackHours', 'areaStatus', 'areaWip', 'inShift', 'hourOfDay']);
  });

  it.each([
    { rule: 'Overdue in a stopped area', cells: { areaStatus: '= stopped', slackHours: '< 0' } },
    { rule: 'Outside shift', cells: { inShift: '= false' } },
    { rule: 'Area full', cells: { areaWip: '≥ areaWipLimit' } },
  ])('shows "$rule" as $cells', ({ rule, cells: expected }) => {
    expect(cells(table, rule)).toEqual(expected);
    expect(row(table, rule).other).toBeNull();
  });

  it.each([
    { rule: 'Urgent and tight', cells: { statedPriority: '= urgent' }, other: '(slackHours < 1 or not (accountTier = standard))' },
    { rule: 'Either', cells: {}, other: 'kind = on_demand' },
    { rule: 'Twice', cells: { slackHours: '> 2' }, other: 'slackHours < 8' },
  ])('shows what no cell can hold in "$rule" as text: $other', ({ rule, cells: expected, other }) => {
    const nestedTable = graphToTable(nested);
    expect(cells(nestedTable, rule)).toEqual(expected);
    expect(row(nestedTable, rule).other).toBe(other);
  });
});

describe('edits through the table', () => {
  const table = graphToTable(release);
  const compiled = (graph: typeof release) => graphToRuleset(graph).definition.rules;

  it.each([
    {
      edit: 'a value',
      apply: () => editCell(release, row(table, 'Overdue in a stopped area').cells.get('slackHours')!.nodeId, { value: -2 }),
      rule: 'Overdue in a stopped area',
      conditions: { all: [{ fact: 'areaStatus', operator: 'equal', value: 'stopped' }, { fact: 'slackHours', operator: 'lessThan', value: -2 }] },
    },
    {
      edit: 'an operator',
      apply: () => editCell(release, row(table, 'Overdue in a stopped area').cells.get('slackHours')!.nodeId, { operator: 'lessThanInclusive' }),
      rule: 'Overdue in a stopped area',
      conditions: { all: [{ fact: 'areaStatus', operator: 'equal', value: 'stopped' }, { fact: 'slackHours', operator: 'lessThanInclusive', value: 0 }] },
    },
    {
      edit: 'a condition added in an empty cell',
      apply: () => addCell(release, row(table, 'Outside shift').groupId!, 'kind').graph,
      rule: 'Outside shift',
      conditions: { all: [{ fact: 'inShift', operator: 'equal', value: false }, { fact: 'kind', operator: 'equal', value: expect.any(String) as unknown }] },
    },
    {
      edit: 'a cell emptied',
      apply: () => clearCell(release, row(table, 'Overdue in a stopped area').cells.get('slackHours')!.nodeId),
      rule: 'Overdue in a stopped area',
      conditions: { all: [{ fact: 'areaStatus', operator: 'equal', value: 'stopped' }] },
    },
  ])('$edit changes the rule the canvas compiles', ({ apply, rule, conditions }) => {
    expect(compiled(apply()).find((r) => r.name === rule)!.conditions).toEqual(conditions);
  });

  it('an outcome parameter, a name and a priority change the rule', () => {
    const { ruleId, outcome } = row(table, 'Area stopped');
    const edited = editRule(editOutcomeParam(release, outcome!.nodeId, 'reason', 'Stopped: wait.'), ruleId, { name: 'Stopped', priority: 95 });
    expect(compiled(edited).find((r) => r.name === 'Stopped')).toMatchObject({ priority: 95, event: { type: 'wait', params: { reason: 'Stopped: wait.' } } });
    expect(graphToTable(edited).rows.map((r) => r.name)).toContain('Stopped');
  });

  it.each([
    { name: 'wait to escalate keeps the reason and takes the role', rule: 'Area stopped', type: 'escalate', event: { type: 'escalate', params: { role: 'ops_manager', reason: 'The work area is stopped.' } } },
    { name: 'wait to release drops the params release does not take', rule: 'Area stopped', type: 'release', event: { type: 'release', params: {} } },
    { name: 'the same type changes nothing', rule: 'Area stopped', type: 'wait', event: { type: 'wait', params: { reason: 'The work area is stopped.' } } },
  ])('an outcome type changed in the table: $name', ({ rule, type, event }) => {
    const edited = editOutcomeType(release, row(table, rule).outcome!.nodeId, type);
    expect(compiled(edited).find((r) => r.name === rule)!.event).toEqual(event);
    expect(row(graphToTable(edited), rule).outcome!.data.type).toBe(type);
  });

  it('a row added is a rule with an ALL group and an outcome, shown in the table; removed, it goes with its nodes', () => {
    const added = addRuleRow(release);
    const rows = graphToTable(added.graph).rows;
    expect(rows).toHaveLength(table.rows.length + 1);
    expect(rows.at(-1)).toMatchObject({ ruleId: added.id, name: 'New rule', other: null, outcome: { data: { type: 'release' } } });
    expect(rows.at(-1)!.groupId).not.toBeNull();
    const removed = removeRuleRow(added.graph, added.id);
    expect(removed.nodes).toHaveLength(release.nodes.length);
    expect(graphToRuleset(removed).definition).toEqual(DEFAULT_RULESETS.release);
  });

  it('removing a row removes its rule, conditions and outcome from the compiled ruleset, and nothing else', () => {
    const removed = removeRuleRow(release, row(table, 'Area paused').ruleId);
    expect(compiled(removed).map((r) => r.name)).toEqual(DEFAULT_RULESETS.release.rules.filter((r) => r.name !== 'Area paused').map((r) => r.name));
    expect(graphToRuleset(removed).problems).toEqual([]);
  });
});
