import { useSyncExternalStore } from 'react';
import { TREND_EVENTS, type TrendEvent } from '../../../domain/trend-events.ts';
import { pageSearch } from '../ssr/rendered-page.ts';

/** The orders behind a dashboard figure, as the app's URL carries them: a link opens, bookmarks and shares. */
export interface OrdersLink {
  moved: TrendEvent;
  from: string;
  to: string;
  late: boolean;
  areas: string[];
  /** What the figure was, in words: the orders view says what it shows. */
  label: string;
}

export function ordersHref(link: OrdersLink): string {
  const query = new URLSearchParams({ view: 'orders', moved: link.moved, movedFrom: link.from, movedTo: link.to, label: link.label });
  if (link.late) query.set('late', 'true');
  if (link.areas.length > 0) query.set('areas', link.areas.join(','));
  return `?${query}`;
}

export function readOrdersLink(search: string): OrdersLink | null {
  const q = new URLSearchParams(search);
  const moved = q.get('moved');
  const from = q.get('movedFrom');
  const to = q.get('movedTo');
  if (!moved || !(TREND_EVENTS as readonly string[]).includes(moved) || !from || !to) return null;
  return { moved: moved as TrendEvent, from, to, late: q.get('late') === 'true', areas: q.get('areas')?.split(',').filter(Boolean) ?? [], label: q.get('label') ?? moved };
}

/** The list's query parameters for the link's filter. */
export function moveQuery(link: OrdersLink): Record<string, string> {
  return { moved: link.moved, movedFrom: link.from, movedTo: link.to, ...(link.late ? { late: 'true' } : {}), ...(link.areas.length ? { areas: link.areas.join(',') } : {}) };
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
};

/** The URL's query string, kept current as links are followed and the browser goes back and forth. */
export const useLocationSearch = (): string => useSyncExternalStore(subscribe, pageSearch, pageSearch);

/** Follows an in-app link without reloading the app: the URL changes, and every view reading it is told. */
export function followInApp(href: string): void {
  window.history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
