import { useEffect, useRef, useState } from 'react';

export interface RequestState<T> {
  /** Latest data received; kept while a newer request is in flight so the page does not flash empty.
   * Check `loading` before treating it as the answer for the current key. */
  readonly data: T | undefined;
  readonly error: Error | undefined;
  /** True while the request for the current key has not answered yet. */
  readonly loading: boolean;
  /** Run the current request again (after an error). */
  reload(): void;
}

interface Settled<T> {
  readonly key: string;
  readonly data?: T;
  readonly error?: Error;
}

/**
 * Runs `load` whenever `key` changes (null = nothing to load) and aborts the previous request, so a slow
 * answer for an old date can never overwrite the answer for the date the user chose last.
 */
export function useRequest<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): RequestState<T> {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === null) return undefined;
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // Old data is dropped on error: showing the previous date's members beside an error would mislead.
        setSettled({ key, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const current = settled !== null && settled.key === key;
  return {
    data: key === null ? undefined : settled?.data,
    error: current ? settled.error : undefined,
    loading: key !== null && !current,
    reload: () => {
      setSettled(null);
      setAttempt((n) => n + 1);
    },
  };
}
