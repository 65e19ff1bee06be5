/**
 * What changed between two frozen runs (issue 6 §4 "a re-run on corrected data is a new run that shows
 * what changed"): the inputs whose observation version or value differ, inputs present in only one run,
 * and every unit's score and rank in both.
 */
import { ok, type Result } from '@suocha/core';
import type { IndexCompareDto } from '@suocha/contract';
import { getRunInputs, getUnitsByCodes, type RunInput, type Store } from '@suocha/store';
import type { IndexServiceError } from './errors';
import { getIndexRunDto, summaryOf } from './read';

const inputKey = (x: RunInput) =>
  `${x.indicatorCode}\u0000${x.unitCode}\u0000${x.period}\u0000${x.role}\u0000${x.usedFor}`;
const where = (x: RunInput) => ({
  indicator: x.indicatorCode,
  unitCode: x.unitCode,
  unitName: null,
  period: x.period,
  role: x.role,
  usedFor: x.usedFor,
});
const brief = (x: RunInput) => ({
  observationId: x.observationId,
  version: x.version,
  value: x.value,
  synthetic: x.synthetic,
});

export async function compareIndexRuns(
  store: Store,
  aId: number,
  bId: number,
): Promise<Result<IndexCompareDto, IndexServiceError>> {
  const a = await getIndexRunDto(store, aId);
  if (!a.ok) return a;
  const b = await getIndexRunDto(store, bId);
  if (!b.ok) return b;
  const [ia, ib] = await Promise.all([getRunInputs(store, aId), getRunInputs(store, bId)]);
  const before = new Map(ia.map((x) => [inputKey(x), x]));
  const after = new Map(ib.map((x) => [inputKey(x), x]));
  const items: IndexCompareDto['inputs']['items'] = [];
  let unchanged = 0;
  for (const [k, x] of before) {
    const y = after.get(k);
    if (!y) items.push({ ...where(x), change: 'removed', a: brief(x), b: null });
    else if (x.version !== y.version || x.value !== y.value || x.synthetic !== y.synthetic)
      items.push({ ...where(x), change: 'changed', a: brief(x), b: brief(y) });
    else unchanged++;
  }
  for (const [k, y] of after)
    if (!before.has(k)) items.push({ ...where(y), change: 'added', a: null, b: brief(y) });
  const names = new Map(
    (
      await getUnitsByCodes(
        store,
        items.map((i) => i.unitCode),
      )
    ).map((u) => [u.code, u.name]),
  );
  items.sort(
    (x, y) =>
      cmp(x.indicator, y.indicator) ||
      cmp(x.unitCode, y.unitCode) ||
      cmp(x.period, y.period) ||
      cmp(x.role, y.role),
  );

  const rowsA = new Map(a.value.rows.map((r) => [r.unitCode, r]));
  const rowsB = new Map(b.value.rows.map((r) => [r.unitCode, r]));
  const codes = [...new Set([...rowsA.keys(), ...rowsB.keys()])];
  const units = codes.map((code) => {
    const ra = rowsA.get(code);
    const rb = rowsB.get(code);
    const scoreA = ra?.score ?? null;
    const scoreB = rb?.score ?? null;
    const rankA = ra?.rank ?? null;
    const rankB = rb?.rank ?? null;
    return {
      unitCode: code,
      name: rb?.name ?? ra?.name ?? code,
      scoreA,
      scoreB,
      scoreChange: scoreA !== null && scoreB !== null ? scoreB - scoreA : null,
      rankA,
      rankB,
      rankMove: rankA !== null && rankB !== null ? rankA - rankB : null,
    };
  });
  units.sort(
    (x, y) =>
      Math.abs(y.rankMove ?? 0) - Math.abs(x.rankMove ?? 0) ||
      (x.rankB ?? Infinity) - (y.rankB ?? Infinity) ||
      cmp(x.unitCode, y.unitCode),
  );
  return ok({
    a: summaryOf(a.value),
    b: summaryOf(b.value),
    sameFramework: a.value.framework.id === b.value.framework.id,
    sameData: a.value.dataFingerprint === b.value.dataFingerprint,
    synthetic: a.value.synthetic || b.value.synthetic,
    inputs: {
      changed: items.filter((i) => i.change === 'changed').length,
      added: items.filter((i) => i.change === 'added').length,
      removed: items.filter((i) => i.change === 'removed').length,
      unchanged,
      items: items.map((i) => ({ ...i, unitName: names.get(i.unitCode) ?? null })),
    },
    units,
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
