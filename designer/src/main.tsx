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
  primeFirstReads(session.user.roles);
  // Signed in already: the first screen's code is awaited, so the app appears whole at once rather than
  // with a loader in its place (which React then keeps up for at least 300 ms). A failed load renders
  // anyway, as if it had not been awaited.
  void firstScreenLoaded.then(render, render);
} else {
  render();
}
