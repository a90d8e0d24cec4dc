import { z } from 'zod';
import { conditionNode } from '../../domain/decision.ts';
import { PERMISSIONS, ROLE_LABELS } from '../../domain/roles.ts';
import { ruleCondition } from '../../domain/ruleset.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { errorBody } from '../schemas.ts';
import type { AnyRoute, ResponseSpec } from './route.ts';

type Json = Record<string, unknown>;

// Recursive schemas get a name of their own so that their cycles become references between components.
const NAMED: [z.ZodType, string][] = [
  [conditionNode, 'ConditionNode'],
  [ruleCondition, 'RuleCondition'],
];

// Every body is read as JSON (api/read-body.ts), so every route with one may answer this.
const UNSUPPORTED_MEDIA_TYPE: ResponseSpec = { description: 'The body was not sent as application/json.', schema: errorBody };

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function whoMayCall(route: AnyRoute): string {
  if (route.access === 'public') return 'Anyone, without signing in.';
  if (route.access === 'signed_in') return 'Anyone signed in.';
  if (route.access === 'driver') return "Drivers only: a driver's token (`Authorization: Bearer sld_…`), for that driver's own trips and stops.";
  return `Roles: ${PERMISSIONS[route.access].map((r) => ROLE_LABELS[r]).join(', ')} (permission \`${route.access}\`).`;
}

/** Converts every schema of one direction (requests read as input, responses as output) into components. */
function components(entries: [z.ZodType, string][], io: 'input' | 'output'): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of [...NAMED, ...entries]) if (!registry.has(schema)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io, unrepresentable: 'any' });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema as Json]));
}

function parameters(route: AnyRoute): Json[] {
  const list: Json[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!(schema instanceof z.ZodObject)) continue;
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const { $schema: _s, ...json } = z.toJSONSchema(field, { unrepresentable: 'any' });
      list.push({ name, in: where, required: where === 'path' || !field.safeParse(undefined).success, schema: json });
    }
  }
  return list;
}

/** The OpenAPI 3.1 document of the registry: paths, schemas, and who may call each operation. */
export function openApiDocument(routes: readonly AnyRoute[], info: { title: string; version: string }): Json {
  const requestSchemas: [z.ZodType, string][] = [];
  const responseSchemas: [z.ZodType, string][] = [];
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const responses: Record<string, Json> = {};
    // The body limit and the JSON check apply before any route, so every route that reads a body may answer them.
    const specs: Record<number, ResponseSpec> = route.body
      ? { ...route.responses, 413: { description: 'The request body is larger than the API accepts.', schema: errorBody }, 415: UNSUPPORTED_MEDIA_TYPE }
      : route.responses;
    for (const [status, spec] of Object.entries(specs)) {
      const id = responseSchemas.find(([s]) => s === spec.schema)?.[1] ?? `${route.operationId}${status}`;
      if (spec.schema && !responseSchemas.some(([s]) => s === spec.schema)) responseSchemas.push([spec.schema, id]);
      responses[status] = {
        description: spec.description,
        ...(spec.schema || spec.contentType ? { content: Object.fromEntries([spec.contentType ?? 'application/json'].flat().map((type) => [type, spec.schema ? { schema: ref(id) } : {}])) } : {}),
      };
    }
    // A schema shared by several routes is one component, named after the first route that uses it.
    const bodyId = route.body && (requestSchemas.find(([s]) => s === route.body)?.[1] ?? `${route.operationId}Request`);
    if (route.body && !requestSchemas.some(([s]) => s === route.body)) requestSchemas.push([route.body, bodyId!]);
    (paths[openApiPath(route.path)] ??= {})[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      description: whoMayCall(route),
      tags: [route.tag],
      'x-sluice-access': route.access,
      ...(route.access === 'public' ? { security: [] } : {}),
      parameters: parameters(route),
      ...(bodyId ? { requestBody: { required: true, content: { 'application/json': { schema: ref(bodyId) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Sluice decides when orders are released, to whom, and when a person steps in. Every operation says which roles may call it.' },
    security: [{ session: [] }, { apiToken: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /auth/login. Changes also need the X-CSRF-Token header from GET /auth/me.' },
        apiToken: { type: 'http', scheme: 'bearer', description: 'An API token created by an admin (slc_…), bound to one role; or a driver token (sld_…), which opens the driver API only.' },
      },
      schemas: { ...components(responseSchemas, 'output'), ...components(requestSchemas, 'input') },
    },
  };
}
