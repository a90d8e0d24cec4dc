import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OrderEventStreamProvider } from './api/order-event-stream.tsx';
import { App } from './app.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Mantine injects <style> elements (AppShell, grids); under a strict CSP they need the page's nonce,
// which the server writes into this meta tag (see vite.config.ts).
const styleNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;

createRoot(root).render(
  <StrictMode>
    <MantineProvider getStyleNonce={styleNonce ? () => styleNonce : undefined}>
      <OrderEventStreamProvider>
        <App />
      </OrderEventStreamProvider>
    </MantineProvider>
  </StrictMode>,
);
