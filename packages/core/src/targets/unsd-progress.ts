import { meetsTarget } from './comparator';
import { targetStatus, type TargetStatusResult } from './target-status';
import type { NoDataReason, ObservationInput, ProgressOptions, TargetSpec } from './types';

export type UnsdClass =
  'achieved' | 'on_track' | 'acceleration_needed' | 'stagnation_or_regression' | 'no_data';

export interface UnsdProgressResult {
  readonly status: UnsdClass;
  readonly reason: NoDataReason | null;
  /** Q = (projected y_T − y_0)/(y* − y_0). */
  readonly q: number | null;
  /** The Open SDG computation it is built on (projection, baseline, series). */
  readonly detail: TargetStatusResult;
}

/**
 * Alternative progress measure of the UN Statistics Division used by EUSTAT (METHODS.md §1; UNSD "Progress
 * Chart Technical Note" 2023, the basis of EUSTAT's SDG progress methodology): Q = (projected y_T − y_0)/(y* − y_0), with y_T projected at the
 * observed rate (`projectValue`); Q ≥ 0.95 on track, 0.10 ≤ Q < 0.95 acceleration needed, Q < 0.10
 * stagnation or regression. Same inputs as `targetStatus`. A baseline already at or beyond the target
 * level gives no meaningful Q: not achieved then counts as regression.
 */
export function unsdProgress(
  target: TargetSpec,
  observations: readonly ObservationInput[],
  options: ProgressOptions,
): UnsdProgressResult {
  const detail = targetStatus(target, observations, options);
  if (detail.status === 'achieved') return { status: 'achieved', reason: null, q: null, detail };
  if (detail.status === 'no_data') return { status: 'no_data', reason: detail.reason, q: null, detail };
  const y0 = detail.baseline?.value;
  const projected = detail.projected;
  const distance = y0 === undefined ? 0 : target.value - y0;
  const rightWay = detail.polarity === 'up' ? distance > 0 : distance < 0;
  if (
    y0 === undefined ||
    projected === null ||
    !rightWay ||
    meetsTarget(y0, target.comparator, target.value, options.tolerance ?? 0)
  )
    return { status: 'stagnation_or_regression', reason: null, q: null, detail };
  const q = (projected - y0) / distance;
  const status =
    q >= 0.95 - 1e-9 ? 'on_track' : q >= 0.1 - 1e-9 ? 'acceleration_needed' : 'stagnation_or_regression';
  return { status, reason: null, q, detail };
}
