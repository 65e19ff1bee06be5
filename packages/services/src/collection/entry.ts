/**
 * Entering values in a form and moving it through the workflow (issue 3 §3–§4). Everything is checked
 * before anything is stored: type, range, rules across the form's values, and outliers against the
 * unit's history (a comment confirms one); then the values are written with optimistic versions, all or
 * nothing. Submitting also requires every required field.
 */
import {
  checkComment,
  checkForm,
  FORM_TRANSITIONS,
  parseValue,
  transitionForm,
  type FormAction,
  type ImportProblem,
  type ValueProblem,
} from '@suocha/core';
import {
  applyFormTransition,
  saveFormValues,
  type FormRecord,
  type Store,
  type ValueWrite,
} from '@suocha/store';
import { loadFormContext, type FormContext } from './context';
import { CollectionError } from './errors';
import { viewOf, type FormView } from './form';

export interface EnteredValue {
  readonly indicatorCode: string;
  /** A number, numeric text as typed, or null/'' to clear the value. */
  readonly value: number | string | null;
  /** The version of the value the writer saw (0 when there was none). */
  readonly version: number;
  readonly comment?: string;
}

export interface SaveFormRequest {
  readonly datasetCode: string;
  readonly unitCode: string;
  readonly period: string;
  readonly values: readonly EnteredValue[];
  /** When given, the form must still be at this version. */
  readonly formVersion?: number;
  readonly reason?: string;
  readonly by: string;
  readonly at: string;
  /** Recorded as the values' source, e.g. "填报 web" or "api". */
  readonly source?: string;
}

export interface SaveFormResponse {
  readonly written: number;
  readonly unchanged: number;
  /** Rule failures of severity warning: reported, not blocking. */
  readonly warnings: readonly ImportProblem[];
  readonly form: FormView;
}

/** Problems of a form as located problems: the field is the column, the rule code is named in the message. */
export function formProblems(problems: readonly ValueProblem[], file = 'form'): ImportProblem[] {
  return problems.map((p) => ({
    code: p.code,
    file,
    line: 0,
    ...(p.indicatorCode ? { column: p.indicatorCode } : {}),
    message: p.ruleCode ? `[${p.ruleCode}] ${p.message}` : p.message,
  }));
}

function formNotDraft(form: FormRecord | undefined, action: string): CollectionError {
  return new CollectionError(
    'CONFLICT',
    `表单当前状态为 ${form?.state ?? '—'}, 不能${action === 'save' ? '修改' : '执行此操作'} (the form is ${form?.state ?? 'missing'}${form ? `, version ${form.version}` : ''})`,
    form ? { form } : {},
  );
}

/** Checks the values after the change; throws VALIDATION_FAILED with every error, returns warnings. */
function validate(ctx: FormContext, writes: readonly ValueWrite[], complete: boolean): ImportProblem[] {
  const values = new Map<string, number>();
  const comments = new Map<string, string>();
  for (const [code, v] of ctx.current) {
    values.set(code, v.value);
    comments.set(code, v.comment);
  }
  for (const w of writes) {
    if (w.value === null) values.delete(w.indicatorCode);
    else values.set(w.indicatorCode, w.value);
    comments.set(w.indicatorCode, w.comment);
  }
  const problems = checkForm({
    dataset: ctx.dataset,
    rules: ctx.rules,
    values,
    comments,
    prev: ctx.prev,
    lastYear: ctx.lastYear,
    history: ctx.history,
    complete,
  });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length)
    throw new CollectionError(
      'VALIDATION_FAILED',
      `校验未通过 (${errors.length} problem(s)): ${errors.map((p) => p.message).join('; ')}`,
      {
        problems: formProblems(errors),
      },
    );
  return formProblems(problems.filter((p) => p.severity === 'warning'));
}

export async function saveForm(store: Store, req: SaveFormRequest): Promise<SaveFormResponse> {
  const ctx = await loadFormContext(store, req.datasetCode, req.unitCode, req.period);
  if (ctx.form && ctx.form.state !== 'draft') throw formNotDraft(ctx.form, 'save');
  const fields = new Set(ctx.dataset.fields.map((f) => f.indicatorCode));
  const problems: ValueProblem[] = [];
  const writes: ValueWrite[] = [];
  const seen = new Set<string>();
  for (const v of req.values) {
    if (!fields.has(v.indicatorCode)) {
      problems.push({
        code: 'UNKNOWN_INDICATOR',
        severity: 'error',
        indicatorCode: v.indicatorCode,
        message: `指标 ${v.indicatorCode} 不在该数据集中 (not a field of the data set)`,
      });
      continue;
    }
    if (seen.has(v.indicatorCode)) {
      problems.push({
        code: 'DUPLICATE_VALUE',
        severity: 'error',
        indicatorCode: v.indicatorCode,
        message: '同一指标填写了两次 (the same field twice)',
      });
      continue;
    }
    seen.add(v.indicatorCode);
    const parsed = parseValue(v.value, v.indicatorCode);
    const comment = (v.comment ?? '').trim();
    const c = checkComment(comment, v.indicatorCode);
    if (!parsed.ok) problems.push(parsed.problem);
    problems.push(...c);
    if (parsed.ok && c.length === 0)
      writes.push({
        indicatorCode: v.indicatorCode,
        value: parsed.value,
        comment,
        expectedVersion: v.version,
      });
  }
  if (problems.length)
    throw new CollectionError(
      'VALIDATION_FAILED',
      `输入有误 (${problems.length} problem(s)): ${problems.map((p) => p.message).join('; ')}`,
      {
        problems: formProblems(problems),
      },
    );
  const warnings = validate(ctx, writes, false);
  const r = await saveFormValues(store, {
    datasetCode: ctx.dataset.code,
    unitCode: ctx.unit.code,
    provinceCode: ctx.unit.provinceCode,
    period: ctx.periodText,
    periodEnd: ctx.periodEnd,
    values: writes,
    ...(req.formVersion === undefined ? {} : { expectedFormVersion: req.formVersion }),
    by: req.by,
    at: req.at,
    reason: req.reason ?? '',
    source: req.source ?? `填报 ${ctx.dataset.code}`,
  });
  if (r.kind === 'form_state') throw formNotDraft(r.form, 'save');
  if (r.kind === 'conflict')
    throw new CollectionError(
      'CONFLICT',
      `数值已被他人修改 (changed by someone else since you loaded it): ${r.conflicts
        .map(
          (c) =>
            `${c.indicatorCode}: stored ${c.stored ? `${c.stored.value} v${c.stored.version} (${c.stored.status})` : 'none'}, yours ${c.attempted.value ?? 'none'} from v${c.attempted.version}`,
        )
        .join('; ')}`,
      { conflicts: r.conflicts },
    );
  const after = await loadFormContext(store, req.datasetCode, req.unitCode, req.period);
  return { written: r.written, unchanged: r.unchanged, warnings, form: await viewOf(store, after) };
}

export interface FormActionRequest {
  readonly datasetCode: string;
  readonly unitCode: string;
  readonly period: string;
  readonly action: Exclude<FormAction, 'save'>;
  readonly reason?: string;
  /** When given, the form must still be at this version. */
  readonly formVersion?: number;
  readonly by: string;
  readonly at: string;
}

/** Submit, approve, return, lock or reopen a form. Submitting runs the full check, required fields included. */
export async function actOnForm(
  store: Store,
  req: FormActionRequest,
): Promise<{ form: FormView; warnings: readonly ImportProblem[] }> {
  const ctx = await loadFormContext(store, req.datasetCode, req.unitCode, req.period);
  const state = ctx.form?.state ?? 'draft';
  const reason = (req.reason ?? '').trim();
  const t = transitionForm(state, req.action, reason);
  if (!t.ok) {
    if (t.error.code === 'REASON_REQUIRED')
      throw new CollectionError('VALIDATION_FAILED', t.error.message, {
        problems: [
          { code: 'REASON_REQUIRED', file: 'form', line: 0, column: 'reason', message: t.error.message },
        ],
      });
    throw new CollectionError('CONFLICT', t.error.message, ctx.form ? { form: ctx.form } : {});
  }
  const c = checkComment(reason, 'reason');
  if (c.length)
    throw new CollectionError('VALIDATION_FAILED', c.map((p) => p.message).join('; '), {
      problems: formProblems(c),
    });
  let warnings: ImportProblem[] = [];
  if (req.action === 'submit') {
    if (ctx.current.size === 0)
      throw new CollectionError('VALIDATION_FAILED', '表单没有任何数值, 不能上报 (nothing entered)', {
        problems: [
          { code: 'EMPTY_FORM', file: 'form', line: 0, message: '表单没有任何数值 (nothing entered)' },
        ],
      });
    warnings = validate(ctx, [], true);
  }
  const rule = FORM_TRANSITIONS[req.action];
  const seen = ctx.form?.version ?? 0;
  if (req.formVersion !== undefined && req.formVersion !== seen) throw formNotDraft(ctx.form, req.action);
  const r = await applyFormTransition(store, {
    datasetCode: ctx.dataset.code,
    unitCode: ctx.unit.code,
    provinceCode: ctx.unit.provinceCode,
    period: ctx.periodText,
    action: req.action,
    from: rule.from,
    to: rule.to,
    // The version that was checked above: a save slipping in between makes this a conflict.
    expectedVersion: seen,
    by: req.by,
    at: req.at,
    reason,
  });
  if (r.kind === 'conflict') throw formNotDraft(r.form, req.action);
  const after = await loadFormContext(store, req.datasetCode, req.unitCode, req.period);
  return { form: await viewOf(store, after), warnings };
}
