import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { flattenIssues } from './flatten-issues.ts';
import { plainMessage } from './plain-messages.ts';

const messages = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value, { error: plainMessage });
  return parsed.success ? [] : flattenIssues(parsed.error.issues).map((issue) => `${issue.path}: ${issue.message}`);
};

describe('plainMessage', () => {
  it('says what is wrong in words, not in type-checker terms', () => {
    const schema = z.strictObject({ name: z.string().min(1), code: z.string().min(3), points: z.number(), tags: z.array(z.string()).min(1) });
    expect(messages(schema, { name: '', code: 'ab', points: '5', tags: [], extra: 1 })).toEqual([
      'name: cannot be empty',
      'code: needs at least 3 characters',
      'points: must be a number',
      'tags: needs at least 1 item',
      ': has an unknown field: extra',
    ]);
  });

  it('says a missing field is required, and what a literal must be', () => {
    expect(messages(z.object({ kind: z.literal('priority'), count: z.number().int() }), { kind: 'release', count: 1.5 })).toEqual([
      'kind: must be "priority"',
      'count: must be a whole number',
    ]);
    expect(messages(z.object({ name: z.string() }), {})).toEqual(['name: is required']);
  });

  it('keeps a message the schema spells out itself', () => {
    expect(messages(z.object({ note: z.string().min(1, 'say what changed and why') }), { note: '' })).toEqual([
      'note: say what changed and why',
    ]);
  });
});
