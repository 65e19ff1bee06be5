import type { Store } from '../db';
import type { IndicatorsTable, PlansTable, TargetsTable } from '../schema';

export interface Indicator {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: string;
  readonly polarity: 'up' | 'down';
  readonly domain: string;
  readonly definition: string;
  readonly source: string;
}

export interface Plan {
  readonly code: string;
  readonly title: string;
  readonly issuer: string;
  readonly issuedOn: string;
  readonly scopeUnit: string;
  readonly source: string;
}

export type Comparator = TargetsTable['comparator'];

export interface Target {
  readonly id: number;
  readonly indicatorCode: string;
  readonly planCode: string;
  readonly unitCode: string;
  readonly year: number;
  readonly comparator: Comparator;
  readonly value: number;
  readonly baselinePeriod: string | null;
  readonly baselineValue: number | null;
  readonly source: string;
}

export type NewTarget = Omit<Target, 'id'>;

const toIndicator = (r: IndicatorsTable): Indicator => ({
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  unit: r.unit,
  polarity: r.polarity,
  domain: r.domain,
  definition: r.definition,
  source: r.source,
});

const toPlan = (r: PlansTable): Plan => ({
  code: r.code,
  title: r.title,
  issuer: r.issuer,
  issuedOn: r.issued_on,
  scopeUnit: r.scope_unit,
  source: r.source,
});

export async function listIndicators(store: Store): Promise<Indicator[]> {
  const rows = await store.db
    .selectFrom('indicators')
    .selectAll()
    .orderBy('domain')
    .orderBy('code')
    .execute();
  return rows.map(toIndicator);
}

export async function getIndicator(store: Store, code: string): Promise<Indicator | undefined> {
  const r = await store.db.selectFrom('indicators').selectAll().where('code', '=', code).executeTakeFirst();
  return r ? toIndicator(r) : undefined;
}

export async function listPlans(store: Store): Promise<Plan[]> {
  const rows = await store.db.selectFrom('plans').selectAll().orderBy('issued_on').orderBy('code').execute();
  return rows.map(toPlan);
}

export async function listTargets(
  store: Store,
  filter: { unitCode?: string; indicatorCode?: string; planCode?: string } = {},
): Promise<Target[]> {
  let q = store.db.selectFrom('targets').selectAll();
  if (filter.unitCode) q = q.where('unit_code', '=', filter.unitCode);
  if (filter.indicatorCode) q = q.where('indicator_code', '=', filter.indicatorCode);
  if (filter.planCode) q = q.where('plan_code', '=', filter.planCode);
  const rows = await q.orderBy('indicator_code').orderBy('year').orderBy('plan_code').execute();
  return rows.map((r) => ({
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
  }));
}

/**
 * Indicators, plans and targets in one transaction; existing keys are kept unchanged (loading twice
 * changes nothing). Returns how many of each were inserted.
 */
export async function insertCatalogue(
  store: Store,
  input: { indicators: readonly Indicator[]; plans: readonly Plan[]; targets: readonly NewTarget[] },
): Promise<{ indicators: number; plans: number; targets: number }> {
  return store.db.transaction().execute(async (trx) => {
    const counts = { indicators: 0, plans: 0, targets: 0 };
    for (const i of input.indicators) {
      const r = await trx
        .insertInto('indicators')
        .values({
          code: i.code,
          name_zh: i.nameZh,
          name_en: i.nameEn,
          unit: i.unit,
          polarity: i.polarity,
          domain: i.domain,
          definition: i.definition,
          source: i.source,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      counts.indicators += Number(r.numInsertedOrUpdatedRows ?? 0n);
    }
    for (const p of input.plans) {
      const r = await trx
        .insertInto('plans')
        .values({
          code: p.code,
          title: p.title,
          issuer: p.issuer,
          issued_on: p.issuedOn,
          scope_unit: p.scopeUnit,
          source: p.source,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      counts.plans += Number(r.numInsertedOrUpdatedRows ?? 0n);
    }
    for (const t of input.targets) {
      const r = await trx
        .insertInto('targets')
        .values({
          indicator_code: t.indicatorCode,
          plan_code: t.planCode,
          unit_code: t.unitCode,
          year: t.year,
          comparator: t.comparator,
          value: t.value,
          baseline_period: t.baselinePeriod,
          baseline_value: t.baselineValue,
          source: t.source,
        })
        .onConflict((oc) => oc.columns(['indicator_code', 'plan_code', 'unit_code', 'year']).doNothing())
        .executeTakeFirst();
      counts.targets += Number(r.numInsertedOrUpdatedRows ?? 0n);
    }
    return counts;
  });
}
