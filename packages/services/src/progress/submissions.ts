/**
 * Expected submissions from the collection module, for the `missing_submission` warning: for every data
 * set, each period whose form fell due within the look-back window before the as-of date (and after the
 * data set was defined), the units that are expected to report it (collection `reportingRate`: level,
 * scope, units in force in the period) and the state of their form. A unit that never entered anything is
 * `missing`; one whose form is a draft (never sent, or returned for correction) is `draft`.
 */
import { dueDate, formatPeriod, type Period, type PeriodKind } from '@suocha/core';
import { listDataSets, type Store } from '@suocha/store';
import { reportingRate } from '../collection/reporting';
import type { ExpectedSubmission, SubmissionSource } from './warning-rules';

const PARTS: Readonly<Record<PeriodKind, number>> = { year: 1, half: 2, quarter: 4, month: 12 };

/** ISO date `months` months before `iso` (day clamped). */
function monthsBefore(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(iso.slice(8, 10)), last);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A `SubmissionSource` over the collection tables. `lookbackMonths` (default 12) bounds how far back
 * overdue forms are looked for.
 */
export function collectionSubmissions(
  store: Store,
  options: { readonly lookbackMonths?: number } = {},
): SubmissionSource {
  const lookback = options.lookbackMonths ?? 12;
  return async (asOf: string): Promise<ExpectedSubmission[]> => {
    const from = monthsBefore(asOf, lookback);
    const out: ExpectedSubmission[] = [];
    // End of the as-of day in China Standard Time, the deadlines' time zone.
    const now = new Date(Date.parse(`${asOf}T23:59:59+08:00`)).toISOString();
    for (const ds of await listDataSets(store)) {
      const defined = ds.createdAt.slice(0, 10);
      const year = Number(asOf.slice(0, 4));
      for (let y = year - 2; y <= year; y++)
        for (let index = 1; index <= PARTS[ds.periodKind]; index++) {
          const period: Period = {
            kind: ds.periodKind,
            year: y,
            index,
            ytd: ds.ytd && ds.periodKind !== 'year',
          };
          const due = dueDate(period, ds);
          if (!(due < asOf && due >= from && due >= defined)) continue;
          const view = await reportingRate(store, {
            datasetCode: ds.code,
            period: formatPeriod(period),
            now,
          });
          for (const u of view.units) {
            if (u.status !== 'overdue') continue;
            out.push({
              datasetCode: ds.code,
              datasetName: ds.nameZh,
              unitCode: u.code,
              period: view.period,
              dueDate: view.dueDate,
              state: u.state === null ? 'missing' : 'draft',
              indicators: ds.fields.map((f) => f.indicatorCode),
            });
          }
        }
    }
    return out;
  };
}
