/**
 * One value read from an import file, before it is checked against the data set, with where it came
 * from so that every problem points at a sheet, row and column a person can find.
 */
import type { ImportProblem } from '@suocha/core';

export interface ImportRecord {
  readonly sheet?: string;
  readonly line: number;
  readonly unitCode: string;
  readonly indicatorCode: string;
  readonly period: string;
  /** As found: a number from a workbook cell, text from CSV, or null when the cell is empty. */
  readonly raw: string | number | null;
  readonly comment: string;
  /** The version the file was made from (templates and exports carry it); null when not given. */
  readonly version: number | null;
  /** Data set named in a template sheet's header (CSV: none). */
  readonly datasetCode?: string;
}

/** Column names (CSV header or workbook column letters) used to locate problems of each part of a record. */
export interface RecordColumns {
  readonly unit: string;
  readonly indicator: string;
  readonly period: string;
  readonly value: string;
  readonly comment: string;
  readonly version: string;
}

export interface ReadResult {
  readonly records: ImportRecord[];
  readonly problems: ImportProblem[];
  readonly columns: RecordColumns;
  /** For a sheet: where its unit and period came from (the hidden header row). */
  readonly headerLine?: number;
}

/** Bounds on what an import may contain, checked while reading. */
export interface ImportLimits {
  readonly maxRows: number;
  /** Longest text of any one cell (comments are limited further by core). */
  readonly maxCellLength: number;
  readonly maxSheets: number;
  /** Problems kept in a report; the rest are counted. */
  readonly maxProblems: number;
  /** A workbook inflating to at most this is loaded whole; a bigger one is streamed row by row. */
  readonly inMemoryXlsxBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxRows: 2_000_000,
  maxCellLength: 10_000,
  maxSheets: 2_000,
  maxProblems: 10_000,
  inMemoryXlsxBytes: 8 * 1024 * 1024,
};
