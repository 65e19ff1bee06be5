import type { TargetEdit } from '../api/types';

type Comparator = TargetEdit['comparator'];

/**
 * Comparators that agree with an indicator's direction (the server refuses others): a "higher is better"
 * target is a floor (≥, >), a "lower is better" one a ceiling (≤, <).
 */
export function comparatorsFor(polarity: 'up' | 'down'): readonly Comparator[] {
  return polarity === 'up' ? ['>=', '>'] : ['<=', '<'];
}

export const LAST_TARGET_YEAR = 2100;

/** The first year a plan's targets may be set for: the year it was issued (`2023` or `2023-10-17`). */
export function firstTargetYear(issuedOn: string | undefined): number {
  const m = /^(\d{4})/.exec(issuedOn ?? '');
  return m === null ? 2000 : Number(m[1]);
}

export interface EditDraft {
  readonly comparator: string;
  readonly value: string;
  readonly year: string;
}

export type EditCheck =
  | { readonly ok: true; readonly body: TargetEdit }
  | { readonly ok: false; readonly value: boolean; readonly year: boolean; readonly comparator: boolean };

/**
 * Checks the inline form before sending: a finite number (commas as thousands separators allowed), a whole
 * year from the plan's year to 2100, a comparator of the indicator's direction. The server checks again.
 */
export function checkEdit(draft: EditDraft, polarity: 'up' | 'down', firstYear: number): EditCheck {
  const valueText = draft.value.replace(/[,，\s]/g, '');
  const value = valueText === '' ? Number.NaN : Number(valueText);
  const year = /^\d{4}$/.test(draft.year.trim()) ? Number(draft.year.trim()) : Number.NaN;
  const comparator = comparatorsFor(polarity).find((c) => c === draft.comparator);
  const valueOk = Number.isFinite(value);
  const yearOk = Number.isInteger(year) && year >= firstYear && year <= LAST_TARGET_YEAR;
  if (valueOk && yearOk && comparator !== undefined) return { ok: true, body: { comparator, value, year } };
  return { ok: false, value: !valueOk, year: !yearOk, comparator: comparator === undefined };
}
