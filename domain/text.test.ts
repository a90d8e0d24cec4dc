import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonKey, oneLine, paragraph, searchText } from './text.ts';

const issues = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

/** What the OpenAPI document says of a string: a caller who follows it is not refused, one who does not is. */
function documentAccepts(schema: z.ZodType, value: string): boolean {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { minLength?: number; maxLength?: number; pattern?: string };
  return value.length >= (json.minLength ?? 0) && value.length <= (json.maxLength ?? Infinity) && (!json.pattern || new RegExp(json.pattern).test(value));
}

describe('text fields', () => {
  it.each([
    { schema: 'oneLine', value: 'ACME', expected: [] },
    { schema: 'oneLine', value: '', expected: ['account is required'] },
    { schema: 'oneLine', value: '   ', expected: ['account is required'] },
    { schema: 'oneLine', value: 'AC\u0000ME', expected: ['no control characters (line breaks, tabs, NUL)'] },
    { schema: 'oneLine', value: 'AC\nME', expected: ['no control characters (line breaks, tabs, NUL)'] },
    { schema: 'oneLine', value: 'x'.repeat(11), expected: ['at most 10 characters'] },
    { schema: 'paragraph', value: 'line 1\nline 2\ttabbed', expected: [] },
    { schema: 'paragraph', value: ' ', expected: ['say why'] },
    { schema: 'paragraph', value: 'bell\u0007', expected: ['no control characters other than line breaks and tabs'] },
    { schema: 'search', value: '', expected: [] },
    { schema: 'search', value: '%\u0000', expected: ['no control characters (line breaks, tabs, NUL)'] },
    { schema: 'key', value: '', expected: ['a name is required'] },
  ])('$schema $value → $expected', ({ schema, value, expected }) => {
    const schemas: Record<string, z.ZodType> = { oneLine: oneLine(10, 'account is required'), paragraph: paragraph(100, 'say why'), search: searchText(10), key: jsonKey(10) };
    expect(issues(schemas[schema]!, value)).toEqual(expected);
  });

  it('trims what it takes', () => {
    expect(oneLine(10).parse('  ACME ')).toBe('ACME');
  });

  it.each(['ACME', 'a b', '', ' ', '\u3000', 'x'.repeat(10), 'x'.repeat(11), 'a\u0000', 'a\tb', 'a\nb', 'ü', '\u007f'])('the OpenAPI document agrees with the schema on %j', (value) => {
    for (const schema of [oneLine(10), searchText(10), paragraph(10), paragraph(10, 'say why'), jsonKey(10)]) {
      expect(documentAccepts(schema, value), JSON.stringify(z.toJSONSchema(schema, { io: 'input' }))).toBe(schema.safeParse(value).success);
    }
  });
});
