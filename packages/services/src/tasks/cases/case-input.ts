/**
 * Checks a case before it is written (issue 8 §3): title, summary and full text must not be empty, tags are
 * trimmed and de-duplicated, lengths are bounded. Errors are values with a stable code.
 */
import { err, ok, type Result } from '@suocha/core';
import type { CaseFields } from '@suocha/store';

export type CaseProblemCode =
  | 'EMPTY_TEXT'
  | 'TOO_LONG'
  | 'BAD_TAG'
  | 'UNIT_NOT_FOUND'
  | 'PILOT_NOT_FOUND'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT';

export interface CaseProblem {
  readonly code: CaseProblemCode;
  /** The offending field, where there is one. */
  readonly field?: string;
  readonly message: string;
}

export interface CaseInput {
  readonly title: string;
  readonly unitCode: string;
  readonly tags?: readonly string[] | undefined;
  readonly summary: string;
  readonly body: string;
  readonly pilotCode?: string | null | undefined;
  readonly source?: string | undefined;
}

export const CASE_LIMITS = {
  title: 200,
  summary: 2_000,
  body: 200_000,
  tag: 40,
  tags: 20,
  source: 500,
} as const;

const FIELD_NAMES = {
  title: ['标题', 'title'],
  summary: ['摘要', 'summary'],
  body: ['正文', 'full text'],
} as const;

/** The fields to store, or the first problem found. Text counts as empty when only whitespace. */
export function validateCaseInput(input: CaseInput): Result<CaseFields, CaseProblem> {
  for (const f of ['title', 'summary', 'body'] as const) {
    const v = input[f].trim();
    if (v === '')
      return err({
        code: 'EMPTY_TEXT',
        field: f,
        message: `案例${FIELD_NAMES[f][0]}不能为空 (the case's ${FIELD_NAMES[f][1]} must not be empty)`,
      });
    if (v.length > CASE_LIMITS[f])
      return err({
        code: 'TOO_LONG',
        field: f,
        message: `${FIELD_NAMES[f][0]} 超过 ${CASE_LIMITS[f]} 字 (the ${FIELD_NAMES[f][1]} is longer than ${CASE_LIMITS[f]} characters)`,
      });
  }
  const tags: string[] = [];
  for (const raw of input.tags ?? []) {
    const t = raw.trim();
    if (t === '') continue;
    if (t.length > CASE_LIMITS.tag)
      return err({ code: 'BAD_TAG', field: 'tags', message: `标签过长 tag too long: "${t}"` });
    if (!tags.includes(t)) tags.push(t);
  }
  if (tags.length > CASE_LIMITS.tags)
    return err({
      code: 'BAD_TAG',
      field: 'tags',
      message: `标签至多 ${CASE_LIMITS.tags} 个 (at most ${CASE_LIMITS.tags} tags)`,
    });
  const source = (input.source ?? '').trim();
  if (source.length > CASE_LIMITS.source)
    return err({
      code: 'TOO_LONG',
      field: 'source',
      message: `来源过长 (source longer than ${CASE_LIMITS.source})`,
    });
  const pilot = input.pilotCode?.trim();
  return ok({
    title: input.title.trim(),
    unitCode: input.unitCode.trim(),
    tags,
    summary: input.summary.trim(),
    body: input.body.trim(),
    pilotCode: pilot === undefined || pilot === '' ? null : pilot,
    source,
  });
}
