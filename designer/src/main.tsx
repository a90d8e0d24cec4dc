import './mantine-global.css';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { sessionConfirmed } from './api/session-store.ts';
import { AppRoot } from './app-root.tsx';
import { loadFirstScreen, primeFirstReads } from './app.tsx';
import { cspNonce } from './csp-nonce.ts';
import { takeEmbeddedSession } from './session/embedded-session.ts';
import { takeDataBlock } from './api/data-block.ts';
import { LIFTED_STYLES_ID, restoreInlineStyles } from './ssr/inline-styles.ts';
import { hydrating } from './ssr/rendered-page.ts';
import { rememberViewer } from './ssr/viewer-cookie.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/** At most how long the first render waits for its screen's main read, from when the read starts; a slower answer comes in later. */
const FIRST_READ_WAIT_MS = 300;

// Next time, the server can render the first screen in this browser's locale and time zone.
rememberViewer();
const session = takeEmbeddedSession();
if (session) sessionConfirmed(session);
const renderedAt = Number(root.dataset.renderedAt);
const liftedStyles = takeDataBlock<string[]>(`${LIFTED_STYLES_ID}-list`);
if (session && root.hasChildNodes() && Number.isFinite(renderedAt) && liftedStyles) {
  // The server rendered the first screen (api/designer-page.ts): it is on screen already, and the app takes
  // it over with a first render that repeats the server's, from the same session, page and instant.
  restoreInlineStyles(root, liftedStyles);
  hydrating(renderedAt);
  void primeFirstReads(session.user.roles, { hydrating: true });
  hydrateRoot(root, <AppRoot nonce={cspNonce} />);
} else {
  const render = () => createRoot(root).render(<AppRoot nonce={cspNonce} />);
  const firstScreenLoaded = loadFirstScreen();
  if (session) {
    const firstRead = primeFirstReads(session.user.roles);
    // Signed in already: the first screen's code is awaited, so the app appears whole at once rather than
    // with a loader in its place (which React then keeps up for at least 300 ms). A failed load renders
    // anyway, as if it had not been awaited. Its main read is awaited for a moment too: the first render then
    // shows its rows, rather than a loader and a second render of the whole screen once they come.
    const readOrWait = Promise.race([firstRead.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FIRST_READ_WAIT_MS))]);
    void Promise.all([firstScreenLoaded, readOrWait]).then(render, render);
  } else {
    render();
  }
}
