import type {
  LabelledDecomposition,
  RegionalGaps,
  RegionalGapsParams,
  RegionalUnitRow,
  TheilDecomposition,
  UnitLevel,
} from '../api/types';
import type { RegionalLevel } from './url-state';

/** The national unit: its published value is the reference line ("units below the national figure"). */
export const NATIONAL_UNIT = '100000';

export interface RegionalView {
  readonly indicator: string;
  readonly scope: { readonly code: string; readonly level: UnitLevel };
  readonly level: RegionalLevel;
  readonly group: string | null;
  readonly asOf: string | null;
  readonly period: string | null;
}

/** The level actually compared: a city's children are counties whatever was picked. */
export function comparedLevel(scopeLevel: UnitLevel, level: RegionalLevel): RegionalLevel {
  return scopeLevel === 'province' ? level : 'county';
}

/**
 * The query of a view. The children of the scope are asked for without `level` (cities of the province,
 * counties of a city), so that the server decomposes by city only where that means something; groups
 * (山区海岛县) are made of counties, so a group is only sent when counties are compared.
 */
export function regionalParams(view: RegionalView): RegionalGapsParams {
  const level = comparedLevel(view.scope.level, view.level);
  return {
    indicator: view.indicator,
    of: view.scope.code,
    ...(view.scope.level === 'province' && level === 'county' ? { level: 'county' as const } : {}),
    ...(level === 'county' && view.group !== null ? { group: view.group } : {}),
    ...(view.asOf !== null ? { asOf: view.asOf } : {}),
    ...(view.period !== null ? { period: view.period } : {}),
    lineUnit: NATIONAL_UNIT,
  };
}

export interface RankedUnit {
  readonly code: string;
  readonly name: string;
  readonly parentName: string | null;
  readonly value: number;
  /** 1 = highest value. */
  readonly rank: number;
  readonly inGroup: boolean;
}

/**
 * The units at both ends: the `n` highest (highest first) and the `n` lowest (lowest first), never the
 * same unit twice — with fewer than 2n units the list is split in two halves (the odd one goes on top).
 * Ties are ordered by code so that the lists are stable.
 */
export function unitEnds(
  units: readonly RegionalUnitRow[],
  n = 5,
): { readonly top: readonly RankedUnit[]; readonly bottom: readonly RankedUnit[] } {
  const ranked = units
    .filter((u): u is RegionalUnitRow & { value: number } => u.value !== null)
    .sort((a, b) => b.value - a.value || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((u, i): RankedUnit => ({
      code: u.code,
      name: u.name,
      parentName: u.parentName,
      value: u.value,
      rank: i + 1,
      inGroup: u.inGroup === true,
    }));
  const topCount = Math.min(n, Math.ceil(ranked.length / 2));
  const bottomCount = Math.min(n, ranked.length - topCount);
  return {
    top: ranked.slice(0, topCount),
    bottom: ranked.slice(ranked.length - bottomCount).reverse(),
  };
}

export interface PeriodOption {
  readonly period: string;
  /** Units of the set with a value for the period. */
  readonly units: number;
  /** Units in the set (as of the date the answer used). */
  readonly total: number;
}

/** The periods with data, latest first, each with its coverage ("有数据 n/N"). */
export function periodOptions(answer: RegionalGaps): readonly PeriodOption[] {
  return [...answer.periods]
    .reverse()
    .map((p) => ({ period: p.period, units: p.units, total: answer.coverage.units }));
}

export type CoverageLevel = 'full' | 'partial' | 'thin';

/** How much of the set has data: every unit, at least half, or fewer than half (measures not representative). */
export function coverageLevel(coverage: RegionalGaps['coverage']): CoverageLevel {
  if (coverage.withoutData === 0) return 'full';
  return coverage.share >= 0.5 ? 'partial' : 'thin';
}

/** Units with and without data, in the server's order, with-data first (the others greyed, not hidden). */
export function unitsByData(units: readonly RegionalUnitRow[]): readonly RegionalUnitRow[] {
  return [...units.filter((u) => u.value !== null), ...units.filter((u) => u.value === null)];
}

export type TheilMeasure = 'T' | 'L';

/** One stacked bar: Theil T or L of a decomposition, split into its between- and within-group parts. */
export interface TheilBar {
  /** What the decomposition is by (`parent`, `group`, `area`, `urban_rural`, `city`, `county`, …). */
  readonly by: string;
  readonly measure: TheilMeasure;
  readonly between: number;
  readonly within: number;
  readonly total: number;
  /** between ÷ total (null when the total is 0: no inequality to share out). */
  readonly betweenShare: number | null;
}

/** The stacked bars of decompositions, T then L for each, in the order given. */
export function theilBars(
  decompositions: readonly { readonly by: string; readonly decomposition: TheilDecomposition }[],
): readonly TheilBar[] {
  return decompositions.flatMap(({ by, decomposition }) =>
    (['T', 'L'] as const).map((measure): TheilBar => {
      const parts = measure === 'T' ? decomposition.theilT : decomposition.theilL;
      return {
        by,
        measure,
        between: parts.between,
        within: parts.within,
        total: parts.total,
        betweenShare: parts.total > 0 ? parts.between / parts.total : null,
      };
    }),
  );
}

/**
 * The regional decompositions worth drawing: by city (counties compared), by group, and the urban-rural
 * split of inequality across the units' urban and rural residents (by area). A decomposition with a single
 * group has nothing between groups and is left out.
 */
export function regionalDecompositions(
  answer: RegionalGaps,
): readonly { readonly by: string; readonly decomposition: LabelledDecomposition }[] {
  const list: { by: string; decomposition: LabelledDecomposition }[] = answer.measures.decompositions
    .filter((d) => d.groups.length > 1)
    .map((d) => ({ by: d.by, decomposition: d }));
  const area = answer.urbanRural.inequality?.byArea;
  if (area !== undefined && area.groups.length > 1) list.push({ by: 'area', decomposition: area });
  return list;
}
