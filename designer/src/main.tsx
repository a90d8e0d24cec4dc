import './mantine-global.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OrderEventStreamProvider } from './api/order-event-stream.tsx';
import { ScreenBoundary } from './common/screen-boundary.tsx';
import { sessionConfirmed } from './api/session-store.ts';
import { App, firstScreenLoaded, primeFirstReads } from './app.tsx';
import { cspNonce } from './csp-nonce.ts';
import { takeEmbeddedSession } from './session/embedded-session.ts';
import { SessionGate } from './session/session-gate.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const nonce = cspNonce;

/** At most how long the first render waits for its screen's main read, from when the read starts; a slower answer comes in later. */
const FIRST_READ_WAIT_MS = 300;

const render = () =>
  createRoot(root).render(
    <StrictMode>
      {/* Mantine injects <style> elements (AppShell, grids, inline styles); the strict CSP admits only nonced ones. */}
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} getStyleNonce={nonce ? () => nonce : undefined}>
        <ScreenBoundary what="Sluice">
          <SessionGate>
            <OrderEventStreamProvider>
              <App />
            </OrderEventStreamProvider>
          </SessionGate>
        </ScreenBoundary>
      </MantineProvider>
    </StrictMode>,
  );

const session = takeEmbeddedSession();
if (session) {
  sessionConfirmed(session);
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
