import { Operator } from 'json-rules-engine';

const present = (value: unknown) => value !== undefined;

/**
 * Sluice's rule: a condition on a missing fact is false, whichever side of the comparison is missing.
 * json-rules-engine already answers false for most operators, but `notEqual`, `notIn` and
 * `doesNotContain` hold for a missing value, and `in`/`notIn` throw when a compared fact is missing.
 * These replace those operators in the reference engine; otherwise they behave as the defaults.
 */
export const MISSING_FACT_OPERATORS = [
  new Operator('notEqual', (a: unknown, b: unknown) => b !== undefined && a !== b, present),
  new Operator('in', (a: unknown, b: unknown) => Array.isArray(b) && b.indexOf(a) > -1, present),
  new Operator('notIn', (a: unknown, b: unknown) => Array.isArray(b) && b.indexOf(a) === -1, present),
  new Operator('doesNotContain', (a: unknown[], b: unknown) => b !== undefined && a.indexOf(b) === -1, Array.isArray),
];
