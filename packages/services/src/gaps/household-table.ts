/**
 * Builds the columnar household table (`HouseholdData` of @suocha/core) row by row from any reader
 * (CSV, xlsx), validating each row: a missing or non-numeric value, an unknown unit code, an area that is
 * neither urban nor rural, a household size that is not a whole number ≥ 1, a negative weight. Problems
 * carry file, line and column; the first 100 are kept and all are counted; with any problem the table
 * yields no data at all.
 */
import { err, ok, type HouseholdData, type ImportProblem, type Result } from '@suocha/core';
import { resolveHouseholdHeader, type HouseholdColumn, type HouseholdHeader } from './household-columns';

/** Where a unit lies: the city and county it belongs to (by code or name). */
export interface HouseholdUnitPlacement {
  readonly city: string;
  readonly county: string;
}

/**
 * A known unit code that may not be used here (outside the user's scope, above county level): the row is
 * rejected with this problem code and message instead of "unknown unit".
 */
export interface HouseholdUnitRefusal {
  readonly refused: string;
  readonly message: string;
}

/**
 * Valid unit codes and their placement: a map, or a function returning undefined for unknown codes (or a
 * refusal for known codes that may not be used).
 */
export type HouseholdUnitLookup =
  | ReadonlyMap<string, HouseholdUnitPlacement>
  | ((code: string) => HouseholdUnitPlacement | HouseholdUnitRefusal | undefined);

export interface HouseholdImportOptions {
  readonly units: HouseholdUnitLookup;
  /** Name used in problems (defaults to the file's base name). */
  readonly displayName?: string | undefined;
  /** Problems listed in full (default 100); all are counted. */
  readonly maxProblems?: number | undefined;
}

export interface HouseholdImportProgress {
  readonly rows: number;
  readonly bytesRead?: number;
  readonly totalBytes?: number;
  /** `measuring` once the file has been read and the measures are being computed. */
  readonly stage?: 'reading' | 'measuring';
}

export type HouseholdProgress = (progress: HouseholdImportProgress) => void;

export interface HouseholdTable {
  readonly file: string;
  readonly households: number;
  /** Which income column the file had (household income is divided by the household size). */
  readonly incomeColumn: 'per_capita_income' | 'household_income';
  /** Columnar data with the groupings `urban_rural`, `city` and `county`. */
  readonly data: HouseholdData;
}

export interface HouseholdFileError {
  readonly code: 'HOUSEHOLD_FILE_INVALID';
  readonly file: string;
  /** The first problems (up to `maxProblems`). */
  readonly problems: readonly ImportProblem[];
  /** How many problems there were in all. */
  readonly problemCount: number;
}

export type HouseholdImportResult = Result<HouseholdTable, HouseholdFileError>;

/** A cell as readers deliver it. */
export type HouseholdCell = string | number | null | undefined;

const AREA: Readonly<Record<string, number>> = { urban: 0, 城镇: 0, 城市: 0, rural: 1, 农村: 1, 乡村: 1 };
export const HOUSEHOLD_AREA_LABELS = ['urban', 'rural'] as const;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** A number from a cell: numbers as they are; text in decimal notation, with optional thousands commas. */
export function parseHouseholdNumber(cell: HouseholdCell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (cell === null || cell === undefined) return null;
  const t = cell.trim();
  if (DECIMAL.test(t)) return Number(t);
  if (GROUPED.test(t)) return Number(t.replace(/,/g, ''));
  return null;
}

const isBlank = (cell: HouseholdCell) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** Growable typed column. */
class Column<T extends Float64Array | Uint8Array | Uint16Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  /** The filled part, copied to its exact length so the spare capacity is freed. */
  done(): T {
    return this.data.length === this.length ? this.data : (this.data.slice(0, this.length) as T);
  }
}

const INITIAL = 1 << 14;

export class HouseholdTableBuilder {
  private header: HouseholdHeader | undefined;
  private headerNames: readonly string[] = [];
  private readonly problems: ImportProblem[] = [];
  private problemCount = 0;
  private rows = 0;
  private readonly lookup: (code: string) => HouseholdUnitPlacement | HouseholdUnitRefusal | undefined;
  private readonly maxProblems: number;
  private readonly income = new Column(new Float64Array(INITIAL), (n) => new Float64Array(n));
  private readonly size = new Column(new Uint8Array(INITIAL), (n) => new Uint8Array(n));
  private readonly weight = new Column(new Float64Array(INITIAL), (n) => new Float64Array(n));
  private readonly area = new Column(new Uint8Array(INITIAL), (n) => new Uint8Array(n));
  private readonly city = new Column(new Uint16Array(INITIAL), (n) => new Uint16Array(n));
  private readonly county = new Column(new Uint16Array(INITIAL), (n) => new Uint16Array(n));
  private readonly cityIndex = new Map<string, number>();
  private readonly countyIndex = new Map<string, number>();
  /** Last placement looked up, so that runs of one unit code cost one lookup. */
  private lastUnit = '';
  private lastPlacement: HouseholdUnitPlacement | HouseholdUnitRefusal | undefined;

  constructor(
    readonly file: string,
    options: HouseholdImportOptions,
  ) {
    const units = options.units;
    this.lookup = typeof units === 'function' ? units : (code) => units.get(code);
    this.maxProblems = options.maxProblems ?? 100;
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Whether the header was accepted (false: missing columns; reading can stop). */
  setHeader(cells: readonly HouseholdCell[], line: number): boolean {
    this.headerNames = cells.map((c) => (c === null || c === undefined ? '' : String(c).trim()));
    const header = resolveHouseholdHeader(this.headerNames);
    this.header = header;
    for (const m of header.missing)
      this.problem(
        line,
        m,
        'MISSING_COLUMN',
        `缺少列 missing column "${m}" (header: ${this.headerNames.join(',')})`,
      );
    return header.missing.length === 0;
  }

  get hasHeader(): boolean {
    return this.header !== undefined;
  }

  /** Validates and appends one data row. */
  addRow(cells: readonly HouseholdCell[], line: number): void {
    const h = this.header;
    if (!h || h.missing.length > 0 || h.income === null) return;
    if (cells.every(isBlank)) return; // blank lines are not households
    this.rows++;
    const ix = h.index;
    const cell = (c: HouseholdColumn) => {
      const at = ix[c];
      return at === undefined ? undefined : cells[at];
    };
    const name = (c: HouseholdColumn) => this.headerNames[ix[c] ?? -1] ?? c;

    if (isBlank(cell('id'))) this.problem(line, name('id'), 'EMPTY_VALUE', `户编号为空 (id is empty)`);

    const unitCell = cell('unit_code');
    const unit = isBlank(unitCell) ? '' : String(unitCell).trim();
    let placement: HouseholdUnitPlacement | undefined;
    if (unit === '')
      this.problem(line, name('unit_code'), 'EMPTY_VALUE', '区划代码为空 (unit_code is empty)');
    else {
      const found = unit === this.lastUnit ? this.lastPlacement : this.lookup(unit);
      this.lastUnit = unit;
      this.lastPlacement = found;
      if (!found)
        this.problem(line, name('unit_code'), 'UNKNOWN_UNIT', `未知的区划代码 (unknown unit code) "${unit}"`);
      else if ('refused' in found) this.problem(line, name('unit_code'), found.refused, found.message);
      else placement = found;
    }

    const areaText = isBlank(cell('area')) ? '' : String(cell('area')).trim().toLowerCase();
    const area = AREA[areaText];
    if (area === undefined)
      this.problem(
        line,
        name('area'),
        'BAD_AREA',
        `城乡应为 城镇/农村 (area must be urban or rural), got "${areaText}"`,
      );

    const sizeCell = cell('household_size');
    const size = parseHouseholdNumber(sizeCell);
    if (size === null || !Number.isInteger(size) || size < 1 || size > 255)
      this.problem(
        line,
        name('household_size'),
        isBlank(sizeCell) ? 'EMPTY_VALUE' : 'BAD_SIZE',
        `户规模应为 1–255 的整数 (household_size must be a whole number 1–255), got "${sizeCell ?? ''}"`,
      );

    const incomeCell = cell(h.income);
    const rawIncome = parseHouseholdNumber(incomeCell);
    if (rawIncome === null)
      this.problem(
        line,
        name(h.income),
        isBlank(incomeCell) ? 'EMPTY_VALUE' : 'NOT_A_NUMBER',
        `收入不是数字 (income is not a number): "${incomeCell ?? ''}"`,
      );

    let weight = 1;
    const weightCell = cell('weight');
    if (!isBlank(weightCell)) {
      const w = parseHouseholdNumber(weightCell);
      if (w === null)
        this.problem(
          line,
          name('weight'),
          'NOT_A_NUMBER',
          `权重不是数字 (weight is not a number): "${weightCell}"`,
        );
      else if (w < 0)
        this.problem(line, name('weight'), 'NEGATIVE_WEIGHT', `权重为负 (negative weight) ${w}`);
      else weight = w;
    }

    // Once the file is known to be bad, keep validating (to count problems) but store nothing.
    if (this.problemCount > 0) return;
    const s = size!;
    this.income.push(h.income === 'household_income' ? rawIncome! / s : rawIncome!);
    this.size.push(s);
    this.weight.push(weight);
    this.area.push(area!);
    this.city.push(this.code(this.cityIndex, placement!.city));
    this.county.push(this.code(this.countyIndex, placement!.county));
  }

  /** Records a problem that is not tied to a row (unreadable file, unterminated quote, …). */
  fileProblem(code: string, message: string, line = 0): void {
    this.problem(line, undefined, code, message);
  }

  finish(): HouseholdImportResult {
    if (!this.header && this.problemCount === 0) this.fileProblem('EMPTY_FILE', '文件为空 (empty file)', 1);
    if (this.problemCount > 0 || !this.header || this.header.income === null)
      return err({
        code: 'HOUSEHOLD_FILE_INVALID',
        file: this.file,
        problems: this.problems,
        problemCount: this.problemCount,
      });
    if (this.rows === 0) {
      this.fileProblem('NO_ROWS', '没有住户数据 (no household rows)', 2);
      return this.finish();
    }
    const labels = (m: Map<string, number>) => [...m.keys()];
    return ok({
      file: this.file,
      households: this.rows,
      incomeColumn: this.header.income,
      data: {
        income: this.income.done(),
        size: this.size.done(),
        weight: this.weight.done(),
        groups: {
          urban_rural: { codes: this.area.done(), labels: [...HOUSEHOLD_AREA_LABELS] },
          city: { codes: this.city.done(), labels: labels(this.cityIndex) },
          county: { codes: this.county.done(), labels: labels(this.countyIndex) },
        },
      },
    });
  }

  private code(index: Map<string, number>, key: string): number {
    let c = index.get(key);
    if (c === undefined) {
      // Codes are stored as Uint16: 65 536 cities or counties is far beyond any real hierarchy.
      if (index.size > 0xffff) throw new RangeError('more than 65 536 distinct cities or counties');
      c = index.size;
      index.set(key, c);
    }
    return c;
  }

  private problem(line: number, column: string | undefined, code: string, message: string): void {
    this.problemCount++;
    if (this.problems.length >= this.maxProblems) return;
    this.problems.push(
      column === undefined
        ? { code, file: this.file, line, message }
        : { code, file: this.file, line, column, message },
    );
  }
}
