import { useEffect } from 'react';
import { hydrated } from './rendered-page.ts';

/**
 * Ends the browser's repeat of the server's render (ssr/rendered-page.ts) once the screen is on screen.
 * Rendered last inside the screen's Suspense boundary: React hydrates such a boundary after the rest of
 * the page, so an effect anywhere else would end it before the screen had repeated it.
 */
export function HydrationEnd() {
  useEffect(hydrated, []);
  return null;
}
