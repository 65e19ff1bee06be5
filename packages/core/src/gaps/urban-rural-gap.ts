/**
 * Urban-rural gap per unit (METHODS.md §2; DESIGN.md "urban/rural ratio and difference"): the ratio
 * 城乡居民收入倍差 = urban / rural per-capita income, the absolute difference urban − rural, and — when the
 * urban and rural resident populations are known — the between-group component of Theil T and L over the
 * unit's two halves (each half at its mean; the inequality inside each half is not known from two means).
 */
import { err, ok, type Result } from '../result';
import { gapsError, type GapsError } from './gaps-error';

export interface UrbanRuralInput {
  readonly code: string;
  /** Urban per-capita income (or any urban per-capita value). */
  readonly urban: number;
  readonly rural: number;
  readonly urbanPopulation?: number | undefined;
  readonly ruralPopulation?: number | undefined;
}

export interface UrbanRuralTheil {
  /** Urban share of the unit's population. */
  readonly urbanPopulationShare: number;
  /** Urban share of the unit's income. */
  readonly urbanIncomeShare: number;
  /** Population-weighted mean of the two halves. */
  readonly mean: number;
  /** Σ S_g ln(μ_g/μ) over g ∈ {urban, rural}. */
  readonly theilT: number;
  /** Σ P_g ln(μ/μ_g) over g ∈ {urban, rural}. */
  readonly theilL: number;
}

export interface UrbanRuralGap {
  readonly code: string;
  readonly urban: number;
  readonly rural: number;
  /** urban / rural. */
  readonly ratio: number;
  /** urban − rural. */
  readonly difference: number;
  /** Between-group Theil, or null when the two populations are not both given. */
  readonly theil: UrbanRuralTheil | null;
}

/** Gap measures for each unit; any invalid unit fails the whole call with its index. */
export function urbanRuralGaps(units: readonly UrbanRuralInput[]): Result<UrbanRuralGap[], GapsError> {
  if (units.length === 0) return err(gapsError('empty', 'no units'));
  const out: UrbanRuralGap[] = [];
  for (let i = 0; i < units.length; i++) {
    const r = urbanRuralGap(units[i]!);
    if (!r.ok) return err({ ...r.error, index: i });
    out.push(r.value);
  }
  return ok(out);
}

/** Gap measures for one unit: both incomes must be > 0 (a ratio and logarithms are taken). */
export function urbanRuralGap(unit: UrbanRuralInput): Result<UrbanRuralGap, GapsError> {
  const { code, urban, rural, urbanPopulation: pu, ruralPopulation: pr } = unit;
  if (!Number.isFinite(urban) || !Number.isFinite(rural))
    return err(gapsError('non_finite', `${code}: incomes must be finite numbers`, { field: 'urban/rural' }));
  if (urban <= 0 || rural <= 0)
    return err(
      gapsError('non_positive_value', `${code}: urban and rural values must be > 0`, {
        field: 'urban/rural',
      }),
    );
  const base = { code, urban, rural, ratio: urban / rural, difference: urban - rural };
  if (pu === undefined || pr === undefined) return ok({ ...base, theil: null });
  if (!Number.isFinite(pu) || !Number.isFinite(pr))
    return err(
      gapsError('non_finite', `${code}: populations must be finite numbers`, { field: 'population' }),
    );
  if (pu < 0 || pr < 0)
    return err(gapsError('negative_weight', `${code}: negative population`, { field: 'population' }));
  if (pu + pr === 0)
    return err(gapsError('zero_total_weight', `${code}: both populations are zero`, { field: 'population' }));
  const share = pu / (pu + pr);
  const mean = share * urban + (1 - share) * rural;
  const su = (share * urban) / mean;
  const lu = Math.log(urban / mean);
  const lr = Math.log(rural / mean);
  // A half with no population contributes nothing (its share multiplies the log).
  const theilT = (share > 0 ? su * lu : 0) + (share < 1 ? (1 - su) * lr : 0);
  const theilL = (share > 0 ? -share * lu : 0) + (share < 1 ? -(1 - share) * lr : 0);
  return ok({
    ...base,
    theil: { urbanPopulationShare: share, urbanIncomeShare: su, mean, theilT, theilL },
  });
}
