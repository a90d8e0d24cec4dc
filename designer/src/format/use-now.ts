import { useEffect, useState } from 'react';
import { pageNow } from '../ssr/rendered-page.ts';

/** The current time, re-read every `everyMs`, so relative times ("in 5 min") stay true on an open screen. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(pageNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
