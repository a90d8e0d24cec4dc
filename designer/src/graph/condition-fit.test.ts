import { describe, expect, it } from 'vitest';
import { comparableFacts, conditionProblem, factReference, factSpec, withFact, withOperator } from './condition-fit.ts';

describe('conditionProblem', () => {
  it.each([
    ['a number compared with a number', { fact: 'orderValue', operator: 'greaterThan', value: 5 }, null],
    ['an enum in a list of its values', { fact: 'accountTier', operator: 'in', value: ['key', 'major'] }, null],
    ['two facts of one type', { fact: 'creditBalance', operator: 'greaterThan', value: { fact: 'creditLimit' } }, null],
    ['an operator of another type', { fact: 'inventoryShort', operator: 'greaterThan', value: true }, '"greaterThan" does not fit inventoryShort, a boolean fact: use equal, notEqual'],
    ['a value not of the enum', { fact: 'accountTier', operator: 'equal', value: 'gold' }, '"gold" is not a value of accountTier (standard, key, major)'],
    ['an empty list', { fact: 'lineCount', operator: 'in', value: [] }, '"in" needs a non-empty list of values'],
    ['text for a number', { fact: 'orderValue', operator: 'equal', value: '5' }, '"5" is not a number (orderValue is a number in currency)'],
    ['a date before a date-time', { fact: 'dueAt', operator: 'before', value: '2026-12-24T17:00:00.000Z' }, null],
    ['a date with no time', { fact: 'dueAt', operator: 'after', value: '2026-12-24' }, '"2026-12-24" is not a date and time with a zone (e.g. 2026-12-24T17:00:00Z)'],
    ['a number operator on a date', { fact: 'dueAt', operator: 'greaterThan', value: '2026-12-24T17:00:00Z' }, '"greaterThan" does not fit dueAt, a date fact: use before, after'],
  ])('%s', (_, condition, problem) => {
    expect(conditionProblem('intake', condition)).toBe(problem);
  });
});

describe('editing a condition', () => {
  it('keeps operator and value when the new fact has the same type', () => {
    expect(withFact('intake', { fact: 'creditBalance', operator: 'lessThan', value: 10 }, 'orderValue')).toEqual({ fact: 'orderValue', operator: 'lessThan', value: 10 });
  });

  it.each([
    ['a number to an enum', { fact: 'orderValue', operator: 'lessThan', value: 10 }, 'accountTier', { fact: 'accountTier', operator: 'equal', value: 'standard' }],
    ['one enum to another', { fact: 'accountTier', operator: 'in', value: ['key'] }, 'kind', { fact: 'kind', operator: 'in', value: ['pick'] }],
    ['a number to a date', { fact: 'orderValue', operator: 'greaterThan', value: 10 }, 'dueAt', { fact: 'dueAt', operator: 'before', value: '2026-12-24T17:00:00.000Z' }],
    ['to the fact it was compared with', { fact: 'creditBalance', operator: 'lessThan', value: { fact: 'creditLimit' } }, 'creditLimit', { fact: 'creditLimit', operator: 'lessThan', value: 10_000 }],
  ])('starts over from the example of the new fact: %s', (_, condition, fact, expected) => {
    expect(withFact('intake', condition, fact)).toEqual(expected);
  });

  it.each([
    ['one value to a list', { fact: 'kind', operator: 'equal', value: 'pick' }, 'in', ['pick']],
    ['a list to one value', { fact: 'kind', operator: 'notIn', value: ['pickup', 'pick'] }, 'equal', 'pickup'],
    ['an empty list to one value', { fact: 'kind', operator: 'in', value: [] }, 'notEqual', 'pick'],
    ['a fact reference to a list', { fact: 'creditBalance', operator: 'equal', value: { fact: 'creditLimit' } }, 'in', []],
    ['between single-value operators', { fact: 'orderValue', operator: 'equal', value: 3 }, 'lessThan', 3],
  ])('carries the value over from %s', (_, condition, operator, value) => {
    expect(withOperator('intake', condition, operator)).toEqual({ ...condition, operator, value });
  });

  it('offers facts of the same type to compare with, for single-value operators', () => {
    const spec = factSpec('intake', 'creditBalance')!;
    expect(comparableFacts('intake', spec, 'lessThan').map((f) => f.name)).toEqual(['orderValue', 'lineCount', 'creditExposure', 'creditAvailable', 'creditLimit', 'linesShort', 'unknownSkus']);
    expect(comparableFacts('intake', spec, 'in')).toEqual([]);
    expect(comparableFacts('assignment', factSpec('assignment', 'resourceSkills')!, 'contains')).toEqual([]);
  });

  it.each([
    [{ fact: 'x' }, 'x'],
    [{ fact: 'x', also: 1 }, null],
    [['x'], null],
    ['x', null],
    [null, null],
  ])('reads %o as a reference to %s', (value, fact) => {
    expect(factReference(value)).toBe(fact);
  });
});
