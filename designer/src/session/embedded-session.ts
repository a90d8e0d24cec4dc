import type { SessionView } from '../../../domain/auth.ts';
import { EMBEDDED_SESSION_ID } from '../../../domain/embedded-session.ts';

/**
 * The session the server put in the page (api/designer-page.ts) for a person already signed in, read once
 * and removed. Absent when signed out, or when the page did not come from the API (Vite's dev server):
 * the app then asks `/auth/me`. A stale one is harmless: the first call answered 401 signs the app out.
 */
export function takeEmbeddedSession(): SessionView | undefined {
  const element = document.getElementById(EMBEDDED_SESSION_ID);
  if (!element) return undefined;
  element.remove();
  try {
    return JSON.parse(element.textContent) as SessionView;
  } catch {
    return undefined;
  }
}
