import type { Context } from 'hono';
import type { z } from 'zod';
import { UserError } from './errors.ts';

/** Where a NUL character sits in a value (a key or a string, however deep), or null. Iterative, so any nesting is safe. */
function nulAt(value: unknown): string | null {
  const pending: [unknown, string][] = [[value, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string' && item.includes('\0')) return path;
    if (!item || typeof item !== 'object') continue;
    for (const [key, child] of Object.entries(item)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes('\0')) return at;
      pending.push([child, at]);
    }
  }
  return null;
}

/** Validates input against its schema; a failure lists every problem by field and nothing is written. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'path' | 'query'): z.output<S> {
  // No text the API keeps or searches for has a use for NUL, and SQLite text would end at it.
  const nul = nulAt(value);
  if (nul !== null) {
    const path = nul || `(${where})`;
    throw new UserError(400, 'invalid_request', `The request has a problem: ${path}: must not contain a NUL character`, [{ path, message: 'must not contain a NUL character' }]);
  }
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
