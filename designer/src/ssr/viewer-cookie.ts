import { keepPageCookie } from './rendered-page.ts';

/**
 * The cookie in which the app tells the server the viewer's locale and time zone, so the server can render
 * the first screen's dates as the browser would (api/designer-page.ts). Shared by both sides.
 */
export const VIEWER_COOKIE = 'sluice-viewer';
/** Longer than any locale tag with extensions and any IANA zone name; anything longer is not one. */
const MAX_LENGTH = 200;

export interface Viewer {
  locale: string;
  timeZone: string;
}

export function rememberViewer(): void {
  const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions();
  keepPageCookie(VIEWER_COOKIE, `${locale} ${timeZone}`);
}

/** The cookie's viewer, or undefined when it is missing or names a locale or zone this runtime does not know. */
export function viewerOf(cookie: string | undefined): Viewer | undefined {
  if (!cookie || cookie.length > MAX_LENGTH) return undefined;
  const [locale, timeZone, ...rest] = cookie.split(' ');
  if (!locale || !timeZone || rest.length > 0) return undefined;
  try {
    const resolved = new Intl.DateTimeFormat(locale, { timeZone }).resolvedOptions();
    // A locale the runtime lacks falls back to another: its dates would not be the browser's.
    return resolved.locale === locale ? { locale, timeZone } : undefined;
  } catch {
    return undefined;
  }
}
