import { viewerLocale } from '../ssr/rendered-page.ts';

/**
 * A formatter in the viewer's locale and time zone: the browser's own, or, when the server renders the
 * first screen for them, the ones their browser told it (ssr/rendered-page.ts). Made once per viewer.
 */
function perViewer<T>(make: (locale: string | undefined, timeZone: string | undefined) => T): () => T {
  const made = new Map<string, T>();
  return () => {
    const { locale, timeZone } = viewerLocale();
    const key = `${locale ?? ''} ${timeZone ?? ''}`;
    let format = made.get(key);
    if (!format) {
      format = make(locale, timeZone);
      made.set(key, format);
    }
    return format;
  };
}

export const viewerDateTimeFormat = (options: Intl.DateTimeFormatOptions) =>
  perViewer((locale, timeZone) => new Intl.DateTimeFormat(locale, { ...options, ...(timeZone ? { timeZone } : {}) }));

export const viewerRelativeTimeFormat = (options: Intl.RelativeTimeFormatOptions) => perViewer((locale) => new Intl.RelativeTimeFormat(locale, options));
