import { describe, expect, it } from 'vitest';
import type { ProjectImportProblemDto, ProjectImportReportDto } from '@suocha/contract';
import {
  canImport,
  columnNumber,
  importFormat,
  importReducer,
  sortProblems,
  type ImportState,
  type ImportTarget,
} from './import-model';

const target = (pick: number, month = '2025-11'): ImportTarget => ({
  name: 'f.xlsx',
  size: 1000,
  lastModified: 1,
  month,
  pick,
});

function reportOf(patch: Partial<ProjectImportReportDto> = {}): ProjectImportReportDto {
  return {
    ok: true,
    dryRun: true,
    written: false,
    file: 'f.xlsx',
    format: 'xlsx',
    month: '2025-11',
    rows: 3,
    reports: 3,
    newVersions: 0,
    unchanged: 0,
    problems: [],
    problemCount: 0,
    timings: { read: 1, check: 1, write: 0 },
    ...patch,
  };
}

const problem = (sheet: string, row: number, column: string | null): ProjectImportProblemDto => ({
  code: 'REPORT_NEGATIVE_INVESTMENT',
  sheet,
  row,
  column,
  columnName: null,
  projectCode: null,
  message: 'x',
});

describe('import flow', () => {
  it('unlocks the import after a clean dry run of the same file and month only', () => {
    let s: ImportState = importReducer({ phase: 'idle' }, { type: 'dryRunStarted', target: target(1) });
    s = importReducer(s, { type: 'dryRunAnswered', target: target(1), report: reportOf() });
    expect(s.phase).toBe('checked');
    expect(canImport(s, target(1))).toBe(true);
    expect(canImport(s, target(2))).toBe(false);
    expect(canImport(s, target(1, '2025-10'))).toBe(false);
    s = importReducer(s, { type: 'importStarted', target: target(1) });
    expect(s.phase).toBe('importing');
    s = importReducer(s, {
      type: 'importAnswered',
      target: target(1),
      report: reportOf({ dryRun: false, written: true }),
    });
    expect(s.phase).toBe('imported');
  });

  it('keeps the import locked after a dry run with problems', () => {
    let s: ImportState = importReducer({ phase: 'idle' }, { type: 'dryRunStarted', target: target(1) });
    const bad = reportOf({ ok: false, problems: [problem('月报', 3, 'E')], problemCount: 1 });
    s = importReducer(s, { type: 'dryRunAnswered', target: target(1), report: bad });
    expect(canImport(s, target(1))).toBe(false);
    expect(importReducer(s, { type: 'importStarted', target: target(1) })).toBe(s);
  });

  it('ignores a late answer for a file the user has replaced', () => {
    let s: ImportState = importReducer({ phase: 'idle' }, { type: 'dryRunStarted', target: target(1) });
    s = importReducer(s, { type: 'dryRunStarted', target: target(2) });
    const late = importReducer(s, { type: 'dryRunAnswered', target: target(1), report: reportOf() });
    expect(late).toBe(s);
    expect(importReducer(s, { type: 'failed', target: target(1), error: new Error('x') })).toBe(s);
  });

  it('reports a refused import (server wrote nothing) as refused', () => {
    let s: ImportState = { phase: 'checked', target: target(1), report: reportOf() };
    s = importReducer(s, { type: 'importStarted', target: target(1) });
    s = importReducer(s, {
      type: 'importAnswered',
      target: target(1),
      report: reportOf({ ok: false, dryRun: false, written: false, problems: [problem('月报', 2, 'A')] }),
    });
    expect(s.phase).toBe('refused');
  });
});

describe('import helpers', () => {
  it('knows the two formats by extension', () => {
    expect(importFormat('月报.XLSX')).toBe('xlsx');
    expect(importFormat('a.csv')).toBe('csv');
    expect(importFormat('a.xls')).toBeNull();
  });

  it('numbers columns as Excel does', () => {
    expect([columnNumber('A'), columnNumber('z'), columnNumber('AA'), columnNumber(null)]).toEqual([
      1, 26, 27, 0,
    ]);
  });

  it('orders problems file first, then sheet, row and column', () => {
    const sorted = sortProblems([
      problem('月报', 5, 'B'),
      problem('月报', 3, 'AA'),
      problem('月报', 3, 'C'),
      problem('', 0, null),
      problem('月报', 3, null),
    ]);
    expect(sorted.map((p) => `${p.row}${p.column ?? '-'}`)).toEqual(['0-', '3-', '3C', '3AA', '5B']);
  });
});
