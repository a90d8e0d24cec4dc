import { describe, expect, it } from 'vitest';
import { NO_LOCKS, type EditingMode, type RulesetLocks } from '../domain/ruleset-locks.ts';
import type { RulesetDefinition } from '../domain/ruleset.ts';
import { DEFAULT_RULESETS } from './defaults/index.ts';
import { checkEdit, describeRefusal } from './edit-check.ts';
import { classifyEdit } from './edit-scope.ts';

type Edit = (d: RulesetDefinition) => void;
const escalation = DEFAULT_RULESETS.escalation;
const edited = (edit: Edit) => {
  const d = structuredClone(escalation);
  edit(d);
  return d;
};
const firstLeaf = (d: RulesetDefinition) => (d.rules[0]!.conditions as { all: { fact: string; operator: string; value: unknown }[] }).all[0]!;
const first = escalation.rules[0]!.name;

describe('classifyEdit: structure or value', () => {
  it.each<{ name: string; edit: Edit; structural: string[]; values: string[] }>([
    { name: 'no change', edit: () => {}, structural: [], values: [] },
    { name: 'a description', edit: (d) => void (d.rules[0]!.description = 'Reworded.'), structural: [], values: [] },
    { name: 'a deadline', edit: (d) => void (d.rules[0]!.event.params.minutes = 20), structural: [], values: [`${first} event.params.minutes`] },
    { name: 'a threshold', edit: (d) => void (firstLeaf(d).value = 'queued'), structural: [], values: [`${first} conditions.all.0.value`] },
    { name: 'a fact', edit: (d) => void (firstLeaf(d).fact = 'kind'), structural: [`${first}: the fact at conditions.all.0 changed from state to kind`], values: [] },
    { name: 'an operator', edit: (d) => void (firstLeaf(d).operator = 'notEqual'), structural: [`${first}: the operator at conditions.all.0 changed from equal to notEqual`], values: [] },
    { name: 'a literal for a fact', edit: (d) => void (firstLeaf(d).value = { fact: 'kind' }), structural: [`${first}: the compared fact at conditions.all.0.value changed`], values: [] },
    { name: 'a condition added', edit: (d) => void (d.rules[0]!.conditions as { all: unknown[] }).all.push({ fact: 'kind', operator: 'equal', value: 'pick' }), structural: [`${first}: conditions were added at conditions.all`], values: [] },
    { name: 'all to any', edit: (d) => void (d.rules[0]!.conditions = { any: (d.rules[0]!.conditions as { all: never[] }).all }), structural: [`${first}: the condition at conditions changed its kind`], values: [] },
    { name: 'an outcome type', edit: (d) => void (d.rules[0]!.event.type = 'none'), structural: [`${first}: its outcome changed from deadline to none`], values: [] },
    { name: 'an outcome param added', edit: (d) => void (d.rules[0]!.event.params.hours = 1), structural: [`${first}: its outcome params were added or removed`], values: [] },
    { name: 'a rule priority', edit: (d) => void (d.rules[0]!.priority = 99), structural: [`${first}: its priority changed from 10 to 99`], values: [] },
    { name: 'a rule removed', edit: (d) => void d.rules.shift(), structural: [`${first}: rule “${first}” was removed`], values: [] },
    { name: 'a rule added', edit: (d) => void d.rules.push({ ...structuredClone(d.rules[0]!), name: 'New' }), structural: ['rule “New” was added'], values: [] },
    { name: 'the hit policy', edit: (d) => void (d.hitPolicy = 'collect'), structural: ['the hit policy changed from first to collect'], values: [] },
  ])('$name', ({ edit, structural, values }) => {
    const scope = classifyEdit(escalation, edited(edit));
    expect(scope.structural.map((c) => (c.rule ? `${c.rule}: ${c.what}` : c.what))).toEqual(structural);
    expect(scope.values.map((v) => `${v.rule} ${v.path}`)).toEqual(values);
  });
});

describe('checkEdit: what the locks refuse', () => {
  const locks = (l: Partial<RulesetLocks>): RulesetLocks => ({ ...NO_LOCKS, ...l });
  const deadline = (m: number): Edit => (d) => void (d.rules[0]!.event.params.minutes = m);
  const bounded = { bounds: [{ rule: first, path: 'event.params.minutes', min: 5, max: 30 }] };
  it.each<{ name: string; mode: EditingMode; locks: Partial<RulesetLocks>; edit: Edit; refused: number; outOfBounds: number }>([
    { name: 'an ops manager, nothing locked, changes the shape', mode: 'full', locks: {}, edit: (d) => void d.rules.pop(), refused: 0, outOfBounds: 0 },
    { name: 'an ops manager, structure locked, changes the shape', mode: 'full', locks: { structureLocked: true }, edit: (d) => void d.rules.pop(), refused: 1, outOfBounds: 0 },
    { name: 'an ops manager changes a locked rule’s operator', mode: 'full', locks: { lockedRules: [first] }, edit: (d) => void (firstLeaf(d).operator = 'notEqual'), refused: 1, outOfBounds: 0 },
    { name: 'an ops manager changes another rule’s priority', mode: 'full', locks: { lockedRules: ['Queued with little slack'] }, edit: (d) => void (d.rules[0]!.priority = 11), refused: 0, outOfBounds: 0 },
    { name: 'an ops manager, unlocked rule, beyond its bound', mode: 'full', locks: bounded, edit: deadline(90), refused: 0, outOfBounds: 0 },
    { name: 'an ops manager, locked rule, beyond its bound', mode: 'full', locks: { ...bounded, lockedRules: [first] }, edit: deadline(90), refused: 0, outOfBounds: 1 },
    { name: 'a value editor within bounds', mode: 'values', locks: bounded, edit: deadline(30), refused: 0, outOfBounds: 0 },
    { name: 'a value editor beyond bounds', mode: 'values', locks: bounded, edit: deadline(31), refused: 0, outOfBounds: 1 },
    { name: 'a value editor with a text for a bounded number', mode: 'values', locks: bounded, edit: (d) => void (d.rules[0]!.event.params.minutes = 'ten'), refused: 0, outOfBounds: 1 },
    { name: 'a value editor changes an unbounded value', mode: 'values', locks: {}, edit: deadline(500), refused: 0, outOfBounds: 0 },
    { name: 'a value editor adds a rule', mode: 'values', locks: {}, edit: (d) => void d.rules.push({ ...structuredClone(d.rules[0]!), name: 'New' }), refused: 1, outOfBounds: 0 },
  ])('$name', ({ mode, locks: l, edit, refused, outOfBounds }) => {
    const check = checkEdit(locks(l), mode, escalation, edited(edit));
    expect(check.refused).toHaveLength(refused);
    expect(check.outOfBounds).toHaveLength(outOfBounds);
  });

  it('says what may and may not change, and the bounds', () => {
    const shape = checkEdit(NO_LOCKS, 'values', escalation, edited((d) => void (firstLeaf(d).operator = 'notEqual')));
    expect(describeRefusal(shape, 'escalation', 'values', 'Deadlines agreed with the customers.')).toBe(
      'In the escalation rules (locked because: Deadlines agreed with the customers) you may change values only (condition values, points, deadlines and other outcome params), within their bounds; not structure (rules, conditions, facts, operators, outcome types, a rule’s priority, the hit policy, the rank by). Not allowed: rule “Stuck in validation”: the operator at conditions.all.0 changed from equal to notEqual.',
    );
    const range = checkEdit(locks(bounded), 'values', escalation, edited(deadline(31)));
    expect(describeRefusal(range, 'escalation', 'values', '')).toBe('A value is outside the bounds an admin set for the escalation rules: rule “Stuck in validation”, event.params.minutes must be between 5 and 30, not 31.');
  });
});
