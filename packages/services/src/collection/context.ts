/**
 * What one form (data set × unit × period) needs to be shown and checked: the data set and its compiled
 * rules, the unit, the period and its due date, the form's workflow row, the stored values, and the
 * unit's own past values (the previous period and the same period last year for `prev()`/`ly()`, and
 * the comparable periods of the outlier check).
 */
import {
  comparablePeriods,
  compileRules,
  dueDate,
  formatPeriod,
  inScope,
  parsePeriod,
  periodEndDate,
  periodFitsDataSet,
  periodStartDate,
  previousForRules,
  sameLastYear,
  type CompiledRule,
  type Period,
} from '@suocha/core';
import {
  getForm,
  getReportingUnit,
  getUnitValues,
  type FormRecord,
  type ReportingUnit,
  type StoredDataSet,
  type StoredValue,
  type Store,
} from '@suocha/store';
import { requireDataSet } from './datasets';
import { CollectionError } from './errors';

/** How many comparable past periods the outlier check looks at. */
export const HISTORY_PERIODS = 12;

export interface FormContext {
  readonly dataset: StoredDataSet;
  readonly rules: readonly CompiledRule[];
  readonly unit: ReportingUnit;
  readonly period: Period;
  readonly periodText: string;
  readonly periodEnd: string;
  readonly due: string;
  readonly form: FormRecord | undefined;
  readonly current: ReadonlyMap<string, StoredValue>;
  readonly prevPeriod: string | undefined;
  readonly lastYearPeriod: string;
  readonly prev: ReadonlyMap<string, number>;
  readonly lastYear: ReadonlyMap<string, number>;
  readonly history: ReadonlyMap<string, readonly number[]>;
}

export function compiledRules(dataset: StoredDataSet): CompiledRule[] {
  const r = compileRules(dataset.rules);
  // Definitions are checked before they are stored; a failure here means the table was edited by hand.
  if (!r.ok)
    throw new CollectionError(
      'BAD_REQUEST',
      `数据集 ${dataset.code} 的规则 ${r.error.ruleCode} 无效: ${r.error.message}`,
    );
  return r.value;
}

/** Parses a period and checks that the data set collects it. */
export function datasetPeriod(dataset: StoredDataSet, text: string): Period {
  const p = parsePeriod(text);
  if (!p.ok) throw new CollectionError('BAD_REQUEST', p.error.message);
  if (!periodFitsDataSet(p.value, dataset))
    throw new CollectionError(
      'BAD_REQUEST',
      `期间 ${formatPeriod(p.value)} 不属于该数据集 (the data set collects ${dataset.periodKind}${dataset.ytd ? ' year-to-date' : ''} periods)`,
    );
  return p.value;
}

/** Whether the unit reports to the data set for the period: its level, inside the scope, in force during the period. */
export function unitReports(
  dataset: StoredDataSet,
  scopePath: string,
  unit: ReportingUnit,
  period: Period,
): string | undefined {
  if (unit.level !== dataset.level)
    return `区划 ${unit.code} 不是${dataset.level}级, 不填报该数据集 (the data set is filled by ${dataset.level} units)`;
  if (!inScope(scopePath, unit.path))
    return `区划 ${unit.code} 不在数据集范围内 (outside the data set's scope ${dataset.scopeUnit})`;
  const end = periodEndDate(period);
  const start = periodStartDate(period);
  if ((unit.validFrom !== null && unit.validFrom > end) || (unit.validTo !== null && unit.validTo <= start))
    return `区划 ${unit.code} 在该期间不存在 (the unit did not exist in ${formatPeriod(period)})`;
  return undefined;
}

export async function loadFormContext(
  store: Store,
  datasetCode: string,
  unitCode: string,
  periodText: string,
): Promise<FormContext> {
  const dataset = await requireDataSet(store, datasetCode);
  const period = datasetPeriod(dataset, periodText);
  const unit = await getReportingUnit(store, unitCode);
  if (!unit)
    throw new CollectionError('UNIT_NOT_FOUND', `区划 ${unitCode} 不存在 (no unit with code ${unitCode})`);
  const scope = await getReportingUnit(store, dataset.scopeUnit);
  const why = unitReports(dataset, scope?.path ?? '\u0000', unit, period);
  if (why) throw new CollectionError('BAD_REQUEST', why);
  const text = formatPeriod(period);
  const prevP = previousForRules(period);
  const prevPeriod = prevP ? formatPeriod(prevP) : undefined;
  const lastYearPeriod = formatPeriod(sameLastYear(period));
  const comparable = comparablePeriods(period, HISTORY_PERIODS).map(formatPeriod);
  const periods = [...new Set([text, lastYearPeriod, ...(prevPeriod ? [prevPeriod] : []), ...comparable])];
  const codes = dataset.fields.map((f) => f.indicatorCode);
  const rows = await getUnitValues(store, unitCode, codes, periods);
  const current = new Map<string, StoredValue>();
  const prev = new Map<string, number>();
  const lastYear = new Map<string, number>();
  const byPeriod = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (r.period === text) current.set(r.indicatorCode, r);
    if (r.period === prevPeriod) prev.set(r.indicatorCode, r.value);
    if (r.period === lastYearPeriod) lastYear.set(r.indicatorCode, r.value);
    let m = byPeriod.get(r.period);
    if (!m) byPeriod.set(r.period, (m = new Map()));
    m.set(r.indicatorCode, r.value);
  }
  const history = new Map<string, number[]>();
  for (const code of codes) {
    const h: number[] = [];
    for (const p of comparable) {
      const v = byPeriod.get(p)?.get(code);
      if (v !== undefined) h.push(v);
    }
    history.set(code, h);
  }
  return {
    dataset,
    rules: compiledRules(dataset),
    unit,
    period,
    periodText: text,
    periodEnd: periodEndDate(period),
    due: dueDate(period, dataset),
    form: await getForm(store, datasetCode, unitCode, text),
    current,
    prevPeriod,
    lastYearPeriod,
    prev,
    lastYear,
    history,
  };
}
