/**
 * Everything checked before a form's values are stored (issue 3 §3): type and hard range of each value,
 * the data set's validation rules across values (DHIS2 validation rules), the outlier check of each
 * value against the unit's own history (a comment confirms an outlier), and at submission that every
 * required field is filled.
 */
import { checkValue } from './values';
import { assessOutlier, type OutlierAssessment } from './outliers';
import { evaluateRule, type CompiledRule } from './rules';
import type { DataSetDefinition, ValueProblem } from './types';

/** Read access by indicator code: a Map, or anything cheaper that answers `get`. */
export interface CodeLookup<T> {
  get(code: string): T | undefined;
}

export interface FormCheckInput {
  readonly dataset: DataSetDefinition;
  readonly rules: readonly CompiledRule[];
  /** The form's values as they would be after the change (present values only). */
  readonly values: CodeLookup<number>;
  /** Comments on the values (a non-empty comment confirms an outlier). */
  readonly comments: CodeLookup<string>;
  /** Values of the period `prev()` refers to, and of the same period last year (`ly()`). */
  readonly prev: CodeLookup<number>;
  readonly lastYear: CodeLookup<number>;
  /** Comparable past values of each indicator for this unit, oldest first. */
  readonly history: CodeLookup<readonly number[]>;
  /** At submission every required field must be present. */
  readonly complete: boolean;
}

/** Six significant digits: enough to tell numbers apart in a message without float noise. */
export function formatProblemNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

export function outlierMessage(value: number, a: OutlierAssessment): string {
  const band = `[${a.low === undefined ? '−∞' : formatProblemNumber(a.low)}, ${a.high === undefined ? '+∞' : formatProblemNumber(a.high)}]`;
  const score =
    a.score === undefined
      ? ''
      : `, ${a.method === 'zscore' ? 'z' : 'modified z'} = ${formatProblemNumber(a.score)}`;
  return `${formatProblemNumber(value)} 偏离本单位历史数据 ${band}${score}; 请填写说明以确认 (outlier against the unit's history; confirm it with a comment)`;
}

/** The problems of a form, errors and warnings, fields in the data set's order and then rules. */
export function checkForm(input: FormCheckInput): ValueProblem[] {
  const out: ValueProblem[] = [];
  const { dataset } = input;
  for (const f of dataset.fields) {
    const v = input.values.get(f.indicatorCode);
    if (v === undefined) {
      if (input.complete && f.required)
        out.push({
          code: 'REQUIRED',
          severity: 'error',
          indicatorCode: f.indicatorCode,
          message: '必填项未填写 (required value missing)',
        });
      continue;
    }
    const typed = checkValue(f, v);
    out.push(...typed);
    if (typed.length) continue;
    const a = assessOutlier(v, input.history.get(f.indicatorCode) ?? [], dataset.outlier, f);
    if (a.outlier && (input.comments.get(f.indicatorCode) ?? '').trim() === '')
      out.push({
        code: 'OUTLIER_NEEDS_COMMENT',
        severity: 'error',
        indicatorCode: f.indicatorCode,
        message: outlierMessage(v, a),
      });
  }
  const lookup = (code: string, ref: 'cur' | 'prev' | 'ly') =>
    (ref === 'cur' ? input.values : ref === 'prev' ? input.prev : input.lastYear).get(code);
  for (const rule of input.rules) {
    const r = evaluateRule(rule, lookup);
    if (r.status !== 'fail') continue;
    const first = rule.refs.find((x) => x.ref === 'cur');
    out.push({
      code: 'RULE_FAILED',
      severity: rule.def.severity,
      ruleCode: rule.def.code,
      ...(first ? { indicatorCode: first.code } : {}),
      message: `${rule.def.messageZh || rule.def.expression} (${rule.def.expression}: ${formatProblemNumber(r.left)} vs ${formatProblemNumber(r.right)})${rule.def.messageEn ? ` ${rule.def.messageEn}` : ''}`,
    });
  }
  return out;
}
