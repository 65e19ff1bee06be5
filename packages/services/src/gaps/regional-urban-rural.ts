/**
 * The urban-rural gap of each unit of a set (METHODS.md §2; DESIGN.md "urban/rural ratio and difference")
 * — ratio and difference of urban and rural per-capita income, and the between-half Theil when the urban
 * and rural populations are known — and the urban-rural gap's contribution to total inequality over the
 * set: Theil T and L over the 2·n urban and rural halves (each at its mean income, weighted by its
 * population), decomposed exactly by area (urban vs rural: the between part is the urban-rural gap) and by
 * unit (between units vs within units).
 */
import { theilIndex, urbanRuralGaps, type GapsError, type Result } from '@suocha/core';
import type { GapObservation } from '@suocha/store';
import type { RegionalUrbanRural, UrbanRuralInequality, UrbanRuralUnitRow } from './regional-types';
import type { StockPick } from './stock-vintage';

export interface UrbanRuralInputUnit {
  readonly code: string;
  readonly name: string;
  readonly urban: GapObservation | undefined;
  readonly rural: GapObservation | undefined;
  readonly urbanPopulation: StockPick | null;
  readonly ruralPopulation: StockPick | null;
}

const ok = <T>(r: Result<T, GapsError>, what: string, notes: string[]): T | null => {
  if (r.ok) return r.value;
  notes.push(`${what} 无法计算 (cannot be computed): ${r.error.message}`);
  return null;
};

export function regionalUrbanRural(input: {
  readonly urbanIndicator: string;
  readonly ruralIndicator: string;
  readonly period: string;
  readonly units: readonly UrbanRuralInputUnit[];
  readonly parent: {
    readonly code: string;
    readonly name: string;
    readonly urban: number | undefined;
    readonly rural: number | undefined;
  };
}): { urbanRural: RegionalUrbanRural; notes: string[] } {
  const notes: string[] = [];
  const complete = input.units.filter((u) => u.urban && u.rural);
  const missing = input.units
    .filter((u) => !(u.urban && u.rural))
    .map((u) => ({
      code: u.code,
      name: u.name,
      lacks: [...(u.urban ? [] : [input.urbanIndicator]), ...(u.rural ? [] : [input.ruralIndicator])],
    }));
  const gaps =
    complete.length === 0
      ? []
      : (ok(
          urbanRuralGaps(
            complete.map((u) => ({
              code: u.code,
              urban: u.urban!.value,
              rural: u.rural!.value,
              urbanPopulation: u.urbanPopulation?.observation.value,
              ruralPopulation: u.ruralPopulation?.observation.value,
            })),
          ),
          'urban-rural gap 城乡差距',
          notes,
        ) ?? []);
  const rows: UrbanRuralUnitRow[] = gaps.map((g, i) => {
    const u = complete[i]!;
    const up = u.urbanPopulation?.observation;
    const rp = u.ruralPopulation?.observation;
    return {
      code: g.code,
      name: u.name,
      urban: g.urban,
      rural: g.rural,
      ratio: g.ratio,
      difference: g.difference,
      urbanPopulation: up?.value ?? null,
      ruralPopulation: rp?.value ?? null,
      populationPeriod:
        up && rp ? (up.period === rp.period ? up.period : `${up.period} / ${rp.period}`) : null,
      theil: g.theil,
    };
  });

  let highestRatio: RegionalUrbanRural['highestRatio'] = [];
  let lowestRatio: RegionalUrbanRural['lowestRatio'] = [];
  if (rows.length > 0) {
    const max = Math.max(...rows.map((r) => r.ratio));
    const min = Math.min(...rows.map((r) => r.ratio));
    const pick = (v: number) =>
      rows.filter((r) => r.ratio === v).map((r) => ({ code: r.code, name: r.name, ratio: r.ratio }));
    highestRatio = pick(max);
    lowestRatio = pick(min);
  }

  const pu = input.parent;
  const parent =
    pu.urban !== undefined && pu.rural !== undefined && pu.rural > 0
      ? {
          code: pu.code,
          name: pu.name,
          urban: pu.urban,
          rural: pu.rural,
          ratio: pu.urban / pu.rural,
          difference: pu.urban - pu.rural,
        }
      : null;

  const inequality = rows.length > 0 ? contribution(rows, notes) : null;
  if (input.units.length > 0 && rows.length === 0)
    notes.push(
      `本期没有单位同时有城镇和农村收入 (no unit of the set has both ${input.urbanIndicator} and ${input.ruralIndicator} for ${input.period})`,
    );
  return {
    urbanRural: {
      urbanIndicator: input.urbanIndicator,
      ruralIndicator: input.ruralIndicator,
      period: input.period,
      units: rows,
      missing,
      parent,
      highestRatio,
      lowestRatio,
      inequality,
    },
    notes,
  };
}

/** Theil over the urban and rural halves of the units whose populations are known (see the file comment). */
function contribution(rows: readonly UrbanRuralUnitRow[], notes: string[]): UrbanRuralInequality | null {
  const known = rows.filter((r) => r.urbanPopulation !== null && r.ruralPopulation !== null);
  const excluded = rows
    .filter((r) => r.urbanPopulation === null || r.ruralPopulation === null)
    .map((r) => r.code);
  if (known.length === 0) {
    notes.push(
      '城镇和乡村人口未知, 不计算城乡差距对总体不平等的贡献 (urban and rural populations unknown: no contribution of the urban-rural gap to total inequality)',
    );
    return null;
  }
  if (excluded.length > 0)
    notes.push(
      `城乡贡献只含城乡人口已知的 ${known.length} 个单位; 不含 ${excluded.join('、')} (urban-rural contribution over the units with known urban and rural populations only)`,
    );
  const values: number[] = [];
  const weights: number[] = [];
  const area: string[] = [];
  const unit: string[] = [];
  for (const r of known) {
    values.push(r.urban, r.rural);
    weights.push(r.urbanPopulation!, r.ruralPopulation!);
    area.push('urban', 'rural');
    unit.push(r.code, r.code);
  }
  const byArea = ok(theilIndex({ values, weights }, area), 'Theil by area 按城乡分解', notes);
  const byUnit = ok(theilIndex({ values, weights }, unit), 'Theil by unit 按单位分解', notes);
  if (!byArea || !byUnit) return null;
  const share = (between: number, total: number) => (total > 0 ? between / total : null);
  return {
    units: known.map((r) => r.code),
    excluded,
    byArea: { ...byArea, by: 'area', labels: { urban: '城镇 urban', rural: '农村 rural' } },
    byUnit: { ...byUnit, by: 'unit', labels: Object.fromEntries(known.map((r) => [r.code, r.name])) },
    urbanRuralShareT: share(byArea.theilT.between, byArea.theilT.total),
    urbanRuralShareL: share(byArea.theilL.between, byArea.theilL.total),
  };
}
