import type { SessionView } from '../../../domain/auth.ts';
import { EMBEDDED_SESSION_ID } from '../../../domain/embedded-session.ts';
import { takeDataBlock } from '../api/data-block.ts';

/**
 * The session the server put in the page (api/designer-page.ts) for a person already signed in, read once
 * and removed. Absent when signed out, or when the page did not come from the API (Vite's dev server):
 * the app then asks `/auth/me`. A stale one is harmless: the first call answered 401 signs the app out.
 */
export const takeEmbeddedSession = (): SessionView | undefined => takeDataBlock<SessionView>(EMBEDDED_SESSION_ID);
