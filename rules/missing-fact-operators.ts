import { Operator } from 'json-rules-engine';

const present = (value: unknown) => value !== undefined;

/**
 * Sluice's rule: a condition on a missing fact is false, whichever side of the comparison is missing.
 * json-rules-engine already answers false for most operators, but `notEqual`, `notIn` and
 * `doesNotContain` hold for a missing value, `equal` holds between two missing facts, and `in`/`notIn`
 * throw when a compared fact is missing. The compiled evaluator's operator table mirrors these.
 * These replace those operators in the reference engine; otherwise they behave as the defaults.
 */
export const MISSING_FACT_OPERATORS = [
  // Two missing facts compared with each other are not equal.
  new Operator('equal', (a: unknown, b: unknown) => a === b, present),
  new Operator('notEqual', (a: unknown, b: unknown) => b !== undefined && a !== b, present),
  new Operator('in', (a: unknown, b: unknown) => Array.isArray(b) && b.indexOf(a) > -1, present),
  new Operator('notIn', (a: unknown, b: unknown) => Array.isArray(b) && b.indexOf(a) === -1, present),
  new Operator('doesNotContain', (a: unknown[], b: unknown) => b !== undefined && a.indexOf(b) === -1, Array.isArray),
];
