import { describe, expect, it } from 'vitest';
import { createUserRequest, loginRequest } from '../../../domain/auth.ts';
import { orderActionRequest } from '../../../domain/order.ts';
import { rule, rulesetDefinition } from '../../../domain/ruleset.ts';
import { maxLengthOf, maxValueOf } from './limits.ts';

describe('form limits come from the domain schemas', () => {
  it.each([
    { field: 'sign-in username', limit: maxLengthOf(loginRequest.shape.username), expected: 64 },
    { field: 'a new person’s full name', limit: maxLengthOf(createUserRequest.shape.displayName), expected: 100 },
    { field: 'an action’s reason', limit: maxLengthOf(orderActionRequest.shape.reason.unwrap()), expected: 500 },
    { field: 'a rule’s name', limit: maxLengthOf(rule.shape.name), expected: 120 },
    { field: 'a ruleset’s description', limit: maxLengthOf(rulesetDefinition.shape.description.unwrap()), expected: 2000 },
    { field: 'a remitted amount', limit: maxValueOf(orderActionRequest.shape.amount.unwrap()), expected: 1e12 },
  ])('$field: $expected', ({ limit, expected }) => {
    expect(limit).toBe(expected);
  });
});
