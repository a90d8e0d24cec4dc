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

/** Far deeper than any body Sluice takes (a ruleset's conditions nest at most 32 groups); deeper ones would overflow recursive walks. */
export const MAX_JSON_DEPTH = 100;

function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

// application/json, or a JSON type such as application/merge-patch+json, with or without a charset.
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/** Parses and validates a JSON body; a body sent as another type is refused, not guessed at. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('Content-Type');
  if (type !== undefined && !JSON_TYPE.test(type)) {
    throw new UserError(415, 'unsupported_media_type', `The request body must be JSON, sent with Content-Type: application/json (not ${type.slice(0, 100)}).`);
  }
  const text = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UserError(400, 'malformed_json', `The request body is not valid JSON: ${(err as Error).message}`);
  }
  if (deeperThan(json, MAX_JSON_DEPTH)) throw new UserError(400, 'too_deep', `The request body nests more than ${MAX_JSON_DEPTH} levels deep.`);
  return validate(schema, json, 'body');
}
