import { createContext, useCallback, useContext, useEffect, useEffectEvent, useMemo, useState, type ReactNode } from 'react';
import type { OrderEvent } from '../../../domain/order-event.ts';

/**
 * `resync`: the stream has (re)started from the server's latest event, so anything before it may have been
 * missed and views should reload: a view's first load may have been read before the stream's starting point.
 */
export type StreamMessage = { type: 'order'; event: OrderEvent } | { type: 'resync' };
type Listener = (message: StreamMessage) => void;

/** `connecting` covers the first connection and the browser's own retries after a drop. */
export type StreamStatus = 'connecting' | 'open' | 'closed';

interface OrderEventStream {
  status: StreamStatus;
  subscribe: (listener: Listener) => () => void;
}

const StreamContext = createContext<OrderEventStream | null>(null);
/** The browser retries dropped connections itself; this only covers a stream it gave up on (e.g. a 5xx). */
const REOPEN_AFTER_MS = 5_000;

function parseOrderEvent(data: unknown): OrderEvent | undefined {
  try {
    const event: unknown = typeof data === 'string' ? JSON.parse(data) : undefined;
    const candidate = event as Partial<OrderEvent> | undefined;
    return typeof candidate?.orderId === 'string' ? (candidate as OrderEvent) : undefined;
  } catch {
    return undefined;
  }
}

/** Holds the one `/events` connection of the app and fans its messages out to subscribed views. */
export function OrderEventStreamProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [listeners] = useState(() => new Set<Listener>());

  useEffect(() => {
    let source: EventSource | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    const broadcast = (message: StreamMessage) => listeners.forEach((listener) => listener(message));
    const open = () => {
      const current = new EventSource('/events');
      source = current;
      current.onopen = () => setStatus('open');
      current.onerror = () => {
        if (current.readyState === EventSource.CLOSED) {
          setStatus('closed');
          reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
        } else {
          setStatus('connecting');
        }
      };
      // The server names its starting point once the stream's cursor is fixed: from here on nothing is missed.
      current.addEventListener('ready', () => broadcast({ type: 'resync' }));
      current.addEventListener('order', (message) => {
        const event = parseOrderEvent(message.data);
        if (event) broadcast({ type: 'order', event });
      });
    };
    open();
    return () => {
      clearTimeout(reopenTimer);
      source?.close();
    };
  }, [listeners]);

  const subscribe = useCallback(
    (listener: Listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    [listeners],
  );
  const stream = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <StreamContext value={stream}>{children}</StreamContext>;
}

function useStream(): OrderEventStream {
  const stream = useContext(StreamContext);
  if (!stream) throw new Error('Order event hooks must be used inside <OrderEventStreamProvider>');
  return stream;
}

/** The live stream's connection state right now. */
export function useStreamStatus(): StreamStatus {
  return useStream().status;
}

/** Calls `listener` with every order event (and on resync); the latest listener is used, no re-subscribing. */
export function useOrderEvents(listener: Listener): void {
  const { subscribe } = useStream();
  const onMessage = useEffectEvent(listener);
  useEffect(() => subscribe((message) => onMessage(message)), [subscribe]);
}
