import { DECISION_POINT_SPECS, OPERATORS_BY_TYPE, type FactSpec } from '../domain/decision-points.ts';
import { rulesetDefinition, rulesetSizeProblem, type RuleCondition, type RulesetDefinition } from '../domain/ruleset.ts';
import { isDateTime } from './date-instant.ts';
import { runOrder } from './explain-evaluation.ts';
import { factsIn, parseRankExpression } from './rank-expression.ts';
import { complementRegion, intersectRegions, isEmptyRegion, regionOf, type Region } from './regions/region.ts';

export interface RulesetProblem {
  /** Where: `rules.2.conditions.all.0.value`, the same path the JSON has. */
  path: string;
  message: string;
  /** Errors block saving and publishing; warnings are shown. */
  severity: 'error' | 'warning';
}

export interface RulesetValidation {
  definition: RulesetDefinition | null;
  problems: RulesetProblem[];
  valid: boolean;
}

const list = (items: readonly string[]) => items.join(', ');
const factRef = (value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { fact?: unknown }).fact === 'string'
    ? (value as { fact: string }).fact
    : null;

function valueProblem(spec: FactSpec, operator: string, value: unknown): string | null {
  const many = operator === 'in' || operator === 'notIn';
  if (many && (!Array.isArray(value) || value.length === 0)) return `"${operator}" needs a non-empty list of values`;
  for (const v of many ? (value as unknown[]) : [value]) {
    if (spec.type === 'number' && (typeof v !== 'number' || !Number.isFinite(v))) return `${JSON.stringify(v)} is not a number (${spec.name} is a number${spec.unit ? ` in ${spec.unit}` : ''})`;
    if (spec.type === 'boolean' && typeof v !== 'boolean') return `${JSON.stringify(v)} is not true or false`;
    if ((spec.type === 'string' || spec.type === 'list') && typeof v !== 'string') return `${JSON.stringify(v)} is not text`;
    if (spec.type === 'date' && !isDateTime(v)) return `${JSON.stringify(v)} is not a date and time with a zone (e.g. 2026-12-24T17:00:00Z)`;
    if (spec.type === 'enum' && !spec.values?.includes(v as string)) return `${JSON.stringify(v)} is not a value of ${spec.name} (${list(spec.values ?? [])})`;
  }
  return null;
}

function checkCondition(condition: RuleCondition, path: string, facts: ReadonlyMap<string, FactSpec>, dp: string, out: RulesetProblem[]): void {
  if ('all' in condition) return condition.all.forEach((c, i) => checkCondition(c, `${path}.all.${i}`, facts, dp, out));
  if ('any' in condition) return condition.any.forEach((c, i) => checkCondition(c, `${path}.any.${i}`, facts, dp, out));
  if ('not' in condition) return checkCondition(condition.not, `${path}.not`, facts, dp, out);
  const error = (where: string, message: string): void => {
    out.push({ path: where, message, severity: 'error' });
  };
  const spec = facts.get(condition.fact);
  if (!spec) return error(`${path}.fact`, `unknown fact "${condition.fact}": the ${dp} decision point offers ${list([...facts.keys()])}`);
  const operators = OPERATORS_BY_TYPE[spec.type];
  if (!operators.includes(condition.operator)) {
    return error(`${path}.operator`, `"${condition.operator}" does not fit ${spec.name}, a ${spec.type} fact: use ${list(operators)}`);
  }
  const other = factRef(condition.value);
  if (other !== null) {
    const otherSpec = facts.get(other);
    if (!otherSpec) return error(`${path}.value.fact`, `unknown fact "${other}"`);
    if (otherSpec.type !== spec.type || spec.type === 'list' || condition.operator === 'in' || condition.operator === 'notIn') {
      return error(`${path}.value`, `${spec.name} cannot be compared with ${other} by "${condition.operator}"`);
    }
    return;
  }
  const problem = valueProblem(spec, condition.operator, condition.value);
  if (problem) error(`${path}.value`, problem);
}

function sameOutcome(definition: RulesetDefinition, a: string, b: string): boolean {
  const [x, y] = [a, b].map((name) => definition.rules.find((r) => r.name === name)!.event);
  return JSON.stringify(x) === JSON.stringify(y);
}

/** Reachability under the hit policy: rules that can never hold, are shadowed, or overlap an earlier rule. */
function checkReachability(definition: RulesetDefinition, facts: ReadonlyMap<string, FactSpec>, out: RulesetProblem[]): void {
  const regions = definition.rules.map((rule) => regionOf(rule.conditions, facts));
  const earlier: { name: string; priority: number; region: Region }[] = [];
  for (const i of runOrder(definition)) {
    const rule = definition.rules[i]!;
    const region = regions[i]!;
    const path = `rules.${i}`;
    if (isEmptyRegion(region)) {
      out.push({ path: `${path}.conditions`, message: `"${rule.name}" can never apply: its conditions contradict each other`, severity: 'error' });
      continue;
    }
    if (definition.hitPolicy === 'first') {
      const exactEarlier = earlier.filter((e) => e.region.exact);
      const left = exactEarlier.reduce((r, e) => (isEmptyRegion(r) ? r : intersectRegions(r, complementRegion(e.region, facts))), region);
      if (exactEarlier.length > 0 && isEmptyRegion(left)) {
        out.push({ path, message: `"${rule.name}" is unreachable: every order it matches is decided first by ${list(exactEarlier.map((e) => `"${e.name}"`))}`, severity: 'error' });
      } else {
        // Under first match, overlapping rules are how exceptions are written: a higher priority, or an
        // earlier rule wholly inside this one (the exception before the general rule), says which wins.
        // Only rules of equal priority, where the list's order alone decides, overlap by accident.
        const accidental = earlier.filter((e) => e.priority === rule.priority && !sameOutcome(definition, e.name, rule.name) && !isEmptyRegion(intersectRegions(e.region, complementRegion(region, facts))));
        for (const e of accidental) {
          if (region.exact && e.region.exact && !isEmptyRegion(intersectRegions(region, e.region))) {
            out.push({
              path,
              message: `"${rule.name}" and "${e.name}" both match some orders and have the same priority (${rule.priority}), so only their order in the list decides: those orders get "${e.name}"'s outcome. Give the rule that should win a higher priority`,
              severity: 'warning',
            });
          }
        }
      }
    }
    earlier.push({ name: rule.name, priority: rule.priority, region });
  }
}

/** A rank-by's problems: a decision point that does not rank, an expression that does not parse, facts that are not there or not numbers. */
function checkRankBy(definition: RulesetDefinition, facts: ReadonlyMap<string, FactSpec>, out: RulesetProblem[]): void {
  const { rankBy } = definition;
  if (!rankBy) return;
  const error = (path: string, message: string): void => {
    out.push({ path, message, severity: 'error' });
  };
  if (definition.decisionPoint !== 'priority') return error('rankBy', `only priority rulesets rank a pool; the ${definition.decisionPoint} decision point does not use rankBy`);
  const path = 'rankBy.expression';
  const parsed = parseRankExpression(rankBy.expression);
  if ('error' in parsed) return error(path, parsed.error.message);
  const numbers = [...facts.values()].filter((f) => f.type === 'number').map((f) => f.name);
  const dates = [...facts.values()].filter((f) => f.type === 'date').map((f) => f.name);
  const alone = parsed.expression.kind === 'fact';
  for (const name of factsIn(parsed.expression)) {
    const spec = facts.get(name);
    if (!spec) error(path, `unknown fact "${name}": rank by number facts (${list(numbers)}) or by one date fact alone (${list(dates)})`);
    else if (spec.type === 'date' && !alone) error(path, `${name} is a date: rank by it alone, or compute with number facts (${list(numbers)})`);
    else if (spec.type !== 'number' && spec.type !== 'date') error(path, `${name} is ${spec.type === 'enum' ? 'an' : 'a'} ${spec.type} fact, not a number: rank by number facts (${list(numbers)}) or by one date fact alone (${list(dates)})`);
  }
}

/** Checks a ruleset against its decision point: every problem, each with the path to what is wrong. */
export function validateRuleset(input: unknown): RulesetValidation {
  const tooLarge = rulesetSizeProblem(input);
  if (tooLarge) return { definition: null, problems: [{ ...tooLarge, severity: 'error' }], valid: false };
  const parsed = rulesetDefinition.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i): RulesetProblem => ({ path: i.path.join('.') || '(ruleset)', message: i.message, severity: 'error' }));
    return { definition: null, problems, valid: false };
  }
  const definition = parsed.data;
  const dp = DECISION_POINT_SPECS[definition.decisionPoint];
  const facts = new Map(dp.facts.map((f) => [f.name, f]));
  const problems: RulesetProblem[] = [];
  if (!dp.hitPolicies.includes(definition.hitPolicy)) {
    problems.push({ path: 'hitPolicy', message: `the ${dp.id} decision point decides by ${list(dp.hitPolicies)}, not "${definition.hitPolicy}"`, severity: 'error' });
  }
  const seenNames = new Map<string, number>();
  const seenRules = new Map<string, number>();
  definition.rules.forEach((rule, i) => {
    const path = `rules.${i}`;
    if (seenNames.has(rule.name)) problems.push({ path: `${path}.name`, message: `the name "${rule.name}" is already used by rule ${seenNames.get(rule.name)! + 1}`, severity: 'error' });
    seenNames.set(rule.name, i);
    const body = JSON.stringify([rule.conditions, rule.event, rule.priority]);
    if (seenRules.has(body)) problems.push({ path, message: `"${rule.name}" repeats rule ${seenRules.get(body)! + 1} exactly`, severity: 'error' });
    seenRules.set(body, i);
    checkCondition(rule.conditions, `${path}.conditions`, facts, dp.id, problems);
    const outcome = dp.outcomes.find((o) => o.type === rule.event.type);
    if (!outcome) {
      problems.push({ path: `${path}.event.type`, message: `"${rule.event.type}" is not an outcome of ${dp.id}: it accepts ${list(dp.outcomes.map((o) => o.type))}`, severity: 'error' });
    } else {
      const params = outcome.params.safeParse(rule.event.params);
      if (!params.success) {
        for (const issue of params.error.issues) problems.push({ path: [`${path}.event.params`, ...issue.path].join('.'), message: issue.message, severity: 'error' });
      }
    }
  });
  checkRankBy(definition, facts, problems);
  if (!problems.some((p) => p.severity === 'error')) checkReachability(definition, facts, problems);
  return { definition, problems, valid: !problems.some((p) => p.severity === 'error') };
}
