import type { z } from 'zod';
import { plural } from '../format/labels.ts';

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function literal(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/**
 * zod's default messages ("Too small: expected string to have >=1 characters") read as a developer's; these
 * say the same to an ops person. Messages the shared schemas spell out themselves take precedence.
 */
export const plainMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'cannot be empty' : `needs at least ${plural(issue.minimum, 'character', 'characters')}`;
      }
      if (issue.origin === 'array') return `needs at least ${plural(issue.minimum, 'item', 'items')}`;
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `can have at most ${plural(issue.maximum, 'character', 'characters')}`;
      if (issue.origin === 'array') return `can have at most ${plural(issue.maximum, 'item', 'items')}`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_value':
      return `must be ${issue.values.map(literal).join(' or ')}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'}: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'does not match any of the allowed forms';
    case 'invalid_format':
      return 'is not in the expected format';
    default:
      return undefined;
  }
};
