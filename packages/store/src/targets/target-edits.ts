/**
 * Editing one target of the catalogue (指标与目标, issue 4 §6): its comparator, value and year. The plans'
 * documents stay the source; an edit corrects a transcription or records a revised figure, so the previous
 * values are returned with the new ones for the caller to log who changed what and when.
 */
import type { Selectable } from 'kysely';
import type { Store } from '../db';
import type { TargetsTable } from '../schema';
import type { Comparator, Target } from './catalogue-repo';

export interface TargetChange {
  readonly comparator: Comparator;
  readonly value: number;
  readonly year: number;
}

export type TargetEditResult =
  | { readonly kind: 'not_found' }
  /** Another target of the same plan already sets this indicator and unit for the new year. */
  | { readonly kind: 'conflict'; readonly other: Target }
  | { readonly kind: 'updated'; readonly before: Target; readonly after: Target };

const toTarget = (r: Selectable<TargetsTable>): Target => ({
  id: r.id,
  indicatorCode: r.indicator_code,
  planCode: r.plan_code,
  unitCode: r.unit_code,
  year: r.year,
  comparator: r.comparator,
  value: r.value,
  baselinePeriod: r.baseline_period,
  baselineValue: r.baseline_value,
  source: r.source,
});

export async function getTarget(store: Store, id: number): Promise<Target | undefined> {
  const r = await store.db.selectFrom('targets').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toTarget(r) : undefined;
}

/**
 * Sets a target's comparator, value and year in one transaction. The key (indicator, plan, unit, year) is
 * unique, so moving a target onto a year its plan already sets for the same indicator and unit is a
 * conflict, reported rather than raised as a constraint error.
 */
export async function updateTarget(
  store: Store,
  id: number,
  change: TargetChange,
): Promise<TargetEditResult> {
  return store.db.transaction().execute(async (trx): Promise<TargetEditResult> => {
    const row = await trx.selectFrom('targets').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return { kind: 'not_found' };
    const before = toTarget(row);
    if (change.year !== before.year) {
      const other = await trx
        .selectFrom('targets')
        .selectAll()
        .where('indicator_code', '=', before.indicatorCode)
        .where('plan_code', '=', before.planCode)
        .where('unit_code', '=', before.unitCode)
        .where('year', '=', change.year)
        .where('id', '<>', id)
        .executeTakeFirst();
      if (other) return { kind: 'conflict', other: toTarget(other) };
    }
    await trx
      .updateTable('targets')
      .set({ comparator: change.comparator, value: change.value, year: change.year })
      .where('id', '=', id)
      .execute();
    return {
      kind: 'updated',
      before,
      after: { ...before, comparator: change.comparator, value: change.value, year: change.year },
    };
  });
}
