/**
 * The regional measures of METHODS.md §2 over the units that have a value, from the finished maths in
 * @suocha/core: max/min with the units at each end, CV and Williamson CV, Theil T and L with their exact
 * decompositions by parent (cities) and by group membership, the group's ratio to the parent and to the
 * rest, and the units below a reference line. A measure that cannot be taken (e.g. a logarithm of a value
 * ≤ 0) is null, with a note saying why — the others are still given.
 */
import {
  checkUnitValues,
  coefficientOfVariation,
  groupToParentRatio,
  maxMinRatio,
  theilIndex,
  unitsBelowLine,
  williamsonCv,
  type GapUnitRef,
  type GapsError,
  type Result,
} from '@suocha/core';
import type {
  LabelledDecomposition,
  RegionalBelowLine,
  RegionalGroupRatio,
  RegionalMeasures,
  UnitAtEnd,
} from './regional-types';

export interface MeasuredUnit {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly parentName: string | null;
  readonly inGroup: boolean | null;
  readonly value: number;
  readonly population: number | null;
}

export interface RegionalMeasureInput {
  readonly units: readonly MeasuredUnit[];
  /** Population weights (every unit has one) or equal weights. */
  readonly populationWeights: boolean;
  readonly group: { readonly code: string; readonly nameZh: string } | null;
  readonly parentValue: number | null;
  readonly line: {
    readonly line: number;
    readonly lineSource: RegionalBelowLine['lineSource'];
    readonly lineUnit: RegionalBelowLine['lineUnit'];
  } | null;
  /** Decompose by the units' parents (when they have more than one). */
  readonly byParent: boolean;
}

const IN_GROUP = 'in_group';
const OUTSIDE_GROUP = 'outside_group';

function value<T>(r: Result<T, GapsError>, what: string, notes: string[]): T | null {
  if (r.ok) return r.value;
  notes.push(`${what} 无法计算 (cannot be computed): ${r.error.message}`);
  return null;
}

export function regionalMeasures(input: RegionalMeasureInput): {
  measures: RegionalMeasures;
  notes: string[];
} {
  const notes: string[] = [];
  const units = input.units;
  const n = units.length;
  const empty: RegionalMeasures = {
    n,
    mean: null,
    maxMin: null,
    cv: null,
    williamsonCv: null,
    theil: null,
    decompositions: [],
    groupRatio: null,
    belowLine: null,
  };
  if (n === 0) return { measures: empty, notes };
  const codes = units.map((u) => u.code);
  const names = new Map(units.map((u) => [u.code, u.name]));
  const values = units.map((u) => u.value);
  const weights = input.populationWeights ? units.map((u) => u.population ?? Number.NaN) : undefined;
  const base = { values, codes, weights };
  const atEnd = (r: GapUnitRef): UnitAtEnd => ({
    code: r.code ?? '',
    name: names.get(r.code ?? '') ?? '',
    value: r.value,
  });

  const mm = value(maxMinRatio(base), 'max/min 最大最小比', notes);
  const cv = value(coefficientOfVariation(values), 'CV 变异系数', notes);
  const wcv = value(williamsonCv(base), 'Williamson CV 加权变异系数', notes);
  const theil = value(theilIndex(base), 'Theil 泰尔指数', notes);

  const decompositions: LabelledDecomposition[] = [];
  if (theil && input.byParent) {
    const parents = units.map((u) => u.parentCode ?? '');
    if (new Set(parents).size > 1) {
      const d = value(theilIndex(base, parents), 'Theil by parent 按上级分解', notes);
      if (d)
        decompositions.push({
          ...d,
          by: 'parent',
          labels: Object.fromEntries(units.map((u) => [u.parentCode ?? '', u.parentName ?? ''])),
        });
    }
  }
  let groupRatio: RegionalGroupRatio | null = null;
  if (input.group) {
    const keys = units.map((u) => (u.inGroup ? IN_GROUP : OUTSIDE_GROUP));
    const labels = { [IN_GROUP]: input.group.nameZh, [OUTSIDE_GROUP]: `其他 the rest` };
    if (theil) {
      const d = value(theilIndex(base, keys), `Theil by ${input.group.code} 按分组分解`, notes);
      if (d) decompositions.push({ ...d, by: 'group', labels });
    }
    groupRatio = groupRatios(input, input.group, notes);
  }

  let belowLine: RegionalBelowLine | null = null;
  if (input.line) {
    const b = value(unitsBelowLine(base, input.line.line), 'units below the line 低于参考线', notes);
    if (b)
      belowLine = {
        line: input.line.line,
        lineSource: input.line.lineSource,
        lineUnit: input.line.lineUnit,
        count: b.count,
        populationShare: b.populationShare,
        units: b.units.map(atEnd),
      };
  }

  const checked = checkUnitValues(base);
  return {
    measures: {
      n,
      mean: checked.ok ? checked.value.mean : null,
      maxMin: mm
        ? {
            ratio: mm.ratio,
            max: mm.max,
            min: mm.min,
            highest: mm.highest.map(atEnd),
            lowest: mm.lowest.map(atEnd),
          }
        : null,
      cv,
      williamsonCv: wcv,
      theil,
      decompositions,
      groupRatio,
      belowLine,
    },
    notes,
  };
}

function groupRatios(
  input: RegionalMeasureInput,
  group: { readonly code: string; readonly nameZh: string },
  notes: string[],
): RegionalGroupRatio | null {
  const part = (inside: boolean) => {
    const us = input.units.filter((u) => (u.inGroup ?? false) === inside);
    return {
      n: us.length,
      values: us.map((u) => u.value),
      weights: input.populationWeights ? us.map((u) => u.population ?? Number.NaN) : undefined,
    };
  };
  const members = part(true);
  const rest = part(false);
  if (members.n === 0) {
    notes.push(
      `分组 ${group.nameZh} 在本范围内没有有数据的成员 (no member of ${group.code} in the set has a value): no group ratio`,
    );
    return null;
  }
  const g = value(checkUnitValues(members), `${group.code} mean 分组均值`, notes);
  if (!g) return null;
  let ratioToParent: number | null = null;
  if (input.parentValue === null)
    notes.push(
      '上级单位本期无数值, 不计算分组与上级之比 (the parent has no value for the period: no ratio to the parent)',
    );
  else
    ratioToParent =
      value(groupToParentRatio(members, input.parentValue), 'group / parent 分组与上级之比', notes)?.ratio ??
      null;
  const restMean =
    rest.n > 0 ? (value(checkUnitValues(rest), 'mean of the rest 其余单位均值', notes)?.mean ?? null) : null;
  return {
    group: group.code,
    units: members.n,
    groupMean: g.mean,
    parentValue: input.parentValue,
    ratioToParent,
    restMean,
    ratioToRest: restMean !== null && restMean > 0 ? g.mean / restMean : null,
  };
}
