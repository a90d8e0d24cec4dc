/**
 * A key for one order's submits. `crypto.randomUUID` exists only on secure origins, and the app may be
 * served over plain HTTP inside a site; `getRandomValues` exists everywhere.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `app-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
