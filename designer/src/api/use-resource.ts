import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface Resource<T> {
  /** The last data loaded for this key; kept while a reload runs or fails, so live views do not flicker. */
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  key: string;
  generation: number;
  data: T | undefined;
  error: Error | undefined;
}

/** Loads `key` with `load`, again whenever the key changes or `reload` is called; a superseded load is aborted. */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>();
  const loadLatest = useEffectEvent(load);

  useEffect(() => {
    const controller = new AbortController();
    const settle = (outcome: { data: T } | { error: Error }) => {
      if (controller.signal.aborted) return;
      setLoaded((previous) => {
        const previousData = previous?.key === key ? previous.data : undefined;
        return 'data' in outcome
          ? { key, generation, data: outcome.data, error: undefined }
          : { key, generation, data: previousData, error: outcome.error };
      });
    };
    loadLatest(controller.signal).then(
      (data) => settle({ data }),
      (error: unknown) => settle({ error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((current) => current + 1), []);
  const current = loaded?.key === key ? loaded : undefined;
  return { data: current?.data, error: current?.error, loading: current?.generation !== generation, reload };
}
