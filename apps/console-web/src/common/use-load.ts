import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads what `load` answers whenever `key` changes (null: nothing to load yet), again on `reload`, and every
 * `pollMs` when given; an answer that arrives after a newer request started is dropped.
 */
export function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, pollMs?: number): Loaded<T> {
  // Each answer keeps the key it answers, so a new key never shows the previous key's data or error.
  const [answered, setAnswered] = useState<{ key: string; data?: T; error?: unknown }>();
  const [loading, setLoading] = useState(key !== null);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return undefined;
    const controller = new AbortController();
    const run = () => {
      setLoading(true);
      loadRef.current(controller.signal).then(
        (answer) => {
          if (controller.signal.aborted) return;
          setAnswered({ key, data: answer });
          setLoading(false);
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          setAnswered((previous) => ({ key, data: previous?.key === key ? previous.data : undefined, error: failure }));
          setLoading(false);
        },
      );
    };
    run();
    const timer = pollMs ? window.setInterval(run, pollMs) : undefined;
    return () => {
      controller.abort();
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [key, pollMs, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const current = answered && answered.key === key ? answered : undefined;
  return { data: current?.data, error: current?.error, loading, reload };
}

/** GETs a console API path (null: not yet). */
export function useGet<T>(path: string | null, pollMs?: number): Loaded<T> {
  return useLoad<T>(path, (signal) => apiGet<T>(path as string, signal), pollMs);
}
