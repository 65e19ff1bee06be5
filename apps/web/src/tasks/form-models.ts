/**
 * The page's forms as pure functions: what the user typed → the request body, or the reason it cannot be
 * sent. The server checks again (and is the authority); these only spare a round trip for the obvious.
 */
import type { IssueOrderInputDto } from '@suocha/contract';
import { dayNumber } from './deadline-model';
import type { TaskUpdateBody } from './tasks-api';

export type FormResult<T> =
  { readonly ok: true; readonly body: T } | { readonly ok: false; readonly field: string };

/** Attachment names, one a line: trimmed, blank lines dropped, duplicates kept once, at most 50. */
export function attachmentNames(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const name = line.trim();
    if (name !== '' && !out.includes(name)) out.push(name);
  }
  return out.slice(0, 50);
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && dayNumber(s) !== undefined;

export interface UpdateForm {
  readonly date: string;
  readonly text: string;
  readonly attachments: string;
  /** '' = unchanged. */
  readonly status: string;
  /** '' = none. */
  readonly milestoneId: string;
  readonly milestoneDone: boolean;
}

const STATUSES = new Set(['not_started', 'in_progress', 'completed', 'cancelled']);

/** A dated progress update (进展情况) with evidence text and attachment names. */
export function updateBody(form: UpdateForm): FormResult<TaskUpdateBody> {
  if (!isDate(form.date)) return { ok: false, field: 'date' };
  const text = form.text.trim();
  if (text === '') return { ok: false, field: 'text' };
  const status = STATUSES.has(form.status) ? (form.status as TaskUpdateBody['status']) : undefined;
  return {
    ok: true,
    body: {
      date: form.date,
      text,
      attachments: attachmentNames(form.attachments),
      ...(status === undefined ? {} : { status }),
      ...(form.milestoneId === ''
        ? {}
        : { milestoneId: form.milestoneId, milestoneDone: form.milestoneDone }),
    },
  };
}

export interface IssueForm {
  readonly title: string;
  readonly requirement: string;
  readonly unit: string;
  readonly department: string;
  readonly dueDate: string;
}

/** A hand-issued 督办单: matter, requirement, addressee and deadline are all required (issue 8, bad input). */
export function issueBody(form: IssueForm): FormResult<IssueOrderInputDto> {
  const title = form.title.trim();
  const requirement = form.requirement.trim();
  if (title === '') return { ok: false, field: 'title' };
  if (requirement === '') return { ok: false, field: 'requirement' };
  if (!/^\d{6,12}$/.test(form.unit)) return { ok: false, field: 'unit' };
  if (!isDate(form.dueDate)) return { ok: false, field: 'dueDate' };
  const department = form.department.trim();
  return {
    ok: true,
    body: {
      title,
      requirement,
      addressee: department === '' ? { unit: form.unit } : { unit: form.unit, department },
      dueDate: form.dueDate,
    },
  };
}
