import { openApiDocument } from '../registry/openapi.ts';
import { referencePage } from '../registry/reference-page.ts';
import { defineRoute, type AnyRoute } from '../registry/route.ts';

/** The OpenAPI document of every route (these two included) and its browsable reference page. */
export function docsRoutes(routes: () => readonly AnyRoute[]) {
  let doc: Record<string, unknown> | undefined;
  const document = () => (doc ??= openApiDocument(routes(), { title: 'Sluice', version: '0.1.0' }));
  return [
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      operationId: 'getOpenApiDocument',
      summary: 'The OpenAPI document',
      tag: 'Reference',
      access: 'public',
      responses: { 200: { description: 'OpenAPI 3.1.' } },
      handler: (c) => c.json(document()),
    }),
    defineRoute({
      method: 'get',
      path: '/docs',
      operationId: 'getApiReference',
      summary: 'The API reference page',
      tag: 'Reference',
      access: 'public',
      responses: { 200: { description: 'HTML.', contentType: 'text/html' } },
      handler: async (c) => c.html(await referencePage(document(), c.get('secureHeadersNonce'))),
    }),
  ];
}
