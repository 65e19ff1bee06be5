/**
 * The catalogue: indicators (with their units and polarity), plans (policy documents) and targets
 * (indicator × plan × unit × year × comparator × value). All three files are checked against each other and
 * against the hierarchy before anything is written: a target with an unknown indicator, plan or unit, a
 * comparator that contradicts the indicator's polarity, or a non-numeric value stops the load.
 */
import { basename } from 'node:path';
import type { ImportProblem } from '@suocha/core';
import {
  insertCatalogue,
  type Comparator,
  type Indicator,
  type NewTarget,
  type Plan,
  type Store,
} from '@suocha/store';
import { readCsvFile, RowReader } from '../io/csv';

const COMPARATORS: readonly string[] = ['>=', '>', '<=', '<', '='];

export interface CatalogueFiles {
  readonly indicators: readonly string[];
  readonly plans: string;
  readonly targets: string;
}

export async function loadCatalogue(
  store: Store,
  files: CatalogueFiles,
): Promise<
  | { ok: true; inserted: { indicators: number; plans: number; targets: number } }
  | { ok: false; problems: ImportProblem[] }
> {
  const problems: ImportProblem[] = [];
  const indicators: Indicator[] = [];
  const seen = new Map<string, string>();
  for (const path of files.indicators) {
    const file = basename(path);
    const csv = await readCsvFile(path, {
      required: ['code', 'name_zh', 'name_en', 'unit', 'polarity', 'domain', 'definition'],
    });
    problems.push(...csv.problems);
    const r = new RowReader(file, problems);
    for (const row of csv.rows) {
      const code = r.text(row, 'code', { required: true });
      const polarity = r.text(row, 'polarity', { required: true });
      if (polarity && polarity !== 'up' && polarity !== 'down')
        r.problem(row, 'polarity', 'BAD_POLARITY', `polarity 应为 up 或 down: "${polarity}"`);
      if (code && !/^[a-z][a-z0-9_]*$/.test(code))
        r.problem(row, 'code', 'BAD_CODE', `指标代码只能含小写字母、数字和下划线: "${code}"`);
      if (seen.has(code))
        r.problem(
          row,
          'code',
          'DUPLICATE_CODE',
          `重复的指标代码 duplicate indicator ${code} (also in ${seen.get(code)})`,
        );
      seen.set(code, `${file}:${row.line}`);
      indicators.push({
        code,
        nameZh: r.text(row, 'name_zh', { required: true }),
        nameEn: r.text(row, 'name_en', { required: true }),
        unit: r.text(row, 'unit', { required: true }),
        polarity: polarity === 'down' ? 'down' : 'up',
        domain: r.text(row, 'domain', { required: true }),
        definition: r.text(row, 'definition'),
        source: r.text(row, 'source') || file,
      });
    }
  }
  const polarity = new Map(indicators.map((i) => [i.code, i.polarity]));

  const unitsExist = async (codes: string[]): Promise<Set<string>> => {
    const out = new Set<string>();
    const uniq = [...new Set(codes)];
    for (let i = 0; i < uniq.length; i += 500) {
      const rows = await store.db
        .selectFrom('units')
        .select('code')
        .where('code', 'in', uniq.slice(i, i + 500))
        .execute();
      for (const u of rows) out.add(u.code);
    }
    return out;
  };

  const plansCsv = await readCsvFile(files.plans, {
    required: ['plan', 'title', 'issuer', 'issued_on', 'scope_unit', 'source'],
  });
  problems.push(...plansCsv.problems);
  const rp = new RowReader(basename(files.plans), problems);
  const planUnits = await unitsExist(plansCsv.rows.map((row) => (row.values.scope_unit ?? '').trim()));
  const plans: Plan[] = [];
  for (const row of plansCsv.rows) {
    const scopeUnit = rp.text(row, 'scope_unit', { required: true });
    const issuedOn = rp.text(row, 'issued_on', { required: true });
    if (scopeUnit && !planUnits.has(scopeUnit))
      rp.problem(row, 'scope_unit', 'UNKNOWN_UNIT', `区划 ${scopeUnit} 不存在 (unknown unit)`);
    if (issuedOn && !/^\d{4}(-\d{2}-\d{2})?$/.test(issuedOn))
      rp.problem(row, 'issued_on', 'BAD_DATE', `发布日期应为 YYYY-MM-DD 或 YYYY: "${issuedOn}"`);
    plans.push({
      code: rp.text(row, 'plan', { required: true }),
      title: rp.text(row, 'title', { required: true }),
      issuer: rp.text(row, 'issuer'),
      issuedOn,
      scopeUnit,
      source: rp.text(row, 'source'),
    });
  }
  const planCodes = new Set(plans.map((p) => p.code));

  const targetsCsv = await readCsvFile(files.targets, {
    required: ['indicator', 'plan', 'scope_unit', 'year', 'comparator', 'value', 'source'],
  });
  problems.push(...targetsCsv.problems);
  const rt = new RowReader(basename(files.targets), problems);
  const targetUnits = await unitsExist(targetsCsv.rows.map((row) => (row.values.scope_unit ?? '').trim()));
  const targets: NewTarget[] = [];
  const keys = new Map<string, number>();
  for (const row of targetsCsv.rows) {
    const indicatorCode = rt.text(row, 'indicator', { required: true });
    const planCode = rt.text(row, 'plan', { required: true });
    const unitCode = rt.text(row, 'scope_unit', { required: true });
    const year = rt.number(row, 'year');
    const comparator = rt.text(row, 'comparator', { required: true });
    const value = rt.number(row, 'value');
    if (indicatorCode && !polarity.has(indicatorCode))
      rt.problem(row, 'indicator', 'UNKNOWN_INDICATOR', `未知指标 unknown indicator "${indicatorCode}"`);
    if (planCode && !planCodes.has(planCode))
      rt.problem(row, 'plan', 'UNKNOWN_PLAN', `未知规划 unknown plan "${planCode}"`);
    if (unitCode && !targetUnits.has(unitCode))
      rt.problem(row, 'scope_unit', 'UNKNOWN_UNIT', `区划 ${unitCode} 不存在 (unknown unit)`);
    if (year !== null && (!Number.isInteger(year) || year < 1949 || year > 2100))
      rt.problem(row, 'year', 'BAD_YEAR', `目标年份无效 invalid year ${year}`);
    if (comparator && !COMPARATORS.includes(comparator))
      rt.problem(row, 'comparator', 'BAD_COMPARATOR', `比较符应为 >=, >, <=, <, =: "${comparator}"`);
    const pol = polarity.get(indicatorCode);
    if (
      pol &&
      ((pol === 'up' && comparator.startsWith('<')) || (pol === 'down' && comparator.startsWith('>')))
    ) {
      rt.problem(
        row,
        'comparator',
        'COMPARATOR_POLARITY',
        `比较符 ${comparator} 与指标方向 ${pol === 'up' ? '越大越好' : '越小越好'} 不符 (comparator contradicts polarity ${pol})`,
      );
    }
    const key = `${indicatorCode}|${planCode}|${unitCode}|${year}`;
    if (keys.has(key))
      rt.problem(
        row,
        undefined,
        'DUPLICATE_TARGET',
        `同一规划对同一指标、区划、年份重复设定目标 (duplicate of line ${keys.get(key)})`,
      );
    keys.set(key, row.line);
    if (year === null || value === null) continue;
    targets.push({
      indicatorCode,
      planCode,
      unitCode,
      year,
      comparator: comparator as Comparator,
      value,
      baselinePeriod: null,
      baselineValue: null,
      source: rt.text(row, 'source'),
    });
  }
  if (problems.length) return { ok: false, problems };
  const inserted = await insertCatalogue(store, { indicators, plans, targets });
  return { ok: true, inserted };
}
