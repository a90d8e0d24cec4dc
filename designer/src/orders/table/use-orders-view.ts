import { useCallback, useMemo } from 'react';
import { followInApp, moveQuery, readOrdersLink, useLocationSearch } from '../orders-link.ts';
import { readViewState, viewHref, type OrdersViewState } from './orders-view-state.ts';

/** A dashboard figure's move filter, kept beside whatever the person changes, until they leave it. */
const MOVE_KEYS = ['moved', 'movedFrom', 'movedTo', 'late', 'areas', 'label'];

/** The orders view as the URL holds it, and a way to change it: each change is a step back and forth goes through. */
export function useOrdersView() {
  const search = useLocationSearch();
  const state = useMemo(() => readViewState(search), [search]);
  const link = useMemo(() => readOrdersLink(search), [search]);
  const extra = useMemo(() => {
    const params = new URLSearchParams(search);
    return link ? Object.fromEntries(MOVE_KEYS.flatMap((key) => (params.has(key) ? [[key, params.get(key) ?? '']] : []))) : {};
  }, [search, link]);
  const go = useCallback(
    (next: OrdersViewState, options: { replace?: boolean } = {}) => {
      const href = viewHref(next, extra);
      if (href === window.location.search) return;
      if (options.replace) {
        window.history.replaceState(null, '', href);
        window.dispatchEvent(new PopStateEvent('popstate'));
      } else followInApp(href);
    },
    [extra],
  );
  /** A change of what the table shows starts again from its first page. */
  const change = useCallback((patch: Partial<OrdersViewState>, options?: { replace?: boolean }) => {
    const { cursor: _cursor, ...rest } = state;
    go({ ...rest, ...patch }, options);
  }, [state, go]);
  return { state, link, moveFilter: link ? moveQuery(link) : {}, go, change };
}
