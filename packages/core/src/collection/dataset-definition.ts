/**
 * Checks a data set definition before it is stored (issue 3 §2): codes, names, period kind, due day,
 * fields that are known indicators with consistent ranges, rules that parse and refer only to the data
 * set's own fields, and outlier settings. Every problem is listed with the path of the offending part.
 */
import { isUnitLevel } from '../hierarchy/levels';
import type { Period } from '../period';
import { compileRule } from './rules';
import {
  COLLECTION_PERIOD_KINDS,
  MISSING_STRATEGIES,
  OUTLIER_METHODS,
  VALUE_TYPES,
  type DataSetDefinition,
} from './types';

export interface DefinitionProblem {
  readonly code: string;
  /** Where in the definition, e.g. `fields.2.min` or `rules.0.expression`. */
  readonly path: string;
  readonly message: string;
}

export const DATASET_CODE = /^[a-z][a-z0-9_]{1,63}$/;

export function checkDataSetDefinition(
  def: DataSetDefinition,
  knownIndicators: ReadonlySet<string>,
): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const add = (code: string, path: string, message: string) => out.push({ code, path, message });
  if (!DATASET_CODE.test(def.code))
    add(
      'BAD_CODE',
      'code',
      '代码应为小写字母开头的字母、数字、下划线 (code: lowercase letter, then a-z 0-9 _; 2–64 characters)',
    );
  if (def.nameZh.trim() === '') add('EMPTY_NAME', 'nameZh', '中文名称不能为空 (Chinese name required)');
  if (!COLLECTION_PERIOD_KINDS.includes(def.periodKind))
    add('BAD_PERIOD_KIND', 'periodKind', `未知期间类型 "${def.periodKind}"`);
  if (def.ytd && def.periodKind === 'year')
    add('BAD_YTD', 'ytd', '年度数据不能为累计值 (a yearly data set cannot be year-to-date)');
  if (!Number.isInteger(def.dueDay) || def.dueDay < 1 || def.dueDay > 31)
    add('BAD_DUE_DAY', 'dueDay', '截止日应为 1–31 (due day must be 1–31)');
  if (!Number.isInteger(def.dueOffsetMonths) || def.dueOffsetMonths < 0 || def.dueOffsetMonths > 12)
    add('BAD_DUE_OFFSET', 'dueOffsetMonths', '截止月份偏移应为 0–12 (due month offset must be 0–12)');
  if (!isUnitLevel(def.level) || def.level === 'country')
    add('BAD_LEVEL', 'level', `填报层级无效 "${def.level}"`);
  if (def.fields.length === 0) add('NO_FIELDS', 'fields', '至少需要一个指标 (at least one indicator)');
  if (def.fields.length > 500) add('TOO_MANY_FIELDS', 'fields', '指标过多 (at most 500)');
  const codes = new Set<string>();
  def.fields.forEach((f, i) => {
    const p = `fields.${i}`;
    if (codes.has(f.indicatorCode))
      add('DUPLICATE_FIELD', `${p}.indicatorCode`, `指标重复 duplicate indicator "${f.indicatorCode}"`);
    codes.add(f.indicatorCode);
    if (!knownIndicators.has(f.indicatorCode))
      add('UNKNOWN_INDICATOR', `${p}.indicatorCode`, `未知指标 unknown indicator "${f.indicatorCode}"`);
    if (!VALUE_TYPES.includes(f.valueType))
      add('BAD_VALUE_TYPE', `${p}.valueType`, `未知类型 "${f.valueType}"`);
    for (const k of ['min', 'max', 'softMin', 'softMax'] as const) {
      const v = f[k];
      if (v !== null && !Number.isFinite(v))
        add('BAD_BOUND', `${p}.${k}`, '界限应为有限数值 (bound must be finite)');
    }
    if (f.min !== null && f.max !== null && f.min > f.max)
      add('BAD_RANGE', `${p}.max`, '上限小于下限 (max < min)');
    if (f.softMin !== null && f.softMax !== null && f.softMin > f.softMax)
      add('BAD_RANGE', `${p}.softMax`, '预警上限小于预警下限 (softMax < softMin)');
  });
  const ruleCodes = new Set<string>();
  def.rules.forEach((r, i) => {
    const p = `rules.${i}`;
    if (!DATASET_CODE.test(r.code)) add('BAD_CODE', `${p}.code`, `规则代码无效 "${r.code}"`);
    if (ruleCodes.has(r.code)) add('DUPLICATE_RULE', `${p}.code`, `规则重复 duplicate rule "${r.code}"`);
    ruleCodes.add(r.code);
    if (!MISSING_STRATEGIES.includes(r.missing))
      add('BAD_MISSING', `${p}.missing`, `未知缺失值策略 "${r.missing}"`);
    if (r.severity !== 'error' && r.severity !== 'warning')
      add('BAD_SEVERITY', `${p}.severity`, `未知级别 "${String(r.severity)}"`);
    const c = compileRule(r);
    if (!c.ok) {
      add('BAD_EXPRESSION', `${p}.expression`, c.error.message);
      return;
    }
    for (const ref of c.value.refs)
      if (!codes.has(ref.code))
        add(
          'RULE_REFERENCE',
          `${p}.expression`,
          `规则引用了数据集之外的指标 "${ref.code}" (rule refers to an indicator outside the data set)`,
        );
  });
  if (!OUTLIER_METHODS.includes(def.outlier.method))
    add('BAD_OUTLIER', 'outlier.method', `未知方法 "${def.outlier.method}"`);
  if (!(def.outlier.threshold > 0) || !Number.isFinite(def.outlier.threshold))
    add('BAD_OUTLIER', 'outlier.threshold', '阈值应为正数 (threshold must be positive)');
  if (!Number.isInteger(def.outlier.minHistory) || def.outlier.minHistory < 2 || def.outlier.minHistory > 100)
    add('BAD_OUTLIER', 'outlier.minHistory', '最少历史期数应为 2–100 (minHistory must be 2–100)');
  return out;
}

/** Whether a period is one the data set collects: the same kind, year-to-date exactly when it is. */
export function periodFitsDataSet(p: Period, def: Pick<DataSetDefinition, 'periodKind' | 'ytd'>): boolean {
  return p.kind === def.periodKind && p.ytd === def.ytd;
}
