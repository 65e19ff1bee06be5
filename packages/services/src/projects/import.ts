/**
 * Import of a month's reports from a filled template (.xlsx) or a CSV with the same headers (issue 7 §2):
 * all or nothing, every problem located by sheet, row and column — unknown project code, project outside
 * the actor's scope, duplicate row, wrong template version or month, negative investment, YTD below last
 * month's, month in the future and the other core checks (`validateMonthlyReport`). A dry run reports the
 * same and writes nothing. A row whose figures differ from the month's current report becomes its next
 * version; identical rows are left alone.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  PROJECT_TEMPLATE_COLUMNS,
  PROJECT_TEMPLATE_VERSION,
  type ProjectImportProblemDto,
  type ProjectImportReportDto,
} from '@suocha/contract';
import {
  formatYearMonth,
  monthOrdinalOf,
  validateMonthlyReport,
  type Actor,
  type MonthlyReport,
} from '@suocha/core';
import {
  addReports,
  currentReports,
  findProjects,
  latestCurrentReports,
  type NewReport,
  type ReportRecord,
  type Store,
} from '@suocha/store';
import { cellText, plainCell, type PlainCell } from '../collection/cells';
import { unneutralise } from '../collection/neutralise';
import { checkZip } from '../collection/zip-guard';
import { CsvTokenizer } from '../io/csv-tokenizer';
import { canReportProject } from './project-access';
import { columnLetter } from '../collection/template-layout';
import { DATA_SHEET, META_SHEET } from './template';
import { toCoreReport } from './snapshot';

type ProblemCode = ProjectImportProblemDto['code'];

export interface ImportOptions {
  readonly month: string;
  readonly dryRun: boolean;
  readonly format?: 'csv' | 'xlsx' | undefined;
  readonly name?: string | undefined;
  /** ISO date or date-time of "now" (a month after it is in the future). */
  readonly now: string;
  /** Largest number of data rows read. */
  readonly maxRows?: number;
}

interface Row {
  readonly line: number;
  readonly cells: readonly PlainCell[];
}

interface Sheet {
  readonly name: string;
  readonly rows: readonly Row[];
  readonly meta: ReadonlyMap<string, string> | undefined;
}

const COL = Object.fromEntries(PROJECT_TEMPLATE_COLUMNS.map((c, i) => [c.key, i])) as Record<
  (typeof PROJECT_TEMPLATE_COLUMNS)[number]['key'],
  number
>;
const FIELD_COLUMN: Record<string, number> = {
  month: -1,
  completedThisMonth: COL.completedThisMonth,
  ytdCompleted: COL.ytdCompleted,
  started: COL.started,
};

const formatOf = (buf: Buffer, o: ImportOptions): 'csv' | 'xlsx' =>
  o.format ?? (buf.length >= 2 && buf[0] === 0x50 && buf[1] === 0x4b ? 'xlsx' : 'csv');

async function readXlsx(
  buf: Buffer,
  problems: ProjectImportProblemDto[],
  file: string,
): Promise<Sheet | undefined> {
  const zip = await checkZip(buf);
  if (!zip.ok) {
    problems.push(problem('IMPORT_UNREADABLE', file, 0, null, null, `${zip.message} [${zip.code}]`));
    return undefined;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.read(Readable.from(buf));
  } catch (e) {
    problems.push(
      problem('IMPORT_UNREADABLE', file, 0, null, null, `无法读取工作簿 (unreadable workbook): ${String(e)}`),
    );
    return undefined;
  }
  const metaWs = wb.getWorksheet(META_SHEET);
  const meta = new Map<string, string>();
  metaWs?.eachRow((row) => {
    meta.set(cellText(plainCell(row.getCell(1).value)), cellText(plainCell(row.getCell(2).value)));
  });
  const ws =
    wb.getWorksheet(DATA_SHEET) ?? wb.worksheets.find((w) => w.name !== META_SHEET && w.name !== 'codes');
  if (ws === undefined) {
    problems.push(
      problem('IMPORT_HEADER', file, 0, null, null, `缺少工作表 ${DATA_SHEET} (missing data sheet)`),
    );
    return undefined;
  }
  const rows: Row[] = [];
  const n = PROJECT_TEMPLATE_COLUMNS.length;
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: PlainCell[] = [];
    for (let c = 1; c <= n; c++) cells.push(plainCell(row.getCell(c).value));
    rows.push({ line, cells });
  });
  return { name: ws.name, rows, meta: metaWs === undefined ? undefined : meta };
}

function readCsv(buf: Buffer, file: string, problems: ProjectImportProblemDto[]): Sheet | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    problems.push(
      problem('IMPORT_UNREADABLE', file, 0, null, null, '文件不是 UTF-8 编码 (file is not UTF-8)'),
    );
    return undefined;
  }
  const rows: Row[] = [];
  const t = new CsvTokenizer((fields, line) => {
    rows.push({ line, cells: fields.map((f) => (f === '' ? null : f)) });
    return true;
  });
  t.push(text);
  t.end();
  return { name: file, rows, meta: undefined };
}

function problem(
  code: ProblemCode,
  sheet: string,
  row: number,
  column: number | null,
  projectCode: string | null,
  message: string,
): ProjectImportProblemDto {
  const def = column === null || column < 0 ? undefined : PROJECT_TEMPLATE_COLUMNS[column];
  return {
    code,
    sheet,
    row,
    column: def === undefined ? null : columnLetter((column as number) + 1),
    columnName: def === undefined ? null : def.zh,
    projectCode,
    message,
  };
}

/** A number from a cell: numbers as they are, text with thousands separators; NaN when not a number. */
function numberOf(v: PlainCell): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  const s = v.trim().replace(/,/g, '');
  if (s === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

function startedOf(v: PlainCell): boolean | null | undefined {
  const s = cellText(v).toLowerCase();
  if (s === '') return null;
  if (['是', 'y', 'yes', 'true', '1'].includes(s)) return true;
  if (['否', 'n', 'no', 'false', '0'].includes(s)) return false;
  return undefined;
}

/** Read, check and (unless a dry run or anything is wrong) write a month's reports. */
export async function importProjectReports(
  store: Store,
  actor: Actor,
  buf: Buffer,
  o: ImportOptions,
): Promise<ProjectImportReportDto> {
  const t0 = performance.now();
  const format = formatOf(buf, o);
  const file = o.name ?? `upload.${format}`;
  const problems: ProjectImportProblemDto[] = [];
  const sheet = format === 'xlsx' ? await readXlsx(buf, problems, file) : readCsv(buf, file, problems);
  const t1 = performance.now();
  const report = (
    extra: Partial<ProjectImportReportDto>,
    t2 = performance.now(),
    t3 = t2,
  ): ProjectImportReportDto => ({
    ok: problems.length === 0,
    dryRun: o.dryRun,
    written: false,
    file,
    format,
    month: o.month,
    rows: 0,
    reports: 0,
    newVersions: 0,
    unchanged: 0,
    problems: problems.slice(0, 1000),
    problemCount: problems.length,
    timings: { read: t1 - t0, check: t2 - t1, write: t3 - t2 },
    ...extra,
  });
  if (sheet === undefined) return report({});
  const sn = sheet.name;

  if (format === 'xlsx') {
    const version = sheet.meta?.get('template_version');
    if (version !== PROJECT_TEMPLATE_VERSION)
      problems.push(
        problem(
          'IMPORT_TEMPLATE_VERSION',
          META_SHEET,
          1,
          null,
          null,
          `模板版本 ${version ?? '(无)'} 不是 ${PROJECT_TEMPLATE_VERSION}, 请重新下载模板 (wrong template version; download a new template)`,
        ),
      );
    const m = sheet.meta?.get('month');
    if (m !== undefined && m !== o.month)
      problems.push(
        problem(
          'IMPORT_MONTH_MISMATCH',
          META_SHEET,
          3,
          null,
          null,
          `模板月份 ${m} 与导入月份 ${o.month} 不符 (template month differs)`,
        ),
      );
  }
  const header = sheet.rows[0];
  const expected = PROJECT_TEMPLATE_COLUMNS.map((c) => c.zh);
  if (header === undefined || expected.some((h, i) => cellText(header.cells[i] ?? null) !== h)) {
    problems.push(
      problem(
        'IMPORT_HEADER',
        sn,
        header?.line ?? 1,
        null,
        null,
        `表头应为: ${expected.join(', ')} (header row does not match the template)`,
      ),
    );
    return report({});
  }
  const maxRows = o.maxRows ?? 100_000;
  const data = sheet.rows.slice(1, maxRows + 1);

  // Parse every row first, then look up all projects and reports at once.
  interface Parsed {
    line: number;
    code: string;
    completed: number;
    ytd: number;
    started: boolean;
    note: string;
    problems: string;
  }
  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  for (const r of data) {
    const c = r.cells;
    const code = cellText(c[COL.code] ?? null);
    const completedCell = c[COL.completedThisMonth] ?? null;
    const ytdCell = c[COL.ytdCompleted] ?? null;
    const startedCell = c[COL.started] ?? null;
    if (code === '' && c.every((v) => cellText(v) === '')) continue;
    rows++;
    if (code === '') {
      problems.push(
        problem('IMPORT_MISSING_VALUE', sn, r.line, COL.code, null, '缺少项目代码 (project code missing)'),
      );
      continue;
    }
    // A listed project nobody filled in: not reported this time.
    if (cellText(completedCell) === '' && cellText(ytdCell) === '' && cellText(startedCell) === '') continue;
    const first = seen.get(code);
    if (first !== undefined) {
      problems.push(
        problem(
          'IMPORT_DUPLICATE_ROW',
          sn,
          r.line,
          COL.code,
          code,
          `项目 ${code} 重复, 首次出现在第 ${first} 行 (duplicate of row ${first})`,
        ),
      );
      continue;
    }
    seen.set(code, r.line);
    let bad = false;
    const num = (cell: PlainCell, col: number): number => {
      const v = numberOf(cell);
      if (v === null) {
        problems.push(problem('IMPORT_MISSING_VALUE', sn, r.line, col, code, '缺少数值 (value missing)'));
        bad = true;
        return 0;
      }
      if (Number.isNaN(v)) {
        problems.push(
          problem(
            'IMPORT_NOT_A_NUMBER',
            sn,
            r.line,
            col,
            code,
            `"${cellText(cell)}" 不是数值 (not a number)`,
          ),
        );
        bad = true;
      }
      return v;
    };
    const completed = num(completedCell, COL.completedThisMonth);
    const ytd = num(ytdCell, COL.ytdCompleted);
    const started = startedOf(startedCell);
    if (started === null || started === undefined) {
      problems.push(
        problem(
          started === null ? 'IMPORT_MISSING_VALUE' : 'IMPORT_NOT_A_NUMBER',
          sn,
          r.line,
          COL.started,
          code,
          '是否开工应填 是 或 否 (started must be 是 or 否)',
        ),
      );
      bad = true;
    }
    if (bad) continue;
    parsed.push({
      line: r.line,
      code,
      completed,
      ytd,
      started: started === true,
      note: unneutralise(cellText(c[COL.note] ?? null)),
      problems: unneutralise(cellText(c[COL.problems] ?? null)),
    });
  }
  if (sheet.rows.length - 1 > maxRows)
    problems.push(
      problem('IMPORT_UNREADABLE', sn, 0, null, null, `数据行超过 ${maxRows} 行 (too many rows)`),
    );

  const codes = parsed.map((p) => p.code);
  const year = o.month.slice(0, 4);
  const monthOrd = monthOrdinalOf(o.month);
  // Only the rows the checks need: this month's current report and the latest one before it in the
  // year (one row per project each), not every month of the year.
  const before = Number.isFinite(monthOrd) && monthOrd % 12 > 0 ? formatYearMonth(monthOrd - 1) : undefined;
  const [projects, thisMonth, earlier] = await Promise.all([
    findProjects(store, { codes }),
    currentReports(store, { from: o.month, to: o.month, codes }),
    before === undefined
      ? Promise.resolve([])
      : latestCurrentReports(store, { from: `${year}-01`, to: before, codes }),
  ]);
  const byCode = new Map(projects.map((p) => [p.code, p]));
  const previous = new Map<string, ReportRecord>(earlier.map((r) => [r.projectCode, r]));
  const same = new Map<string, ReportRecord>(thisMonth.map((r) => [r.projectCode, r]));
  const today = o.now.slice(0, 10);
  const toWrite: NewReport[] = [];
  let unchanged = 0;
  let newVersions = 0;
  for (const p of parsed) {
    const proj = byCode.get(p.code);
    if (proj === undefined) {
      problems.push(
        problem(
          'IMPORT_UNKNOWN_PROJECT',
          sn,
          p.line,
          COL.code,
          p.code,
          `未知项目代码 ${p.code} (unknown project code)`,
        ),
      );
      continue;
    }
    if (!canReportProject(actor, proj)) {
      problems.push(
        problem(
          'IMPORT_OUT_OF_SCOPE',
          sn,
          p.line,
          COL.code,
          p.code,
          `无权填报项目 ${p.code} (project outside your scope)`,
        ),
      );
      continue;
    }
    const row: MonthlyReport = {
      projectCode: p.code,
      month: o.month,
      completedThisMonth: p.completed,
      ytdCompleted: p.ytd,
      started: p.started,
    };
    const prev = previous.get(p.code);
    const issues = validateMonthlyReport(row, {
      previous: prev === undefined || monthOrdinalOf(prev.month) >= monthOrd ? undefined : toCoreReport(prev),
      now: today,
    });
    for (const i of issues)
      problems.push(problem(i.code, sn, p.line, FIELD_COLUMN[i.field] ?? null, p.code, i.message));
    if (issues.length > 0) continue;
    const cur = same.get(p.code);
    if (
      cur !== undefined &&
      cur.completedThisMonth === p.completed &&
      cur.ytdCompleted === p.ytd &&
      cur.started === p.started &&
      cur.note === p.note &&
      cur.problems === p.problems
    ) {
      unchanged++;
      continue;
    }
    if (cur !== undefined) newVersions++;
    toWrite.push({
      projectCode: p.code,
      month: o.month,
      completedThisMonth: p.completed,
      ytdCompleted: p.ytd,
      started: p.started,
      note: p.note,
      problems: p.problems,
      reason: cur === undefined ? '' : `导入更正 ${file} (corrected by import)`,
      origin: `import:${file}`,
      synthetic: proj.synthetic,
    });
  }
  const t2 = performance.now();
  const counts = { rows, reports: toWrite.length, newVersions, unchanged };
  if (problems.length > 0 || o.dryRun) return report(counts, t2);
  await addReports(store, toWrite, { by: actor.username, at: o.now });
  return report({ ...counts, written: toWrite.length > 0 }, t2, performance.now());
}
