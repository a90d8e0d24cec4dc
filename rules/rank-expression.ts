/*
 * The expression a "rank by" ranks a pool by: number facts and numbers joined by + − × ÷ and parentheses,
 * e.g. `plannedReleaseSlackHours - 2 * routingHours`, or one date fact alone (`plannedReleaseAt`). Kept this
 * small on purpose: a person reads it in a sentence, the validator can name every problem in it, and it has
 * no functions, no comparisons and no way to loop. Pure: parsing and evaluating touch nothing but their input.
 */
import { RANK_VALUE_MAX } from '../domain/ruleset.ts';
import { instantOf } from './date-instant.ts';

export type RankExpression =
  | { kind: 'number'; value: number }
  | { kind: 'fact'; name: string }
  | { kind: 'negate'; operand: RankExpression }
  | { kind: 'binary'; operator: '+' | '-' | '*' | '/'; left: RankExpression; right: RankExpression };

/** Where a parse went wrong: `at` counts characters from 1, as a person counts them. */
export type RankExpressionError = { message: string; at: number };

type Token = { text: string; at: number };
const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/()])|(\S))/y;

function tokenize(text: string): Token[] | RankExpressionError {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const token = match[1] ?? match[2] ?? match[3] ?? match[4]!;
    const at = TOKEN.lastIndex - token.length + 1;
    if (match[4] !== undefined) return { message: `"${token}" at character ${at} is not part of a rank expression: use facts, numbers, + - * / and parentheses`, at };
    tokens.push({ text: token, at });
  }
  return tokens;
}

/** Parses a rank expression, or says what is wrong and where. */
export function parseRankExpression(text: string): { expression: RankExpression } | { error: RankExpressionError } {
  const tokenized = tokenize(text);
  if (!Array.isArray(tokenized)) return { error: tokenized };
  const tokens = tokenized;
  let next = 0;
  const end = text.length + 1;
  const fail = (message: string, at: number): never => {
    throw Object.assign(new Error(message), { at });
  };
  const peek = () => tokens[next];
  function primary(): RankExpression {
    const token = tokens[next++];
    if (!token) return fail('the expression ends where a fact, a number or "(" should come', end);
    if (token.text === '-') return { kind: 'negate', operand: primary() };
    if (token.text === '(') {
      const inner = sum();
      if (peek()?.text !== ')') return fail(`"(" at character ${token.at} is never closed`, peek()?.at ?? end);
      next++;
      return inner;
    }
    if (/^\d/.test(token.text)) return { kind: 'number', value: Number(token.text) };
    if (/^[A-Za-z_]/.test(token.text)) return { kind: 'fact', name: token.text };
    return fail(`"${token.text}" at character ${token.at} where a fact, a number or "(" should come`, token.at);
  }
  function product(): RankExpression {
    let left = primary();
    for (let op = peek()?.text; op === '*' || op === '/'; op = peek()?.text) {
      next++;
      left = { kind: 'binary', operator: op, left, right: primary() };
    }
    return left;
  }
  function sum(): RankExpression {
    let left = product();
    for (let op = peek()?.text; op === '+' || op === '-'; op = peek()?.text) {
      next++;
      left = { kind: 'binary', operator: op, left, right: product() };
    }
    return left;
  }
  try {
    const expression = sum();
    const extra = peek();
    if (extra) return { error: { message: `"${extra.text}" at character ${extra.at} follows a complete expression: join terms with + - * /`, at: extra.at } };
    return { expression };
  } catch (e) {
    return { error: { message: (e as Error).message, at: (e as { at: number }).at } };
  }
}

/** The facts an expression reads, each once, in the order written. */
export function factsIn(expression: RankExpression): string[] {
  const names = new Set<string>();
  const walk = (e: RankExpression): void => {
    if (e.kind === 'fact') names.add(e.name);
    else if (e.kind === 'negate') walk(e.operand);
    else if (e.kind === 'binary') {
      walk(e.left);
      walk(e.right);
    }
  };
  walk(expression);
  return [...names];
}

const HOUR_MS = 3_600_000;

/**
 * What a rank expression reads a fact as: a finite number as itself, a date-time as hours since the epoch
 * (so a point of adjustment is an hour); anything else, a missing fact included, as missing. Only own
 * properties are facts.
 */
export function rankFactValue(facts: Readonly<Record<string, unknown>>, name: string): number | undefined {
  if (!Object.hasOwn(facts, name)) return undefined;
  const value = facts[name];
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const instant = instantOf(value);
  return instant === null ? undefined : instant / HOUR_MS;
}

/**
 * The expression's value for these facts by walking its tree: the reference semantics the compiled
 * evaluator (compile-rank-by.ts) must agree with. Missing when a fact it reads is missing or the result
 * is not a number within ±10¹⁵ (a division by zero, say).
 */
export function interpretRankExpression(expression: RankExpression, facts: Readonly<Record<string, unknown>>): number | undefined {
  const value = (e: RankExpression): number | undefined => {
    switch (e.kind) {
      case 'number':
        return e.value;
      case 'fact':
        return rankFactValue(facts, e.name);
      case 'negate': {
        const operand = value(e.operand);
        return operand === undefined ? undefined : -operand;
      }
      case 'binary': {
        const [left, right] = [value(e.left), value(e.right)];
        if (left === undefined || right === undefined) return undefined;
        return e.operator === '+' ? left + right : e.operator === '-' ? left - right : e.operator === '*' ? left * right : left / right;
      }
    }
  };
  return rankResult(value(expression));
}

/** Rank values are bounded as scores are; past that (or not a number at all, as after a division by zero) the value is missing. */
export const rankResult = (value: number | undefined): number | undefined => (value !== undefined && Math.abs(value) <= RANK_VALUE_MAX ? value : undefined);
