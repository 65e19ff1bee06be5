/** The fields by which plans' targets are matched and ordered. */
export interface PlanTargetKey {
  readonly indicator: string;
  /** Scope unit code of the target. */
  readonly unit: string;
  readonly year: number;
  /** Plan id. */
  readonly plan: string;
  /** The plan's issue date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (plans.csv gives only a year for one plan). */
  readonly planIssuedOn: string;
}

export type Governed<T extends PlanTargetKey> = T & {
  /** This target is the one that counts for its indicator, unit and year. */
  readonly governing: boolean;
  /** Plan id of the governing target when this one is superseded, else null. */
  readonly supersededBy: string | null;
  /**
   * The order of issue could not be established (equal dates, or a year-only date overlapping the other),
   * so the governing target was chosen by the latest possible issue date, then by plan id.
   */
  readonly ambiguous: boolean;
};

/** Earliest and latest day a possibly partial ISO date can denote. */
function dateRange(d: string): readonly [string, string] {
  const s = d.trim();
  if (/^\d{4}$/.test(s)) return [`${s}-01-01`, `${s}-12-31`];
  if (/^\d{4}-\d{2}$/.test(s)) return [`${s}-01`, `${s}-31`];
  return [s, s];
}

/**
 * Which target governs when several plans set one for the same indicator, unit and year (METHODS.md §1,
 * DESIGN.md "the later plan wins and both stay visible"): the plan issued later. Returns every input
 * target in input order, each marked governing or `supersededBy` the governing plan. Issue dates may be
 * partial; if the later plan cannot be told for certain, the one with the latest possible date (then
 * the greater plan id) governs and the group is flagged `ambiguous`.
 */
export function governingTargets<T extends PlanTargetKey>(targets: readonly T[]): Governed<T>[] {
  const groups = new Map<string, number[]>();
  targets.forEach((t, i) => {
    const key = `${t.indicator}\u0000${t.unit}\u0000${t.year}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const winner = new Map<number, { readonly index: number; readonly ambiguous: boolean }>();
  for (const idx of groups.values()) {
    const ranked = [...idx].sort((a, b) => {
      const ta = targets[a];
      const tb = targets[b];
      if (ta === undefined || tb === undefined) return 0;
      const [, ea] = dateRange(ta.planIssuedOn);
      const [, eb] = dateRange(tb.planIssuedOn);
      if (ea !== eb) return ea < eb ? 1 : -1;
      return ta.plan < tb.plan ? 1 : ta.plan > tb.plan ? -1 : 0;
    });
    const top = ranked[0];
    if (top === undefined) continue;
    const topRange = dateRange(targets[top]?.planIssuedOn ?? '');
    // Certain only if the winner's earliest possible date is after every other's latest possible date.
    const ambiguous = ranked
      .slice(1)
      .some((i) => dateRange(targets[i]?.planIssuedOn ?? '')[1] >= topRange[0]);
    for (const i of idx) winner.set(i, { index: top, ambiguous });
  }
  return targets.map((t, i) => {
    const w = winner.get(i);
    const governing = w === undefined || w.index === i;
    const by = w === undefined || governing ? null : (targets[w.index]?.plan ?? null);
    return { ...t, governing, supersededBy: by, ambiguous: w?.ambiguous ?? false };
  });
}

/**
 * The target to judge now when an indicator has several target years (METHODS.md §1, "judge against the
 * next one"): among governing targets for one indicator and unit, the earliest whose year has not ended
 * by `asOf` (a year counts as ended on its last day, as in `periodEndedBy`); when all have ended, the
 * last one. Undefined for an empty list.
 */
export function nextTarget<T extends { readonly year: number }>(
  targets: readonly T[],
  asOf: string,
): T | undefined {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  return sorted.find((t) => asOf < `${t.year}-12-31`) ?? sorted[sorted.length - 1];
}
