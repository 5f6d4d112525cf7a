import { useCallback, useEffect, useState } from 'react';

import { ApiFailure } from './api';

export interface Loaded<T> {
  data?: T;
  error?: ApiFailure | Error;
  loading: boolean;
  reload: () => void;
}

/** Loads once per change of `key`, and again on `reload()`; a stale answer never overwrites a newer one. */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(abort.signal).then(
      (data) => !abort.signal.aborted && setState({ data, loading: false }),
      (error: Error) => !abort.signal.aborted && setState({ error, loading: false }),
    );
    return () => abort.abort();
    // `load` is a new closure every render; `key` says when what it loads changed.
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
