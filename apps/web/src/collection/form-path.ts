/**
 * The form page's address: /collection/form/<dataset>/<unit>/<period> (the `form` sub-page of
 * router/routes.ts, whose parameter is the three parts joined by `/`).
 */

export interface FormKey {
  readonly dataset: string;
  readonly unit: string;
  readonly period: string;
}

export function formPagePath(key: FormKey): string {
  return `/collection/form/${encodeURIComponent(key.dataset)}/${encodeURIComponent(key.unit)}/${encodeURIComponent(key.period)}`;
}

/** The form a sub-page parameter names, or null when it is not three parts. */
export function parseFormParam(param: string): FormKey | null {
  const parts = param.split('/');
  if (parts.length !== 3) return null;
  const [dataset, unit, period] = parts;
  if (!dataset || !unit || !period) return null;
  return { dataset, unit, period };
}

/** The choice page, remembering what was chosen so that "back" returns to it. */
export function choicePath(key: Partial<FormKey>): string {
  const q = new URLSearchParams();
  if (key.dataset) q.set('dataset', key.dataset);
  if (key.unit) q.set('unit', key.unit);
  if (key.period) q.set('period', key.period);
  const s = q.toString();
  return s === '' ? '/collection' : `/collection?${s}`;
}

/** The choice in the query of /collection (each part may be missing). */
export function readChoice(search: string): Partial<FormKey> {
  const q = new URLSearchParams(search);
  const out: { dataset?: string; unit?: string; period?: string } = {};
  const dataset = q.get('dataset');
  const unit = q.get('unit');
  const period = q.get('period');
  if (dataset) out.dataset = dataset;
  if (unit) out.unit = unit;
  if (period) out.period = period;
  return out;
}
