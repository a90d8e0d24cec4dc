import type { Context } from 'hono';
import type { z } from 'zod';
import { UserError } from './errors.ts';

/** Validates input against its schema; a failure lists every problem by field and nothing is written. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'path' | 'query'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || `(${where})`, message: issue.message }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new UserError(400, 'invalid_request', `The request has ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}: ${summary}`, issues);
}

/** Parses and validates a JSON body. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UserError(400, 'malformed_json', `The request body is not valid JSON: ${(err as Error).message}`);
  }
  return validate(schema, json, 'body');
}
