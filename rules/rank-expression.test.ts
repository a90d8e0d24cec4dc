import { describe, expect, it } from 'vitest';
import { compileRankExpression } from './compile-rank-by.ts';
import { factsIn, interpretRankExpression, parseRankExpression, type RankExpression } from './rank-expression.ts';

const parsed = (text: string): RankExpression => {
  const result = parseRankExpression(text);
  if ('error' in result) throw new Error(result.error.message);
  return result.expression;
};

describe('rank expressions', () => {
  it.each([
    { text: 'plannedReleaseAt', facts: ['plannedReleaseAt'] },
    { text: 'plannedReleaseSlackHours - 2 * routingHours', facts: ['plannedReleaseSlackHours', 'routingHours'] },
    { text: '-(slackHours + routingHours) / routingLength * 1.5', facts: ['slackHours', 'routingHours', 'routingLength'] },
    { text: '  slackHours-slackHours ', facts: ['slackHours'] },
  ])('parses $text', ({ text, facts }) => {
    expect(factsIn(parsed(text))).toEqual(facts);
  });

  it.each([
    { text: 'slackHours -', message: 'the expression ends where a fact, a number or "(" should come', at: 13 },
    { text: '(slackHours + 1', message: '"(" at character 1 is never closed', at: 16 },
    { text: 'slackHours routingHours', message: '"routingHours" at character 12 follows a complete expression: join terms with + - * /', at: 12 },
    { text: 'slackHours ^ 2', message: '"^" at character 12 is not part of a rank expression: use facts, numbers, + - * / and parentheses', at: 12 },
    { text: '* slackHours', message: '"*" at character 1 where a fact, a number or "(" should come', at: 1 },
    { text: 'max(slackHours)', message: '"(" at character 4 follows a complete expression: join terms with + - * /', at: 4 },
    { text: '1.', message: '"." at character 2 is not part of a rank expression: use facts, numbers, + - * / and parentheses', at: 2 },
  ])('refuses $text: $message', ({ text, message, at }) => {
    expect(parseRankExpression(text)).toEqual({ error: { message, at } });
  });

  const facts = { a: 6, b: 2, zero: 0, due: '2030-01-07T09:00:00.000Z', text: 'x', nan: Number.NaN, big: 1e14 };
  it.each([
    { text: 'a - 2 * b', value: 2 },
    { text: '(a - 2) * b', value: 8 },
    { text: 'a / b / 3', value: 1 },
    { text: '-a + b', value: -4 },
    { text: '- -a', value: 6 },
    // A date reads as hours since the epoch, so a point of adjustment is an hour.
    { text: 'due', value: Date.UTC(2030, 0, 7, 9) / 3_600_000 },
    { text: 'missing + a', value: undefined },
    { text: 'text', value: undefined },
    { text: 'nan', value: undefined },
    { text: 'a / zero', value: undefined },
    { text: 'big * 100', value: undefined },
    { text: 'toString', value: undefined },
  ])('$text is $value, walked or compiled', ({ text, value }) => {
    const expression = parsed(text);
    expect(interpretRankExpression(expression, facts)).toBe(value);
    expect(compileRankExpression(expression)(facts)).toBe(value);
  });
});
