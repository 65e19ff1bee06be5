/**
 * The import page's flow (issue 7 §2 and §6): a file is first checked by a dry run that lists every problem
 * and writes nothing; only a clean dry run of exactly that file for exactly that month unlocks the import,
 * which is all or nothing. Choosing another file or month throws the dry run away.
 */
import type { ProjectImportProblemDto, ProjectImportReportDto } from '@suocha/contract';

export type ImportFormat = 'xlsx' | 'csv';

export const CONTENT_TYPES: Readonly<Record<ImportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** The format of a file by its name (the server reads the same two). */
export function importFormat(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

/** What identifies "the same file for the same month": a new pick of the file counts as another file. */
export interface ImportTarget {
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
  readonly month: string;
  /** Increases with each pick, so that re-picking an edited file with the same name and size is new. */
  readonly pick: number;
}

export function sameTarget(a: ImportTarget | null, b: ImportTarget | null): boolean {
  return (
    a !== null &&
    b !== null &&
    a.name === b.name &&
    a.size === b.size &&
    a.lastModified === b.lastModified &&
    a.month === b.month &&
    a.pick === b.pick
  );
}

export type ImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'checking'; readonly target: ImportTarget }
  | { readonly phase: 'checked'; readonly target: ImportTarget; readonly report: ProjectImportReportDto }
  | { readonly phase: 'importing'; readonly target: ImportTarget; readonly report: ProjectImportReportDto }
  | { readonly phase: 'imported'; readonly target: ImportTarget; readonly report: ProjectImportReportDto }
  | { readonly phase: 'refused'; readonly target: ImportTarget; readonly report: ProjectImportReportDto }
  | { readonly phase: 'error'; readonly target: ImportTarget | null; readonly error: Error };

export type ImportAction =
  | { readonly type: 'reset' }
  | { readonly type: 'dryRunStarted'; readonly target: ImportTarget }
  | {
      readonly type: 'dryRunAnswered';
      readonly target: ImportTarget;
      readonly report: ProjectImportReportDto;
    }
  | { readonly type: 'importStarted'; readonly target: ImportTarget }
  | {
      readonly type: 'importAnswered';
      readonly target: ImportTarget;
      readonly report: ProjectImportReportDto;
    }
  | { readonly type: 'failed'; readonly target: ImportTarget; readonly error: Error };

const targetOf = (s: ImportState): ImportTarget | null => ('target' in s ? s.target : null);

/** The next state; answers for a file or month no longer chosen are ignored (the user moved on). */
export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'reset':
      return { phase: 'idle' };
    case 'dryRunStarted':
      return { phase: 'checking', target: action.target };
    case 'dryRunAnswered':
      if (state.phase !== 'checking' || !sameTarget(state.target, action.target)) return state;
      return { phase: 'checked', target: action.target, report: action.report };
    case 'importStarted':
      if (!canImport(state, action.target) || state.phase !== 'checked') return state;
      return { phase: 'importing', target: action.target, report: state.report };
    case 'importAnswered':
      if (state.phase !== 'importing' || !sameTarget(state.target, action.target)) return state;
      return {
        phase: action.report.written ? 'imported' : 'refused',
        target: action.target,
        report: action.report,
      };
    case 'failed':
      if (!sameTarget(targetOf(state), action.target)) return state;
      return { phase: 'error', target: action.target, error: action.error };
  }
}

/** Import is allowed only after a clean dry run (no problem, not written) of this very file and month. */
export function canImport(state: ImportState, current: ImportTarget | null): boolean {
  return (
    state.phase === 'checked' &&
    state.report.ok &&
    state.report.dryRun &&
    state.report.problems.length === 0 &&
    sameTarget(state.target, current)
  );
}

/**
 * Problems in reading order: file-level ones (row 0) first, then by sheet, row and column, so the list
 * walks down the workbook as the user will when fixing it.
 */
export function sortProblems(problems: readonly ProjectImportProblemDto[]): ProjectImportProblemDto[] {
  return [...problems].sort(
    (a, b) =>
      Number(a.row !== 0) - Number(b.row !== 0) ||
      a.sheet.localeCompare(b.sheet) ||
      a.row - b.row ||
      columnNumber(a.column) - columnNumber(b.column),
  );
}

/** `A` → 1, `Z` → 26, `AA` → 27; no column → 0 (whole row first). */
export function columnNumber(column: string | null): number {
  if (column === null || !/^[A-Za-z]+$/.test(column)) return 0;
  let n = 0;
  for (const ch of column.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
