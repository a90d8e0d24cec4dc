/**
 * What the server rendered the app's first screen with (api/designer-page.ts, through
 * render-first-screen.tsx), which the browser's first render, the hydration, must repeat to the letter:
 * the URL's query, the instant, the viewer's locale and time zone, their cookies. Code that reads any of
 * these reads them here, so one render on the server and one in the browser come out the same.
 */
export interface RenderedPage {
  search: string;
  now: number;
  /** The viewer's, as the browser last told the server (the `sluice-viewer` cookie, viewer-cookie.ts). */
  locale: string;
  timeZone: string;
  cookies: Readonly<Record<string, string>>;
}

// Module state, not React context: the browser's own code reads the same functions with no provider, and
// on the server `renderToString` is synchronous, so no other request's render can see one page's state.
let onServer: RenderedPage | undefined;
/** In the browser while it hydrates a page rendered on the server: the instant that page was rendered. */
let hydratingAt: number | undefined;

/** Runs `render` (a synchronous server render) with `page` as what the app reads; nothing of it stays after. */
export function renderingPage<T>(page: RenderedPage, render: () => T): T {
  onServer = page;
  try {
    return render();
  } finally {
    onServer = undefined;
  }
}

/** The browser's first render repeats the server's, which was rendered at `at`; `hydrated` ends that. */
export function hydrating(at: number): void {
  hydratingAt = at;
}

export function hydrated(): void {
  hydratingAt = undefined;
}

export const pageSearch = (): string => onServer?.search ?? window.location.search;

/** Now, or, for the first render of a page rendered on the server, the instant the server rendered it. */
export const pageNow = (): number => onServer?.now ?? hydratingAt ?? Date.now();

/** The viewer's locale and time zone on the server; in the browser undefined: its own defaults are theirs. */
export const viewerLocale = (): { locale?: string; timeZone?: string } => onServer ?? {};

export function pageCookie(name: string): string | undefined {
  if (onServer) return onServer.cookies[name];
  for (const pair of document.cookie.split('; ')) {
    const at = pair.indexOf('=');
    if (pair.slice(0, at) !== name) continue;
    try {
      return decodeURIComponent(pair.slice(at + 1));
    } catch {
      // Not one the app set (it encodes what it sets): taken as none.
      return undefined;
    }
  }
  return undefined;
}

const A_YEAR_S = 365 * 24 * 3600;

/** Keeps `value` for a year in a cookie of this site, encoded as {@link pageCookie} decodes it (and the server's parser). */
export function keepPageCookie(name: string, value: string): void {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${A_YEAR_S}; samesite=lax`;
}
