import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { OrderEventStreamProvider } from './api/order-event-stream.tsx';
import { App } from './app.tsx';
import { ScreenBoundary } from './common/screen-boundary.tsx';
import { SessionGate } from './session/session-gate.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/** The whole app, as the browser renders it (main.tsx) and the server renders its first screen (ssr/). */
export function AppRoot({ nonce }: { nonce: string | undefined }) {
  return (
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
    </StrictMode>
  );
}
