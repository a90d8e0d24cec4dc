import { useCallback, useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import { primedAnswer, takePrimed } from './primed-reads.ts';
import { getSignInCount, subscribeToSession } from './session-store.ts';

export interface Resource<T> {
  /** The last data loaded for this key; kept while a reload runs or fails, so live views do not flicker. */
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  key: string;
  attempt: string;
  data: T | undefined;
  error: Error | undefined;
}

/**
 * Loads `key` with `load`, again whenever the key changes, `reload` is called or the person signs in again
 * after their session expired (what failed meanwhile should come back by itself); a superseded load is aborted.
 * `version` (a record's version, say) reads the same key again when it changes, keeping its data on screen
 * meanwhile: a key that carried the version would drop it, and the view would flicker.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>, version: string | number = ''): Resource<T> {
  const [generation, setGeneration] = useState(0);
  const signIns = useSyncExternalStore(subscribeToSession, getSignInCount, getSignInCount);
  const attempt = `${generation}/${signIns}/${version}`;
  // A read primed before the screen rendered (primed-reads.ts) that has already answered is shown at once.
  const [loaded, setLoaded] = useState<Loaded<T> | undefined>(() => {
    const answer = primedAnswer(key);
    return answer && { key, attempt, data: answer.data as T, error: undefined };
  });
  const loadLatest = useEffectEvent(load);

  useEffect(() => {
    const controller = new AbortController();
    const settle = (outcome: { data: T } | { error: Error }) => {
      if (controller.signal.aborted) return;
      setLoaded((previous) => {
        if ('data' in outcome && previous?.key === key && previous.attempt === attempt && previous.data === outcome.data) return previous;
        const previousData = previous?.key === key ? previous.data : undefined;
        return 'data' in outcome
          ? { key, attempt, data: outcome.data, error: undefined }
          : { key, attempt, data: previousData, error: outcome.error };
      });
    };
    const read = (takePrimed(key) as Promise<T> | undefined) ?? loadLatest(controller.signal);
    read.then(
      (data) => settle({ data }),
      (error: unknown) => settle({ error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setGeneration((current) => current + 1), []);
  const current = loaded?.key === key ? loaded : undefined;
  return { data: current?.data, error: current?.error, loading: current?.attempt !== attempt, reload };
}
