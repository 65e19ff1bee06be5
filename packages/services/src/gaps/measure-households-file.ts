/**
 * 收入差距 from a household micro-data file: read (CSV or xlsx, validated, streaming), then every measure
 * of METHODS.md §3 with Theil T/L decomposed by urban/rural, city or county. The result is plain JSON.
 */
import { extname } from 'node:path';
import {
  err,
  householdMeasures,
  ok,
  type GapsError,
  type HouseholdMeasures,
  type Result,
} from '@suocha/core';
import { readHouseholdsCsv } from './read-households-csv';
import { readHouseholdsXlsx } from './read-households-xlsx';
import type { HouseholdFileError, HouseholdProgress, HouseholdUnitLookup } from './household-table';

export type HouseholdGroupBy = 'urban_rural' | 'city' | 'county';

export interface MeasureHouseholdsOptions {
  /** Valid unit codes and their city and county. */
  readonly units: HouseholdUnitLookup;
  /** Grouping(s) to decompose Theil T and L by (default urban/rural). */
  readonly by?: HouseholdGroupBy | readonly HouseholdGroupBy[] | undefined;
  /** Middle-income band on per-capita income × multiplier (default [100 000, 500 000) × 3). */
  readonly middle?:
    | {
        readonly lower?: number | undefined;
        readonly upper?: number | undefined;
        readonly multiplier?: number | undefined;
      }
    | undefined;
  /** Low-income line on per-capita income (persons below it are counted). */
  readonly lowLine?: number | undefined;
  readonly lorenzPoints?: number | undefined;
  readonly displayName?: string | undefined;
}

export interface HouseholdFileMeasures {
  readonly file: string;
  readonly households: number;
  readonly incomeColumn: 'per_capita_income' | 'household_income';
  readonly by: readonly HouseholdGroupBy[];
  /** How zero and negative incomes were treated (METHODS.md §3). */
  readonly treatment: string;
  readonly measures: HouseholdMeasures;
}

export type MeasureHouseholdsError =
  | HouseholdFileError
  | { readonly code: 'UNSUPPORTED_FILE_TYPE'; readonly file: string; readonly message: string }
  | {
      readonly code: 'MEASURE_FAILED';
      readonly file: string;
      readonly message: string;
      readonly cause: GapsError;
    };

const TREATMENT =
  'Gini, Lorenz, deciles, quintiles, S80/S20, Palma, middle-income and low-income shares use every household; ' +
  'Theil T, Theil L and Atkinson ε = 1, 2 exclude incomes ≤ 0, Atkinson ε = 0.5 excludes incomes < 0; ' +
  'each measure reports the excluded households and persons. 收入 ≤ 0 的住户计入基尼系数等, 不计入泰尔指数和阿特金森指数 (ε ≥ 1).';

export async function measureHouseholdsFile(
  path: string,
  options: MeasureHouseholdsOptions,
  onProgress?: HouseholdProgress,
): Promise<Result<HouseholdFileMeasures, MeasureHouseholdsError>> {
  const ext = extname(path.replace(/\.gz$/i, '')).toLowerCase();
  const importOptions = { units: options.units, displayName: options.displayName };
  const read =
    ext === '.csv'
      ? await readHouseholdsCsv(path, importOptions, onProgress)
      : ext === '.xlsx'
        ? await readHouseholdsXlsx(path, importOptions, onProgress)
        : undefined;
  if (!read)
    return err({
      code: 'UNSUPPORTED_FILE_TYPE',
      file: path,
      message: `不支持的文件类型 (unsupported file type) "${ext}": use .csv, .csv.gz or .xlsx`,
    });
  if (!read.ok) return read;
  const table = read.value;
  const by =
    options.by === undefined
      ? ['urban_rural' as const]
      : typeof options.by === 'string'
        ? [options.by]
        : [...options.by];
  onProgress?.({ rows: table.households, stage: 'measuring' });
  const measured = householdMeasures(table.data, {
    decompose: by,
    middleIncome: options.middle,
    lowIncomeLine: options.lowLine,
    lorenzPoints: options.lorenzPoints,
  });
  if (!measured.ok)
    return err({
      code: 'MEASURE_FAILED',
      file: table.file,
      message: measured.error.message,
      cause: measured.error,
    });
  return ok({
    file: table.file,
    households: table.households,
    incomeColumn: table.incomeColumn,
    by,
    treatment: TREATMENT,
    measures: measured.value,
  });
}
