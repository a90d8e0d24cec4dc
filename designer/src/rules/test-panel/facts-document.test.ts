import { describe, expect, it } from 'vitest';
import { DECISION_POINT_SPECS } from '../../../../domain/decision-points.ts';
import { exampleFacts, parseFacts } from './facts-document.ts';

describe('exampleFacts', () => {
  it('gives every fact of the decision point its example', () => {
    const facts = JSON.parse(exampleFacts(DECISION_POINT_SPECS.priority)) as Record<string, unknown>;
    expect(Object.keys(facts)).toEqual(DECISION_POINT_SPECS.priority.facts.map((f) => f.name));
    expect(facts.slackHours).toBe(6.5);
  });
});

describe('parseFacts', () => {
  it.each([
    ['an object', '{ "slackHours": 2 }', { facts: { slackHours: 2 } }],
    ['an empty object', '{}', { facts: {} }],
    ['a list', '[{ "slackHours": 2 }]', { error: 'The facts must be one JSON object: { "fact": value, … }.' }],
    ['null', 'null', { error: 'The facts must be one JSON object: { "fact": value, … }.' }],
    ['a number', '12', { error: 'The facts must be one JSON object: { "fact": value, … }.' }],
  ])('reads %s', (_, text, expected) => {
    expect(parseFacts(text)).toEqual(expected);
  });

  it('says why text is not JSON', () => {
    expect(parseFacts('{ slackHours: 2 }')).toMatchObject({ error: expect.stringMatching(/^This is not valid JSON: /) });
  });
});
