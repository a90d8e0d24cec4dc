import { describe, expect, it } from 'vitest';
import { rulesetDefinition } from '../domain/ruleset.ts';
import overdueLast from '../sim/job-shop/overdue-last.json' with { type: 'json' };
import { hoursFromNow } from '../test/clock.ts';
import { compileRuleset } from './compile-ruleset.ts';
import { describeRankBy, rankKey } from './rank-by.ts';

const ruleset = (rankBy: unknown) =>
  rulesetDefinition.parse({
    decisionPoint: 'priority',
    name: 'Sequencing',
    hitPolicy: 'additive',
    rankBy,
    rules: [
      { name: 'Major account', description: 'Major.', conditions: { all: [{ fact: 'accountTier', operator: 'equal', value: 'major' }] }, event: { type: 'score', params: { points: 15 } } },
      { name: 'Low', description: 'Low.', conditions: { all: [{ fact: 'statedPriority', operator: 'equal', value: 'low' }] }, event: { type: 'score', params: { points: -2 } } },
    ],
  });
const routed = { plannedReleaseAt: '2030-01-07T09:00:00.000Z', plannedReleaseSlackHours: 12.5, routingHours: 4, accountTier: 'major' };

describe('rank by', () => {
  it.each([
    {
      rankBy: { expression: 'plannedReleaseAt', direction: 'ascending' },
      facts: routed,
      sentence: 'Ranked by planned release time (plannedReleaseAt "2030-01-07T09:00:00.000Z"), earliest first; then +15 points break ties.',
    },
    {
      rankBy: { expression: 'plannedReleaseAt', direction: 'descending', points: 'adjustment' },
      facts: { ...routed, accountTier: 'standard', statedPriority: 'low' },
      sentence: 'Ranked by planned release time (plannedReleaseAt "2030-01-07T09:00:00.000Z"), latest first; -2 points move it 2 hours toward the back (one point is one hour).',
    },
    {
      rankBy: { expression: 'plannedReleaseSlackHours - 2 * routingHours', direction: 'ascending', points: 'adjustment' },
      facts: routed,
      sentence: 'Ranked by plannedReleaseSlackHours - 2 * routingHours (= 4.5), lowest first; +15 points move it 15 hours toward the front (one point is one hour).',
    },
    {
      rankBy: { expression: 'orderValue / routingLength', direction: 'descending', points: 'adjustment' },
      facts: { orderValue: 100, routingLength: 4 },
      sentence: 'Ranked by orderValue / routingLength (= 25), highest first; +0 points move it 0 units toward the front (one point is one unit).',
    },
    {
      rankBy: { expression: 'plannedReleaseAt', direction: 'ascending' },
      facts: { accountTier: 'major' },
      sentence: 'Ranked by planned release time, earliest first, but plannedReleaseAt is missing, so the order ranks after every order that has one; then +15 points break ties.',
    },
    {
      rankBy: { expression: 'routingHours / plannedReleaseSlackHours', direction: 'ascending' },
      facts: { routingHours: 3, plannedReleaseSlackHours: 0 },
      sentence: 'Ranked by routingHours / plannedReleaseSlackHours, lowest first, but its value is not a number, so the order ranks after every order that has one; then +0 points break ties.',
    },
  ])('explains $rankBy.expression, $rankBy.direction', ({ rankBy, facts, sentence }) => {
    const { outcome } = compileRuleset(ruleset(rankBy)).evaluate(facts);
    expect(outcome.rank?.sentence).toBe(sentence);
  });

  it.each([
    { rankBy: { expression: 'plannedReleaseAt', direction: 'ascending' }, text: 'Ranked by planned release time, earliest first; then points break ties.' },
    { rankBy: { expression: 'plannedReleaseSlackHours - routingHours', direction: 'descending', points: 'adjustment' }, text: 'Ranked by plannedReleaseSlackHours - routingHours, highest first; each point moves an order one hour toward the front, a negative point one hour toward the back.' },
    { rankBy: { expression: 'poolMinutes', direction: 'descending', points: 'adjustment' }, text: 'Ranked by time in pool, highest first; each point moves an order one minute toward the front, a negative point one minute toward the back.' },
  ])('describes $rankBy.expression for the designer', ({ rankBy, text }) => {
    expect(describeRankBy(ruleset(rankBy))).toBe(text);
  });

  it.each([
    { rankBy: { direction: 'ascending', points: 'tie_breaker' }, value: 3, score: 15, key: 3 },
    { rankBy: { direction: 'descending', points: 'tie_breaker' }, value: 3, score: 15, key: -3 },
    { rankBy: { direction: 'ascending', points: 'adjustment' }, value: 3, score: 15, key: -12 },
    { rankBy: { direction: 'descending', points: 'adjustment' }, value: 3, score: 15, key: -18 },
    { rankBy: { direction: 'descending', points: 'adjustment' }, value: undefined, score: 15, key: Infinity },
  ] as const)('sorts $rankBy.direction with points as $rankBy.points: value $value, score $score → $key', ({ rankBy, value, score, key }) => {
    expect(rankKey({ expression: 'x', ...rankBy }, value, score)).toBe(key);
  });
});

describe('the overdue-last ranking (sim/job-shop/overdue-last.json)', () => {
  const compiled = compileRuleset(rulesetDefinition.parse(overdueLast));
  const key = (facts: Record<string, unknown>) => rankKey(compiled.definition.rankBy!, compiled.rankValue!(facts), compiled.score(facts));
  const ranked = (pool: Record<string, Record<string, unknown>>) =>
    Object.entries(pool)
      .sort(([, a], [, b]) => key(a) - key(b))
      .map(([id]) => id);

  it.each<{ pool: string; orders: Record<string, Record<string, unknown>>; order: string[] }>([
    {
      pool: 'an overdue order and one that can still be on time, planned to release a month later',
      orders: { overdue: { plannedReleaseAt: hoursFromNow(-30), slackHours: -2 }, onTime: { plannedReleaseAt: hoursFromNow(720), slackHours: 730 } },
      order: ['onTime', 'overdue'],
    },
    {
      pool: 'two overdue orders',
      orders: { plannedLater: { plannedReleaseAt: hoursFromNow(-5), slackHours: -1 }, plannedEarlier: { plannedReleaseAt: hoursFromNow(-40), slackHours: -20 } },
      order: ['plannedEarlier', 'plannedLater'],
    },
    {
      pool: 'two orders that can still be on time',
      orders: { plannedLater: { plannedReleaseAt: hoursFromNow(8), slackHours: 12 }, plannedEarlier: { plannedReleaseAt: hoursFromNow(2), slackHours: 0 } },
      order: ['plannedEarlier', 'plannedLater'],
    },
  ])('ranks $pool: $order', ({ orders, order }) => {
    expect(ranked(orders)).toEqual(order);
  });
});
