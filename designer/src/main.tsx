import './mantine-global.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OrderEventStreamProvider } from './api/order-event-stream.tsx';
import { App } from './app.tsx';
import { cspNonce } from './csp-nonce.ts';
import { SessionGate } from './session/session-gate.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const nonce = cspNonce;

createRoot(root).render(
  <StrictMode>
    {/* Mantine injects <style> elements (AppShell, grids, inline styles); the strict CSP admits only nonced ones. */}
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} getStyleNonce={nonce ? () => nonce : undefined}>
      <SessionGate>
        <OrderEventStreamProvider>
          <App />
        </OrderEventStreamProvider>
      </SessionGate>
    </MantineProvider>
  </StrictMode>,
);
