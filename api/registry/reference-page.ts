import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Json = Record<string, unknown>;
type Operation = { operationId: string; summary: string; description: string; tags: string[]; requestBody?: Json; responses: Record<string, { description: string; content?: Record<string, { schema?: Json }> }> };

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 980px; padding: 24px; color: #1a1b1e; }
h1 { margin-bottom: 0 } h2 { margin-top: 40px; border-bottom: 1px solid #dee2e6 }
details { border: 1px solid #dee2e6; border-radius: 6px; margin: 8px 0; padding: 8px 12px }
summary { cursor: pointer } code, pre { font: 13px ui-monospace, monospace } pre { background: #f8f9fa; padding: 8px; overflow: auto }
.m { display: inline-block; width: 64px; font-weight: 700; text-transform: uppercase } .who { color: #495057 }
.get { color: #1971c2 } .post { color: #2f9e44 } .put { color: #e8590c } .delete { color: #e03131 }`;

const refName = (schema: Json | undefined) => (typeof schema?.$ref === 'string' ? schema.$ref.split('/').at(-1) : undefined);

function schemaBlock(schema: Json | undefined, schemas: Record<string, Json>): HtmlEscapedString | Promise<HtmlEscapedString> | string {
  const name = refName(schema);
  if (!name) return '';
  return html`<p><code>${name}</code></p><pre>${JSON.stringify(schemas[name], null, 2)}</pre>`;
}

/** A browsable page of the OpenAPI document, rendered on the server: no scripts, nothing fetched. */
export function referencePage(doc: Json, nonce: string | undefined) {
  const paths = doc.paths as Record<string, Record<string, Operation>>;
  const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  const info = doc.info as { title: string; version: string; description: string };
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${info.title} — API reference</title><style nonce="${nonce ?? ''}">${raw(STYLE)}</style></head>
<body>
<h1>${info.title} API</h1>
<p>${info.description} Version ${info.version}. The machine-readable document is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<p>Sign in with <code>POST /auth/login</code> (a session cookie; send <code>X-CSRF-Token</code> from <code>GET /auth/me</code> on changes), or send an API token: <code>Authorization: Bearer slc_…</code>.</p>
${[...byTag].map(
  ([tag, ops]) => html`<h2>${tag}</h2>
${ops.map(
  ({ method, path, op }) => html`<details id="${op.operationId}"><summary><span class="m ${method}">${method}</span><code>${path}</code> — ${op.summary}</summary>
<p class="who">${op.description}</p>
${op.requestBody ? html`<h4>Request body</h4>${schemaBlock((op.requestBody as { content: Record<string, { schema: Json }> }).content['application/json']?.schema, schemas)}` : ''}
<h4>Responses</h4>
${Object.entries(op.responses).map(([status, r]) => html`<p><b>${status}</b> ${r.description}</p>${schemaBlock(Object.values(r.content ?? {})[0]?.schema, schemas)}`)}
</details>`,
)}`,
)}
</body></html>`;
}
