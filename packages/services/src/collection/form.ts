/**
 * The entry form of one data set × unit × period (issue 3 §2): each field with its current value,
 * status and version, the previous period's value and the same period last year beside it, the target
 * the plans set, and the band of values the outlier check accepts; the form's state, due date and
 * timeliness, its rules, and its event log.
 */
import {
  assessOutlier,
  FORM_ACTIONS,
  formActionsFrom,
  timeliness,
  type FormAction,
  type FormState,
  type OutlierMethod,
  type Timeliness,
  type ValidationRuleDef,
} from '@suocha/core';
import {
  getFormEvents,
  getIndicatorDepartments,
  listIndicators,
  listPlans,
  listTargets,
  type FormEvent,
  type Store,
  type Target,
} from '@suocha/store';
import { loadFormContext, type FormContext } from './context';

export interface FieldView {
  readonly indicatorCode: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Unit of measure. */
  readonly unit: string;
  readonly polarity: 'up' | 'down';
  readonly departmentCode: string | null;
  readonly valueType: 'number' | 'integer';
  readonly min: number | null;
  readonly max: number | null;
  readonly required: boolean;
  readonly softMin: number | null;
  readonly softMax: number | null;
  readonly current: {
    readonly value: number;
    readonly version: number;
    readonly status: FormState;
    readonly comment: string;
    readonly updatedAt: string;
    readonly updatedBy: string;
  } | null;
  readonly previous: { readonly period: string; readonly value: number } | null;
  readonly lastYear: { readonly period: string; readonly value: number } | null;
  readonly target: {
    readonly year: number;
    readonly comparator: string;
    readonly value: number;
    readonly planCode: string;
  } | null;
  /** Values outside [low, high] need a comment (null: no outlier check possible for this field). */
  readonly band: {
    readonly method: OutlierMethod;
    readonly low: number | null;
    readonly high: number | null;
  } | null;
}

export interface FormView {
  readonly dataset: {
    readonly code: string;
    readonly nameZh: string;
    readonly nameEn: string;
    readonly periodKind: string;
    readonly ytd: boolean;
    readonly level: string;
    readonly version: number;
  };
  readonly unit: {
    readonly code: string;
    readonly name: string;
    readonly level: string;
    readonly parentCode: string | null;
  };
  readonly period: string;
  readonly periodEnd: string;
  readonly dueDate: string;
  /** The form's state ('draft' when nothing was entered yet). */
  readonly state: FormState;
  /** Form version for optimistic checks of submit/approve (0 when nothing was entered yet). */
  readonly formVersion: number;
  readonly firstSubmittedAt: string | null;
  readonly submittedAt: string | null;
  readonly submittedBy: string | null;
  readonly approvedAt: string | null;
  readonly approvedBy: string | null;
  readonly lockedAt: string | null;
  readonly lockedBy: string | null;
  readonly timeliness: Timeliness | null;
  /** Actions the workflow allows from this state (the server keeps those the actor may take). */
  readonly actions: readonly FormAction[];
  readonly fields: readonly FieldView[];
  readonly rules: readonly ValidationRuleDef[];
  readonly events: readonly FormEvent[];
}

/**
 * The target for the period's year: the nearest target year at or after it; when two plans set that
 * year, the later plan (by issue date) wins — DESIGN.md "the later plan wins and both stay visible".
 */
export function targetFor(
  targets: readonly Target[],
  issued: ReadonlyMap<string, string>,
  year: number,
): Target | undefined {
  const ahead = targets.filter((t) => t.year >= year);
  if (!ahead.length) return undefined;
  const nearest = Math.min(...ahead.map((t) => t.year));
  return ahead
    .filter((t) => t.year === nearest)
    .sort((a, b) => (issued.get(a.planCode) ?? '').localeCompare(issued.get(b.planCode) ?? ''))
    .at(-1);
}

export function formView(
  ctx: FormContext,
  extra: {
    indicators: Map<
      string,
      { nameZh: string; nameEn: string; unit: string; polarity: 'up' | 'down'; departmentCode: string | null }
    >;
    targets: readonly Target[];
    issued: ReadonlyMap<string, string>;
    events: readonly FormEvent[];
  },
): FormView {
  const state: FormState = ctx.form?.state ?? 'draft';
  const fields = ctx.dataset.fields.map((f): FieldView => {
    const ind = extra.indicators.get(f.indicatorCode);
    const cur = ctx.current.get(f.indicatorCode);
    const prev = ctx.prev.get(f.indicatorCode);
    const ly = ctx.lastYear.get(f.indicatorCode);
    const target = targetFor(
      extra.targets.filter((t) => t.indicatorCode === f.indicatorCode),
      extra.issued,
      ctx.period.year,
    );
    // The band the check implies: assess a neutral value only to read low/high.
    const a = assessOutlier(0, ctx.history.get(f.indicatorCode) ?? [], ctx.dataset.outlier, f);
    return {
      indicatorCode: f.indicatorCode,
      nameZh: ind?.nameZh ?? f.indicatorCode,
      nameEn: ind?.nameEn ?? '',
      unit: ind?.unit ?? '',
      polarity: ind?.polarity ?? 'up',
      departmentCode: ind?.departmentCode ?? null,
      valueType: f.valueType,
      min: f.min,
      max: f.max,
      required: f.required,
      softMin: f.softMin,
      softMax: f.softMax,
      current: cur
        ? {
            value: cur.value,
            version: cur.version,
            status: cur.status,
            comment: cur.comment,
            updatedAt: cur.updatedAt,
            updatedBy: cur.updatedBy,
          }
        : null,
      previous: prev !== undefined && ctx.prevPeriod ? { period: ctx.prevPeriod, value: prev } : null,
      lastYear: ly !== undefined ? { period: ctx.lastYearPeriod, value: ly } : null,
      target: target
        ? { year: target.year, comparator: target.comparator, value: target.value, planCode: target.planCode }
        : null,
      band: a.assessed ? { method: a.method, low: a.low ?? null, high: a.high ?? null } : null,
    };
  });
  const f = ctx.form;
  return {
    dataset: {
      code: ctx.dataset.code,
      nameZh: ctx.dataset.nameZh,
      nameEn: ctx.dataset.nameEn,
      periodKind: ctx.dataset.periodKind,
      ytd: ctx.dataset.ytd,
      level: ctx.dataset.level,
      version: ctx.dataset.version,
    },
    unit: {
      code: ctx.unit.code,
      name: ctx.unit.name,
      level: ctx.unit.level,
      parentCode: ctx.unit.parentCode,
    },
    period: ctx.periodText,
    periodEnd: ctx.periodEnd,
    dueDate: ctx.due,
    state,
    formVersion: f?.version ?? 0,
    firstSubmittedAt: f?.firstSubmittedAt ?? null,
    submittedAt: f?.submittedAt ?? null,
    submittedBy: f?.submittedBy ?? null,
    approvedAt: f?.approvedAt ?? null,
    approvedBy: f?.approvedBy ?? null,
    lockedAt: f?.lockedAt ?? null,
    lockedBy: f?.lockedBy ?? null,
    timeliness: f?.firstSubmittedAt ? timeliness(f.firstSubmittedAt, ctx.due) : null,
    actions: FORM_ACTIONS.filter((a) => formActionsFrom(state).includes(a)),
    fields,
    rules: ctx.dataset.rules,
    events: extra.events,
  };
}

export async function viewOf(store: Store, ctx: FormContext): Promise<FormView> {
  const [indicators, targets, plans] = await Promise.all([
    listIndicators(store),
    listTargets(store, { unitCode: ctx.unit.code }),
    listPlans(store),
  ]);
  const departments = await getIndicatorDepartments(store);
  return formView(ctx, {
    indicators: new Map(
      indicators.map((i) => [i.code, { ...i, departmentCode: departments.get(i.code) ?? null }] as const),
    ),
    targets,
    issued: new Map(plans.map((p) => [p.code, p.issuedOn] as const)),
    events: ctx.form ? await getFormEvents(store, ctx.form.id) : [],
  });
}

/** The form of one data set × unit × period (404/400 as CollectionError when it does not exist). */
export async function loadForm(
  store: Store,
  datasetCode: string,
  unitCode: string,
  period: string,
): Promise<FormView> {
  return viewOf(store, await loadFormContext(store, datasetCode, unitCode, period));
}
