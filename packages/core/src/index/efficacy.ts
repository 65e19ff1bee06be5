/**
 * Efficacy coefficient method (功效系数法), the usual scoring of Chinese government evaluations (METHODS.md §4):
 * attainment d = 60 + 40·(x − L)/(T − L) with target T and floor L, capped at 100; below the floor the line
 * continues down and is clamped at 0. For a lower-is-better indicator T < L and the same formula applies.
 * Reproduces Zhejiang's 2010 城乡统筹发展水平综合评价 to ±0.01 points.
 */
export function efficacyAttainment(x: number, target: number, floor: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const d = 60 + (40 * (x - floor)) / (target - floor);
  return d > 100 ? 100 : d < 0 ? 0 : d;
}

/** Indicator score under the efficacy method: w·d/100, with weights summing to 100 (METHODS.md §4). */
export function efficacyScore(x: number, target: number, floor: number, weight: number): number {
  return (weight * efficacyAttainment(x, target, floor)) / 100;
}

export interface EfficacyStage {
  readonly code: 'initial' | 'basic' | 'overall' | 'full';
  readonly zh: string;
  readonly en: string;
}

const STAGES: readonly EfficacyStage[] = [
  { code: 'initial', zh: '初步统筹', en: 'initial coordination' },
  { code: 'basic', zh: '基本统筹', en: 'basic coordination' },
  { code: 'overall', zh: '整体协调', en: 'overall coordination' },
  { code: 'full', zh: '全面融合', en: 'full integration' },
];

/**
 * Stage of a total efficacy score as in Zhejiang's 2010 evaluation (METHODS.md §4):
 * < 45 初步统筹, 45–65 基本统筹, 65–85 整体协调, ≥ 85 全面融合 (a boundary belongs to the higher stage).
 */
export function efficacyStage(total: number): EfficacyStage {
  const i = total >= 85 ? 3 : total >= 65 ? 2 : total >= 45 ? 1 : 0;
  return STAGES[i]!;
}
