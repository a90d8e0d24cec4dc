import type { Context } from 'hono';
import type { z } from 'zod';
import { UserError } from './errors.ts';

/** Parses and validates a JSON body; a bad body is refused before anything is written. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UserError(400, 'malformed_json', `The request body is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new UserError(400, 'invalid_request', `The request has ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}: ${summary}`, issues);
  }
  return parsed.data;
}
