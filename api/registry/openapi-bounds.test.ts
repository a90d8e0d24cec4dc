import { describe, expect, it } from 'vitest';
import type { ApiDeps } from '../api-deps.ts';
import { apiRoutes } from '../app.ts';
import { openApiDocument } from './openapi.ts';

type Json = Record<string, unknown>;

/** Every place a schema lets a caller send more than Sluice takes: a string without maxLength, a number without maximum, a list without maxItems. */
function unbounded(schema: unknown, where: string, out: string[] = []): string[] {
  if (Array.isArray(schema)) schema.forEach((s, i) => unbounded(s, `${where}[${i}]`, out));
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return out;
  const s = schema as Json;
  if (s.type === 'string' && s.maxLength === undefined && !s.enum && s.const === undefined) out.push(`${where}: a string without maxLength`);
  if ((s.type === 'number' || s.type === 'integer') && s.maximum === undefined && s.exclusiveMaximum === undefined) out.push(`${where}: a number without maximum`);
  if (s.type === 'array' && s.maxItems === undefined) out.push(`${where}: a list without maxItems`);
  for (const [key, value] of Object.entries(s)) unbounded(value, `${where}.${key}`, out);
  return out;
}

describe('the OpenAPI document bounds every input as the API does', () => {
  const doc = openApiDocument(apiRoutes({} as ApiDeps), { title: 'Sluice', version: 'test' }) as { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));
  const bodyIds = new Set(operations.flatMap(({ op }) => ((op.requestBody as Json | undefined) ? [String(((op.requestBody as { content: Record<string, { schema: { $ref: string } }> }).content['application/json']!.schema.$ref).split('/').pop())] : [])));

  it('gives every string of a request body a maximum length, every number a maximum, every list a maximum', () => {
    const found = [...bodyIds, 'RuleCondition'].flatMap((id) => unbounded(doc.components.schemas[id], id));
    expect(found).toEqual([]);
  });

  it.each(operations)('$name: every path and query parameter is bounded, and a body that is not JSON is a documented 415', ({ op }) => {
    const parameters = op.parameters as { name: string; schema: Json }[];
    expect(parameters.flatMap((p) => unbounded(p.schema, p.name))).toEqual([]);
    expect(parameters.every((p) => !('$schema' in p.schema))).toBe(true);
    if (op.requestBody) expect(Object.keys(op.responses as Json)).toContain('415');
  });
});
