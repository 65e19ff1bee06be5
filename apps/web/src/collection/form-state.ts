/**
 * What the user has typed in a form, against what the server holds. Values are sent as typed (the
 * server parses `1,234.5` and reports text that is no number as a located problem), each with the
 * version the user saw, so that a change made meanwhile by someone else is answered with a conflict
 * rather than overwritten.
 */
import type { EnteredValue, FieldView, FormView } from './collection-types';

/** The text in a field's input and comment box. */
export interface FieldDraft {
  readonly text: string;
  readonly comment: string;
}

export type Drafts = Readonly<Record<string, FieldDraft>>;

/** The inputs as the server's values fill them (empty where nothing is stored). */
export function initialDrafts(form: FormView): Drafts {
  const out: Record<string, FieldDraft> = {};
  for (const f of form.fields)
    out[f.indicatorCode] = {
      text: f.current === null ? '' : String(f.current.value),
      comment: f.current?.comment ?? '',
    };
  return out;
}

/** Typed text as a number the way the server reads it (thousands separators allowed), or undefined. */
export function parseTyped(text: string): number | undefined {
  const t = text.trim().replace(/[,，\s]/g, '');
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  const x = Number(t);
  return Number.isFinite(x) ? x : undefined;
}

function changed(field: FieldView, draft: FieldDraft): boolean {
  const text = draft.text.trim();
  const stored = field.current;
  if (draft.comment.trim() !== (stored?.comment ?? '')) return true;
  if (stored === null) return text !== '';
  if (text === '') return true;
  // "52000.0" or "52,000" for a stored 52000 is no change; text that is no number is (the server says why).
  return parseTyped(text) !== stored.value;
}

/** The values to send: only the fields whose value or comment differs from what is stored. */
export function changedValues(form: FormView, drafts: Drafts): EnteredValue[] {
  const out: EnteredValue[] = [];
  for (const f of form.fields) {
    const draft = drafts[f.indicatorCode];
    if (draft === undefined || !f.editable || !changed(f, draft)) continue;
    const text = draft.text.trim();
    const comment = draft.comment.trim();
    out.push({
      indicatorCode: f.indicatorCode,
      value: text === '' ? null : text,
      version: f.current?.version ?? 0,
      ...(comment !== '' || f.current?.comment ? { comment } : {}),
    });
  }
  return out;
}

/** Whether anything typed has not been saved yet. */
export function isDirty(form: FormView, drafts: Drafts): boolean {
  return changedValues(form, drafts).length > 0;
}

/**
 * Whether the typed value lies outside the field's outlier band, so that a comment will be asked for
 * (the server decides; this only tells the user before they save).
 */
export function outsideBand(field: FieldView, text: string): boolean {
  const x = parseTyped(text);
  if (x === undefined || field.band === null) return false;
  const { low, high } = field.band;
  return (low !== null && x < low) || (high !== null && x > high);
}
