import { startTransition, useEffect, useState } from 'react';

/**
 * How many rows the table's very first paint renders: what a laptop's screen shows below the table's
 * controls. A page of a hundred rows of badges, checkboxes and due times costs the browser most of a
 * second to lay out on a slow machine, and every row of the first paint holds the first one back; the
 * rest follow in the next frame.
 */
export const FIRST_PAINT_ROWS = 15;

/**
 * The Element Timing name of what the Orders view shows first (its rows' order names, or its "No orders
 * yet"): the browser reports when it was painted, which the app-first-page bench reads.
 */
export const FIRST_PAGE_TIMING = 'orders-first-page';

/**
 * The rows to render: on the table's first paint only the first {@link FIRST_PAINT_ROWS}, then, once
 * those are on screen, all of them (as a transition, so the page stays responsive). Only the first paint:
 * later pages and live updates render whole, so rows already shown never drop out and come back.
 */
export function useFirstPaintRows<T>(rows: readonly T[]): readonly T[] {
  const [complete, setComplete] = useState(false);
  const partial = !complete && rows.length > FIRST_PAINT_ROWS;
  useEffect(() => {
    if (complete || rows.length === 0) return;
    const frame = requestAnimationFrame(() => startTransition(() => setComplete(true)));
    return () => cancelAnimationFrame(frame);
  }, [complete, rows.length]);
  return partial ? rows.slice(0, FIRST_PAINT_ROWS) : rows;
}
