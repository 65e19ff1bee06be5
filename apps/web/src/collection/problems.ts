/**
 * Where each problem of a refused save or submission is shown. The server locates a form's problems by
 * column = indicator code and names a failed rule as `[rule_code] message`; a rule concerns every field
 * its expression reads, so its message is shown beside each of them, and once in the summary.
 */
import type { CollectionProblem, ValidationRule, ValueConflict, FieldView } from './collection-types';

export interface PlacedProblems {
  /** Problems by indicator code, in the server's order. */
  readonly byField: ReadonlyMap<string, readonly CollectionProblem[]>;
  /** Every problem once, for the summary above the form. */
  readonly summary: readonly CollectionProblem[];
}

const RULE_PREFIX = /^\[([^\]]+)\]\s*/;

/** The rule code a problem message names (`[urban_ge_rural] …`), if any. */
export function ruleCodeOf(problem: CollectionProblem): string | undefined {
  return problem.code === 'RULE_FAILED' ? RULE_PREFIX.exec(problem.message)?.[1] : undefined;
}

/** The field codes a rule's expression reads (`urban_income >= rural_income * 1.0` → both fields). */
export function ruleFields(rule: ValidationRule, fieldCodes: ReadonlySet<string>): string[] {
  const words = rule.expression.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  return [...new Set(words.filter((w) => fieldCodes.has(w)))];
}

export function placeProblems(
  problems: readonly CollectionProblem[],
  fields: readonly Pick<FieldView, 'indicatorCode'>[],
  rules: readonly ValidationRule[],
): PlacedProblems {
  const codes = new Set(fields.map((f) => f.indicatorCode));
  const byField = new Map<string, CollectionProblem[]>();
  const add = (code: string, p: CollectionProblem) => {
    const list = byField.get(code);
    if (list === undefined) byField.set(code, [p]);
    else if (!list.includes(p)) list.push(p);
  };
  for (const p of problems) {
    const rule = rules.find((r) => r.code === ruleCodeOf(p));
    const targets = rule === undefined ? [] : ruleFields(rule, codes);
    if (p.column !== undefined && codes.has(p.column)) add(p.column, p);
    for (const code of targets) add(code, p);
  }
  return { byField, summary: problems };
}

/** A problem's message without the rule prefix (the field it sits beside says which values). */
export function problemText(problem: CollectionProblem): string {
  return problem.message.replace(RULE_PREFIX, '');
}

export interface ConflictRow {
  readonly indicatorCode: string;
  readonly name: string;
  /** What this user tried to save (null: clearing the value). */
  readonly yours: number | null;
  /** What is stored now, by whom and when (null: the value was deleted meanwhile). */
  readonly theirs: number | null;
  readonly theirsBy: string | null;
  readonly theirsAt: string | null;
  readonly theirsStatus: string | null;
  readonly reason: ValueConflict['reason'];
}

/** The 409 conflicts as rows "yours vs theirs", named as the form names its fields. */
export function conflictRows(
  conflicts: readonly ValueConflict[],
  fields: readonly FieldView[],
  language: 'zh-CN' | 'en',
): ConflictRow[] {
  return conflicts.map((c) => {
    const field = fields.find((f) => f.indicatorCode === c.indicatorCode);
    const name =
      field === undefined
        ? c.indicatorCode
        : language === 'en' && field.nameEn !== ''
          ? field.nameEn
          : field.nameZh;
    return {
      indicatorCode: c.indicatorCode,
      name,
      yours: c.attempted.value,
      theirs: c.stored?.value ?? null,
      theirsBy: c.stored?.updatedBy ?? null,
      theirsAt: c.stored?.updatedAt ?? null,
      theirsStatus: c.stored?.status ?? null,
      reason: c.reason,
    };
  });
}
