import { useCallback, useEffect, useState } from 'react';
import type { NotificationView, UnreadCount } from '../../../domain/notification.ts';
import { countMyUnread, listMyNotifications } from './notifications-client.ts';

const SHOWN = 20;
/** The browser retries a dropped stream itself; this covers one it gave up on (a 5xx). */
const REOPEN_AFTER_MS = 5_000;
/** How long the first read waits for the stream to open, so that a stream that never does still shows the bell's count. */
const READY_WAIT_MS = 3_000;

export interface MyNotifications {
  count: UnreadCount | null;
  items: NotificationView[] | null;
  failed: boolean;
  reload: () => void;
}

/**
 * The signed-in person's newest notifications and unread count, read when their stream opens (so nothing that
 * arrives meanwhile is missed, and the app's first page does not read them twice), again whenever it says a new
 * one arrived, and when it reopens: what arrived while it was down is then read too.
 */
export function useMyNotifications(): MyNotifications {
  const [count, setCount] = useState<UnreadCount | null>(null);
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (generation === 0) return;
    const abort = new AbortController();
    Promise.all([countMyUnread(abort.signal), listMyNotifications(SHOWN, abort.signal)])
      .then(([c, page]) => {
        setCount(c);
        setItems(page.items);
        setFailed(false);
      })
      .catch(() => {
        if (!abort.signal.aborted) setFailed(true);
      });
    return () => abort.abort();
  }, [generation]);

  useEffect(() => {
    let source: EventSource | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    const firstRead = setTimeout(reload, READY_WAIT_MS);
    const opened = () => {
      clearTimeout(firstRead);
      reload();
    };
    const open = () => {
      const current = new EventSource('/notifications/stream');
      source = current;
      current.addEventListener('ready', opened);
      current.addEventListener('notification', reload);
      current.onerror = () => {
        if (current.readyState !== EventSource.CLOSED) return;
        opened();
        reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
      };
    };
    open();
    return () => {
      clearTimeout(firstRead);
      clearTimeout(reopenTimer);
      source?.close();
    };
  }, [reload]);

  return { count, items, failed, reload };
}
