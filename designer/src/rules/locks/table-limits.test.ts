import { describe, expect, it } from 'vitest';
import { NO_LOCKS, type EditingMode, type RulesetLocks } from '../../../../domain/ruleset-locks.ts';
import { DEFAULT_RULESETS } from '../../../../rules/defaults/index.ts';
import { checkEdit } from '../../../../rules/edit-check.ts';
import { graphToRuleset } from '../../graph/compile-graph.ts';
import { editCell, editOutcomeParam, graphToTable } from '../../graph/decision-table.ts';
import { rulesetToGraph } from '../../graph/ruleset-to-graph.ts';
import { tableLimits, valueKey } from './table-limits.ts';

const STUCK = 'Stuck in validation';
const SLACK = 'Queued with little slack';
const graph = rulesetToGraph(DEFAULT_RULESETS.escalation);
const base = graphToRuleset(graph).definition;
const row = (name: string) => graphToTable(graph).rows.find((r) => r.name === name)!;
const minutes = valueKey(row(STUCK).outcome!.nodeId, 'minutes');
const slackHours = valueKey(row(SLACK).cells.get('slackHours')!.nodeId);
const bounds: RulesetLocks['bounds'] = [
  { rule: STUCK, path: 'event.params.minutes', min: 5, max: 30 },
  { rule: SLACK, path: 'conditions.all.1.value', max: 8 },
];

describe('tableLimits: the locks as the decision table applies them', () => {
  it.each<{ name: string; mode: EditingMode; locks: Partial<RulesetLocks>; rowsLocked: boolean; lockedRows: string[]; bounded: string[] }>([
    { name: 'an ops manager, nothing locked: every cell free', mode: 'full', locks: {}, rowsLocked: false, lockedRows: [], bounded: [] },
    { name: 'an ops manager, bounds on unlocked rules: they do not hold', mode: 'full', locks: { bounds }, rowsLocked: false, lockedRows: [], bounded: [] },
    { name: 'an ops manager, one rule locked: its row and its bound', mode: 'full', locks: { bounds, lockedRules: [STUCK] }, rowsLocked: false, lockedRows: [STUCK], bounded: [minutes] },
    { name: 'an ops manager, structure locked: every row, no rule added', mode: 'full', locks: { bounds, structureLocked: true }, rowsLocked: true, lockedRows: DEFAULT_RULESETS.escalation.rules.map((r) => r.name), bounded: [minutes, slackHours] },
    { name: 'a value editor: every row, every bound', mode: 'values', locks: { bounds }, rowsLocked: true, lockedRows: DEFAULT_RULESETS.escalation.rules.map((r) => r.name), bounded: [minutes, slackHours] },
  ])('$name', ({ mode, locks, rowsLocked, lockedRows, bounded }) => {
    const limits = tableLimits(graphToRuleset(graph), { ...NO_LOCKS, ...locks }, mode, null);
    expect(limits.rowsLocked !== null).toBe(rowsLocked);
    expect([...limits.lockedRows.keys()].map((id) => graph.nodes.find((n) => n.id === id)!.data)).toEqual(lockedRows.map((name) => expect.objectContaining({ name })));
    expect([...limits.values.keys()].sort()).toEqual([...bounded].sort());
    expect([...limits.values.values()].every((v) => v.problem === null)).toBe(true);
  });

  it.each<{ name: string; edit: (g: typeof graph) => typeof graph; problems: Record<string, string> }>([
    { name: 'a deadline within its bound', edit: (g) => editOutcomeParam(g, row(STUCK).outcome!.nodeId, 'minutes', 30), problems: {} },
    { name: 'a deadline above its bound', edit: (g) => editOutcomeParam(g, row(STUCK).outcome!.nodeId, 'minutes', 45), problems: { [minutes]: 'Must be between 5 and 30, not 45.' } },
    { name: 'a deadline emptied', edit: (g) => editOutcomeParam(g, row(STUCK).outcome!.nodeId, 'minutes', ''), problems: { [minutes]: 'Must be between 5 and 30.' } },
    { name: 'a threshold above its bound', edit: (g) => editCell(g, row(SLACK).cells.get('slackHours')!.nodeId, { value: 9 }), problems: { [slackHours]: 'Must be at most 8, not 9.' } },
  ])('flags a value out of its bound, in words: $name', ({ edit, problems }) => {
    const locks = { ...NO_LOCKS, bounds };
    const compiled = graphToRuleset(edit(graph));
    const limits = tableLimits(compiled, locks, 'values', checkEdit(locks, 'values', base, compiled.definition));
    expect(Object.fromEntries([...limits.values].filter(([, v]) => v.problem !== null).map(([k, v]) => [k, v.problem]))).toEqual(problems);
  });

  it('says why a row is locked, with the admin’s reason', () => {
    const limits = tableLimits(graphToRuleset(graph), { ...NO_LOCKS, lockedRules: [STUCK], reason: 'Deadlines agreed with the customers.' }, 'full', null);
    expect(limits.lockedRows.get(row(STUCK).ruleId)).toBe('An admin locked the structure of “Stuck in validation” (Deadlines agreed with the customers): only its values change.');
  });
});
