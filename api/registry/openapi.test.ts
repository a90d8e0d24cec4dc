import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../launcher/repo-root.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import { apiRoutes, MAX_BODY_BYTES } from '../app.ts';

type Json = Record<string, unknown>;

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

describe('the OpenAPI document and the app’s HTTP hardening', () => {
  let h: Harness;
  let doc: Json;
  beforeAll(async () => {
    h = await createHarness({ staticDir: join(repoRoot, 'designer/dist') });
    doc = (await (await h.app.request('/openapi.json')).json()) as Json;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('describes every route of the registry with who may call it', () => {
    expect(doc.openapi).toBe('3.1.0');
    const paths = doc.paths as Record<string, Record<string, Json>>;
    const routes = apiRoutes({ store: h.store, temporal: h.client, taskQueue: h.taskQueue });
    for (const route of routes) {
      const op = paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op?.['x-sluice-access']).toBe(route.access);
      expect(op?.description).toMatch(/^(Roles: |Anyone|Drivers only)/);
    }
  });

  it('every schema reference resolves', () => {
    const schemas = (doc.components as { schemas: Json }).schemas;
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(Object.keys(schemas), ref).toContain(ref.replace('#/components/schemas/', ''));
  });

  it('serves a browsable reference page', async () => {
    const res = await h.app.request('/docs');
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('/orders/{id}/actions');
    expect(page).toContain('Roles: dispatcher, order specialist, finance, ops manager');
  });

  it('serves the designer under a content security policy whose nonce the page carries', async () => {
    const res = await h.app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // The map's MapLibre starts its worker from a blob; nothing else is let in beyond the app's own origin.
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("connect-src 'self';");
    expect(nonce).toBeTruthy();
    const page = await res.text();
    expect(page).not.toContain('__SLUICE_CSP_NONCE__');
    expect(page).toContain(`nonce="${nonce}"`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const again = /'nonce-([^']+)'/.exec((await h.app.request('/')).headers.get('content-security-policy') ?? '')?.[1];
    expect(again).not.toBe(nonce);
  });

  it('refuses a body over the size limit', async () => {
    const res = await h.request('/orders', { method: 'POST', body: JSON.stringify({ account: 'x'.repeat(MAX_BODY_BYTES + 1) }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('body_too_large');
  });
});
