import { useCallback, useState } from 'react';

export interface Action {
  busy: boolean;
  error: unknown;
  run: (action: () => Promise<void>) => Promise<void>;
}

/** One request a user starts (a submit, a button): its busy flag and its failure, kept until it next succeeds. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setError(undefined);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, error, run };
}
