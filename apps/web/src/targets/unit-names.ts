import { useCallback } from 'react';
import { api } from '../api/client';
import type { UnitDetail } from '../api/types';
import { useRequest } from '../api/use-request';
import { loadLimited } from './series-map';

export interface UnitOption {
  readonly code: string;
  readonly name: string;
  readonly level: UnitDetail['level'];
  /** The unit is the user's scope unit or below it: the user may read its progress. */
  readonly inScope: boolean;
}

/** Whether `unit` is `scope` or lies below it. */
export function inScope(unit: UnitDetail, scope: string): boolean {
  return unit.code === scope || unit.ancestors.some((a) => a.code === scope);
}

/** Units in code order (the province, then cities, then their counties), with the user's scope marked. */
export function unitOptions(details: readonly UnitDetail[], scope: string): UnitOption[] {
  return [...details]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((d) => ({ code: d.code, name: d.name, level: d.level, inScope: inScope(d, scope) }));
}

/** Names and scope of the given unit codes (the units that plans set targets for). */
export function useUnitOptions(codes: readonly string[], scope: string) {
  const sorted = [...new Set(codes)].sort();
  const key = sorted.length === 0 ? null : `units:${scope}:${sorted.join(',')}`;
  const load = useCallback(
    async (signal: AbortSignal) => {
      const codesToLoad = key === null ? [] : key.slice(key.lastIndexOf(':') + 1).split(',');
      const loaded = await loadLimited(codesToLoad, 4, (code) => api.unit(code, signal), signal);
      return unitOptions([...loaded.values()], scope);
    },
    [key, scope],
  );
  return useRequest(key, load);
}
