import type { OrderEvent } from '../../domain/order-event.ts';
import type { DemoApi } from './demo-api.ts';

/**
 * Follows `GET /events` until `signal` aborts, handing every order transition to `onEvent`; a stream that
 * ends or breaks (a restarted API, a session that expired) is opened again after the last event it delivered.
 * `onReady` is called once the first stream is open, so a caller that reads the orders after it misses none.
 */
export async function followOrderEvents(api: DemoApi, signal: AbortSignal, onEvent: (event: OrderEvent) => void, onReady: () => void): Promise<void> {
  let lastId: string | undefined;
  while (!signal.aborted) {
    try {
      const res = await api('dispatcher', '/events', { headers: lastId ? { 'last-event-id': lastId } : {}, signal });
      if (res.ok && res.body) {
        let buffer = '';
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        // Not every fetch ends its body when the request's signal aborts (an in-process app's does not).
        const cancel = () => void reader.cancel();
        signal.addEventListener('abort', cancel, { once: true });
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          buffer += read.value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const fields = new Map(buffer.slice(0, end).split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()] as const));
            buffer = buffer.slice(end + 2);
            if (fields.get('event') === 'ready') onReady();
            if (fields.get('event') !== 'order') continue;
            lastId = fields.get('id');
            onEvent(JSON.parse(fields.get('data')!) as OrderEvent);
          }
        }
        signal.removeEventListener('abort', cancel);
      }
    } catch {
      // The API went away (the launcher restarts one that crashed) or the stream was cut: open it again.
      if (signal.aborted) return;
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
