/**
 * One target judged as of a date (issue 4 §5, METHODS.md §1): the Open SDG / Statistics Canada status of
 * the core engine with 序时进度, projection and the annual change still required, plus what the API shows
 * beside it — the annual-series status where the judged series is sub-annual (the urban-rural income ratio
 * is judged on 1–9月 values by default; its annual values tell their own story), the plan that governs,
 * whether this is the target judged now for its indicator and unit, and the evidence.
 */
import {
  governingTargets,
  nextTarget,
  parsePeriod,
  targetStatus,
  unsdProgress,
  weatherStatus,
  type Comparator,
  type NoDataReason,
  type ObservationInput,
  type ProgressOptions,
  type ProgressStatus,
  type RateMethod,
  type StatusCaveat,
  type TargetSpec,
  type TargetStatusResult,
  type UnsdClass,
  type WeatherClass,
} from '@suocha/core';
import type { ProgressTarget, ProgressSeriesObservation } from '@suocha/store';

/**
 * Whether an indicator is judged with linear rates (differences per year) instead of growth rates:
 * METHODS.md §1 asks indicators that can be zero or negative to say so in their definition — the word
 * "linear" or 线性 in it.
 */
export function isLinearIndicator(definition: string): boolean {
  return /\blinear\b|线性/i.test(definition);
}

/** The href of an indicator's series for a unit: the evidence behind a status or a warning. */
export function seriesHref(indicator: string, unit: string): string {
  return `/api/indicators/${encodeURIComponent(indicator)}/series?unit=${encodeURIComponent(unit)}`;
}

export interface ProgressPointRef {
  readonly period: string;
  readonly value: number;
  /** The observation (null when the point is the plan's baseline). */
  readonly observationId: number | null;
  readonly source: string | null;
}

/** The judgement of a target on one series (the default one, or the annual one). */
export interface ProgressJudgement {
  readonly status: ProgressStatus;
  readonly reason: NoDataReason | null;
  readonly method: RateMethod;
  /** `year`, or the sub-annual seasonality judged, e.g. `Q3-YTD` (1–9月), `M10-YTD`; null without data. */
  readonly seasonality: string | null;
  readonly latest: ProgressPointRef | null;
  readonly previous: ProgressPointRef | null;
  readonly baseline: (ProgressPointRef & { readonly from: 'plan' | 'earliest_observation' }) | null;
  /** 序时进度: the value expected at the latest value's time on the straight path, and the gap (+ = ahead). */
  readonly expected: number | null;
  readonly gap: number | null;
  readonly ratio: number | null;
  readonly rObs: number | null;
  readonly rReq: number | null;
  readonly projected: number | null;
  readonly requiredAnnualChange: number | null;
  readonly slipped: boolean;
  readonly caveats: readonly StatusCaveat[];
  /** Number of points in the series judged. */
  readonly points: number;
}

export interface ProgressRow extends ProgressJudgement {
  readonly targetId: number;
  readonly indicator: {
    readonly code: string;
    readonly nameZh: string;
    readonly nameEn: string;
    readonly unit: string;
    readonly polarity: 'up' | 'down';
  };
  readonly plan: { readonly code: string; readonly title: string; readonly issuedOn: string };
  readonly unit: { readonly code: string; readonly name: string };
  readonly year: number;
  readonly comparator: Comparator;
  readonly targetValue: number;
  /** The later plan governs an indicator × unit × year; superseded targets stay listed. */
  readonly governing: boolean;
  readonly supersededBy: string | null;
  readonly ambiguous: boolean;
  /** The governing target judged now for its indicator and unit (the next target year not yet ended). */
  readonly current: boolean;
  /** The judgement on annual values alone, when the default series is sub-annual and annual values exist. */
  readonly annual: ProgressJudgement | null;
  readonly alternatives: {
    readonly unsd: { readonly status: UnsdClass; readonly q: number | null };
    readonly weather: {
      readonly status: WeatherClass;
      readonly projected: number | null;
      readonly relativeMiss: number | null;
    };
  } | null;
  /** Some value of the series is synthetic (模拟数据). */
  readonly synthetic: boolean;
  readonly evidence: string;
}

function seasonalityName(r: TargetStatusResult): string | null {
  const p = r.latest === null ? undefined : parsePeriod(r.latest.period);
  if (p === undefined || !p.ok) return null;
  const { kind, index, ytd } = p.value;
  if (kind === 'year') return 'year';
  const part =
    kind === 'half' ? `H${index}` : kind === 'quarter' ? `Q${index}` : `M${String(index).padStart(2, '0')}`;
  return `${part}${ytd ? '-YTD' : ''}`;
}

function toJudgement(
  r: TargetStatusResult,
  byPeriod: ReadonlyMap<string, ProgressSeriesObservation>,
): ProgressJudgement {
  const ref = (p: { period: string; value: number } | null | undefined): ProgressPointRef | null => {
    if (!p) return null;
    const o = byPeriod.get(p.period);
    return { period: p.period, value: p.value, observationId: o?.id ?? null, source: o?.source ?? null };
  };
  const prev = r.series.length >= 2 ? r.series[r.series.length - 2] : undefined;
  const base = r.baseline;
  return {
    status: r.status,
    reason: r.reason,
    method: r.method,
    seasonality: seasonalityName(r),
    latest: ref(r.latest),
    previous: ref(prev),
    baseline:
      base === null
        ? null
        : {
            ...(base.source === 'plan'
              ? { period: base.period, value: base.value, observationId: null, source: null }
              : (ref(base) ?? { period: base.period, value: base.value, observationId: null, source: null })),
            from: base.source,
          },
    expected: r.expected,
    gap: r.gap,
    ratio: r.ratio,
    rObs: r.rObs,
    rReq: r.rReq,
    projected: r.projected,
    requiredAnnualChange: r.requiredFromNow,
    slipped: r.slipped,
    caveats: r.caveats,
    points: r.series.length,
  };
}

export function progressTargetSpec(t: {
  readonly comparator: Comparator;
  readonly value: number;
  readonly year: number;
  readonly baselinePeriod: string | null;
  readonly baselineValue: number | null;
}): TargetSpec {
  return t.baselinePeriod !== null && t.baselineValue !== null
    ? {
        comparator: t.comparator,
        value: t.value,
        year: t.year,
        baseline: { period: t.baselinePeriod, value: t.baselineValue },
      }
    : { comparator: t.comparator, value: t.value, year: t.year };
}

export interface JudgeTargetsOptions {
  readonly asOf: string;
  /** Also give the UNSD ratio class and the German weather class (METHODS.md §1 alternatives). */
  readonly alternatives?: boolean;
}

/**
 * Judges every target given (all targets of some units: the governing plan is decided among them) on the
 * observations given (counted values of those units), in the order of `targets`.
 */
export function judgeTargets(
  targets: readonly ProgressTarget[],
  observations: readonly ProgressSeriesObservation[],
  options: JudgeTargetsOptions,
): ProgressRow[] {
  const series = new Map<string, ProgressSeriesObservation[]>();
  for (const o of observations) {
    const key = `${o.indicatorCode}\u0000${o.unitCode}`;
    const list = series.get(key);
    if (list) list.push(o);
    else series.set(key, [o]);
  }
  const governed = governingTargets(
    targets.map((t) => ({
      indicator: t.indicatorCode,
      unit: t.unitCode,
      year: t.year,
      plan: t.planCode,
      planIssuedOn: t.planIssuedOn,
      target: t,
    })),
  );
  const currentIds = new Set<number>();
  const byPair = new Map<string, typeof governed>();
  for (const g of governed) {
    if (!g.governing) continue;
    const key = `${g.indicator}\u0000${g.unit}`;
    const list = byPair.get(key);
    if (list) list.push(g);
    else byPair.set(key, [g]);
  }
  for (const list of byPair.values()) {
    const next = nextTarget(list, options.asOf);
    if (next) currentIds.add(next.target.id);
  }
  return governed.map((g) => {
    const t = g.target;
    const obs = series.get(`${t.indicatorCode}\u0000${t.unitCode}`) ?? [];
    const inputs: ObservationInput[] = obs.map((o) => ({ period: o.period, value: o.value }));
    const byPeriod = new Map(obs.map((o) => [o.period, o]));
    const spec = progressTargetSpec(t);
    const opts: ProgressOptions = {
      asOf: options.asOf,
      polarity: t.polarity,
      linear: isLinearIndicator(t.definition),
    };
    const main = targetStatus(spec, inputs, opts);
    const subAnnual = main.caveats.includes('SUB_ANNUAL_SERIES');
    const hasAnnual =
      subAnnual &&
      obs.some((o) => {
        const p = parsePeriod(o.period);
        return p.ok && p.value.kind === 'year';
      });
    const annual = hasAnnual
      ? toJudgement(targetStatus(spec, inputs, { ...opts, series: 'annual' }), byPeriod)
      : null;
    let alternatives: ProgressRow['alternatives'] = null;
    if (options.alternatives === true) {
      const u = unsdProgress(spec, inputs, opts);
      const w = weatherStatus(spec, inputs, opts);
      alternatives = {
        unsd: { status: u.status, q: u.q },
        weather: { status: w.status, projected: w.projected, relativeMiss: w.relativeMiss },
      };
    }
    return {
      targetId: t.id,
      indicator: {
        code: t.indicatorCode,
        nameZh: t.indicatorNameZh,
        nameEn: t.indicatorNameEn,
        unit: t.indicatorUnit,
        polarity: t.polarity,
      },
      plan: { code: t.planCode, title: t.planTitle, issuedOn: t.planIssuedOn },
      unit: { code: t.unitCode, name: t.unitName },
      year: t.year,
      comparator: t.comparator,
      targetValue: t.value,
      governing: g.governing,
      supersededBy: g.supersededBy,
      ambiguous: g.ambiguous,
      current: currentIds.has(t.id),
      ...toJudgement(main, byPeriod),
      annual,
      alternatives,
      synthetic: obs.some((o) => o.synthetic),
      evidence: seriesHref(t.indicatorCode, t.unitCode),
    };
  });
}
