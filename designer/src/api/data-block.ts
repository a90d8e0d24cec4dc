/**
 * The JSON the server put in the page under `id` (a `<script type="application/json">`, api/designer-page.ts),
 * read once and removed; undefined when the page has none (Vite's dev server) or it does not parse.
 */
export function takeDataBlock<T>(id: string): T | undefined {
  const element = document.getElementById(id);
  if (!element) return undefined;
  element.remove();
  try {
    return JSON.parse(element.textContent) as T;
  } catch {
    return undefined;
  }
}
