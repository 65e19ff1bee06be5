import { useCallback } from 'react';
import { api } from '../api/client';
import type { IndicatorSeries } from '../api/types';
import { useRequest } from '../api/use-request';

export interface SeriesKey {
  readonly indicator: string;
  readonly unit: string;
}

export const seriesKey = (indicator: string, unit: string): string => `${indicator}@${unit}`;

/** Distinct pairs in a stable order, so that the same set always makes the same request key. */
export function distinctPairs(pairs: readonly SeriesKey[]): SeriesKey[] {
  const seen = new Map<string, SeriesKey>();
  for (const p of pairs) seen.set(seriesKey(p.indicator, p.unit), p);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

/**
 * Runs `load` for every item, at most `limit` at a time (the server shares two cores with everyone), and
 * keeps the answers that arrived; an item that fails is left out rather than failing the whole table.
 */
export async function loadLimited<K, V>(
  items: readonly K[],
  limit: number,
  load: (item: K) => Promise<V>,
  signal?: AbortSignal,
): Promise<Map<K, V>> {
  const out = new Map<K, V>();
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      if (signal?.aborted === true) return;
      const item = items[next++] as K;
      try {
        out.set(item, await load(item));
      } catch {
        // Left out: that row's sparkline stays empty (an aborted load is dropped by the caller anyway).
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The series of several indicator × unit pairs (for sparklines), keyed by `seriesKey`. */
export function useSeriesMap(pairs: readonly SeriesKey[]) {
  const key =
    pairs.length === 0 ? null : `series:${pairs.map((p) => seriesKey(p.indicator, p.unit)).join(',')}`;
  const load = useCallback(
    async (signal: AbortSignal) => {
      const loaded = await loadLimited(
        pairs,
        4,
        (p) => api.indicatorSeries(p.indicator, p.unit, signal),
        signal,
      );
      const map = new Map<string, IndicatorSeries>();
      for (const [p, series] of loaded) map.set(seriesKey(p.indicator, p.unit), series);
      return map;
    },
    [pairs],
  );
  return useRequest(key, load);
}
