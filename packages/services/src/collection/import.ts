/**
 * Importing values from a filled-in template (.xlsx) or the long CSV format (issue 3 §2–§3): every row
 * is checked before anything is stored — the unit reports to the data set, the field and period belong
 * to it, the actor may write it, the value's type and range, the data set's rules across each form's
 * values after the import, outliers against each unit's history (a comment confirms one), that the form
 * is still a draft, and that a value the file was made from (template or export version) was not changed
 * since. A dry run lists every problem with sheet, row and column; a real import writes only when there
 * is none, in one transaction: all or nothing.
 */
import {
  checkComment,
  checkForm,
  comparablePeriods,
  formatPeriod,
  parsePeriod,
  parseValue,
  periodEndDate,
  periodFitsDataSet,
  previousForRules,
  sameLastYear,
  type CompiledRule,
  type ImportProblem,
  type Period,
} from '@suocha/core';
import {
  getDataSet,
  getIndicatorDepartments,
  getReportingUnit,
  listForms,
  listReportingUnits,
  scanPeriods,
  scanPeriodValues,
  writeImport,
  type FormRecord,
  type ImportInsert,
  type ImportUpdate,
  type ReportingUnit,
  type ScannedValue,
  type Store,
} from '@suocha/store';
import { compiledRules, HISTORY_PERIODS, unitReports } from './context';
import {
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
  type ImportRecord,
  type RecordColumns,
} from './import-record';
import { readTemplateXlsx } from './read-template';
import { readValuesCsv } from './read-values-csv';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard';

export type ImportFormat = 'csv' | 'xlsx';

export interface ImportRequest {
  readonly file: { readonly name: string; readonly bytes: Buffer };
  /** Default: by content (a zip archive is .xlsx, anything else CSV). */
  readonly format?: ImportFormat;
  /** Required for CSV; a template names its own (and must agree when both are given). */
  readonly datasetCode?: string;
  readonly dryRun: boolean;
  readonly by: string;
  readonly at: string;
  readonly reason?: string;
  /** Whether the actor may write a value of a unit (by path) for an indicator owned by `department`. */
  readonly authorize?: (unitPath: string, indicatorDepartment: string | null) => boolean;
  readonly limits?: Partial<ImportLimits>;
  readonly zipLimits?: ZipLimits;
  /** Generated data (模拟数据): benchmarks and demos. */
  readonly synthetic?: boolean;
  readonly onProgress?: (
    stage: 'read' | 'check' | 'write',
    done: number,
    total: number,
  ) => void | Promise<void>;
}

export interface ImportReport {
  /** True when there is no error (and, unless a dry run, the values were written). */
  readonly ok: boolean;
  readonly dryRun: boolean;
  readonly written: boolean;
  readonly file: string;
  readonly format: ImportFormat;
  readonly datasetCode: string | null;
  /** Value rows read, rows with an empty value cell (ignored), and forms touched. */
  readonly rows: number;
  readonly empty: number;
  readonly forms: number;
  /** What was (or, in a dry run, would be) written. */
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly problems: readonly ImportProblem[];
  /** All problems, including those beyond the list's limit. */
  readonly problemCount: number;
  readonly warnings: readonly ImportProblem[];
  /** Milliseconds spent reading the file, checking it (with the stored values read), and writing. */
  readonly timings: { readonly read: number; readonly check: number; readonly write: number };
}

/** The smallest and largest code: the range the stored values are read from. */
function unitRange(codes: ReadonlySet<string>): { from: string; to: string } {
  let from = '';
  let to = '';
  for (const c of codes) {
    if (from === '' || c < from) from = c;
    if (c > to) to = c;
  }
  return { from, to };
}

class Problems {
  readonly list: ImportProblem[] = [];
  count = 0;
  constructor(private readonly max: number) {}
  add(p: ImportProblem): void {
    this.count++;
    if (this.list.length < this.max) this.list.push(p);
  }
}

interface Entry {
  readonly rec: ImportRecord;
  readonly unit: ReportingUnit;
  readonly field: number;
  readonly period: string;
  readonly value: number;
  readonly comment: string;
}

interface FormGroup {
  readonly unit: ReportingUnit;
  readonly period: string;
  readonly entries: Entry[];
}

const SEP = '\u0000';

export async function importValues(store: Store, req: ImportRequest): Promise<ImportReport> {
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...req.limits };
  const file = req.file.name;
  const bytes = req.file.bytes;
  const format: ImportFormat =
    req.format ?? (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b ? 'xlsx' : 'csv');
  const problems = new Problems(limits.maxProblems);
  const warnings = new Problems(limits.maxProblems);
  let counts = { rows: 0, empty: 0, forms: 0, inserted: 0, updated: 0, unchanged: 0 };
  let datasetCode: string | null = req.datasetCode ?? null;
  const sheetOrder = new Map<string, number>();
  // Problems in file order: sheets as they appear, then rows (file-level problems first).
  const ordered = (list: readonly ImportProblem[]) =>
    list
      .map((p, i) => ({ p, i }))
      .sort(
        (a, b) =>
          (sheetOrder.get(a.p.sheet ?? '') ?? -1) - (sheetOrder.get(b.p.sheet ?? '') ?? -1) ||
          a.p.line - b.p.line ||
          a.i - b.i,
      )
      .map((x) => x.p);
  const timings = { read: 0, check: 0, write: 0 };
  let mark = performance.now();
  const lap = (stage: keyof typeof timings) => {
    const t = performance.now();
    timings[stage] += Math.round(t - mark);
    mark = t;
  };
  const report = (written: boolean): ImportReport => ({
    ok: problems.count === 0,
    dryRun: req.dryRun,
    written,
    file,
    format,
    datasetCode,
    ...counts,
    problems: ordered(problems.list),
    problemCount: problems.count,
    warnings: ordered(warnings.list),
    timings,
  });

  const read =
    format === 'xlsx'
      ? await readTemplateXlsx(bytes, file, limits, req.zipLimits ?? DEFAULT_ZIP_LIMITS)
      : readValuesCsv(bytes, file, limits);
  for (const p of read.problems) problems.add(p);
  for (const r of read.records)
    if (r.sheet !== undefined && !sheetOrder.has(r.sheet)) sheetOrder.set(r.sheet, sheetOrder.size);
  counts.rows = read.records.length;
  lap('read');
  await req.onProgress?.('read', read.records.length, read.records.length);
  const cols: RecordColumns = read.columns;
  const at = (rec: ImportRecord, column: string, code: string, message: string): ImportProblem => ({
    code,
    file,
    ...(rec.sheet === undefined ? {} : { sheet: rec.sheet }),
    line: rec.line,
    column,
    message,
  });

  // Which data set: given, or named by the template sheets (all the same).
  const named = new Set(
    read.records.map((r) => r.datasetCode).filter((c): c is string => c !== undefined && c !== ''),
  );
  if (named.size > 1)
    problems.add({
      code: 'MIXED_DATASETS',
      file,
      line: 0,
      message: `模板包含多个数据集 (${[...named].join(', ')}): 请分开导入 (one data set per file)`,
    });
  const fromTemplate = [...named][0];
  if (datasetCode && fromTemplate && fromTemplate !== datasetCode)
    problems.add({
      code: 'DATASET_MISMATCH',
      file,
      line: 0,
      message: `模板属于数据集 ${fromTemplate}, 不是 ${datasetCode} (the template is for another data set)`,
    });
  datasetCode = datasetCode ?? fromTemplate ?? null;
  if (!datasetCode) {
    if (read.records.length > 0 || problems.count === 0)
      problems.add({
        code: 'DATASET_REQUIRED',
        file,
        line: 0,
        message: '请指定数据集 (name the data set to import into)',
      });
    return report(false);
  }
  const dataset = await getDataSet(store, datasetCode);
  if (!dataset) {
    problems.add({
      code: 'UNKNOWN_DATASET',
      file,
      line: 0,
      message: `数据集 ${datasetCode} 不存在 (unknown data set)`,
    });
    return report(false);
  }
  if (problems.count > 0 && read.records.length === 0) return report(false);

  const rules = compiledRules(dataset);
  const fieldCodes = dataset.fields.map((f) => f.indicatorCode);
  const fieldIndex = new Map(fieldCodes.map((c, i) => [c, i] as const));
  const nFields = dataset.fields.length;
  const departments = await getIndicatorDepartments(store);
  const scope = await getReportingUnit(store, dataset.scopeUnit);
  const units = new Map(
    (scope ? await listReportingUnits(store, scope.path, dataset.level) : []).map(
      (u) => [u.code, u] as const,
    ),
  );

  // 1. Each row on its own: unit, field, period, permission, value, comment, duplicates.
  const periodCache = new Map<string, { period: Period; text: string } | string>();
  const periodOf = (s: string) => {
    let r = periodCache.get(s);
    if (r === undefined) {
      const p = parsePeriod(s);
      if (!p.ok) r = p.error.message;
      else if (!periodFitsDataSet(p.value, dataset))
        r = `期间 ${s} 不属于该数据集 (the data set collects ${dataset.periodKind}${dataset.ytd ? ' year-to-date' : ''} periods)`;
      else r = { period: p.value, text: formatPeriod(p.value) };
      periodCache.set(s, r);
    }
    return r;
  };
  const reportsCache = new Map<string, string | undefined>();
  const allowed = new Map<string, boolean>();
  // Per form, the first record of each field: duplicates are found without a key per value.
  const seen = new Map<string, (ImportRecord | undefined)[]>();
  const groups = new Map<string, FormGroup>();
  const periods = new Map<string, Period>();
  let valid = 0;
  for (const rec of read.records) {
    let bad = false;
    const unit = units.get(rec.unitCode);
    if (!unit) {
      problems.add(
        at(
          rec,
          cols.unit,
          rec.unitCode ? 'UNKNOWN_UNIT' : 'EMPTY_VALUE',
          rec.unitCode
            ? `区划 ${rec.unitCode} 不存在或不在填报范围内 (unknown unit, or not a ${dataset.level} unit under ${dataset.scopeUnit})`
            : '区划代码不能为空 (unit code required)',
        ),
      );
      bad = true;
    }
    const field = fieldIndex.get(rec.indicatorCode);
    if (field === undefined) {
      problems.add(
        at(
          rec,
          cols.indicator,
          rec.indicatorCode ? 'UNKNOWN_INDICATOR' : 'EMPTY_VALUE',
          rec.indicatorCode
            ? `指标 ${rec.indicatorCode.slice(0, 80)} 不在数据集 ${dataset.code} 中 (not a field of the data set)`
            : '指标代码不能为空 (indicator required)',
        ),
      );
      bad = true;
    }
    const p = periodOf(rec.period);
    if (typeof p === 'string') {
      problems.add(at(rec, cols.period, 'BAD_PERIOD', p));
      bad = true;
    }
    const parsed = parseValue(rec.raw, rec.indicatorCode);
    if (!parsed.ok) {
      problems.add(at(rec, cols.value, parsed.problem.code, parsed.problem.message));
      bad = true;
    }
    const cp = checkComment(rec.comment, rec.indicatorCode);
    for (const c of cp) problems.add(at(rec, cols.comment, c.code, c.message));
    if (cp.length) bad = true;
    if (bad || !unit || field === undefined || typeof p === 'string' || !parsed.ok) continue;
    const rk = `${unit.code}${SEP}${p.text}`;
    let why = reportsCache.get(rk);
    if (!reportsCache.has(rk)) {
      why = unitReports(dataset, scope?.path ?? SEP, unit, p.period);
      reportsCache.set(rk, why);
    }
    if (why) {
      problems.add(at(rec, cols.unit, 'UNIT_NOT_REPORTING', why));
      continue;
    }
    if (req.authorize) {
      const dept = departments.get(rec.indicatorCode) ?? null;
      const ak = `${unit.code}${SEP}${dept ?? ''}`;
      let ok = allowed.get(ak);
      if (ok === undefined) allowed.set(ak, (ok = req.authorize(unit.path, dept)));
      if (!ok) {
        problems.add(
          at(
            rec,
            cols.unit,
            'FORBIDDEN',
            `无权填报区划 ${unit.code} 的指标 ${rec.indicatorCode} (not allowed to write this value)`,
          ),
        );
        continue;
      }
    }
    let firsts = seen.get(rk);
    if (!firsts) seen.set(rk, (firsts = new Array<ImportRecord | undefined>(nFields)));
    const first = firsts[field];
    if (first) {
      problems.add(
        at(
          rec,
          cols.indicator,
          'DUPLICATE_VALUE',
          `同一区划、指标、期间重复, 首次出现于${first.sheet ? ` ${first.sheet}` : ''}第 ${first.line} 行 (given twice)`,
        ),
      );
      continue;
    }
    firsts[field] = rec;
    if (parsed.value === null) {
      counts.empty++;
      continue;
    }
    valid++;
    periods.set(p.text, p.period);
    let g = groups.get(rk);
    if (!g) groups.set(rk, (g = { unit, period: p.text, entries: [] }));
    g.entries.push({ rec, unit, field, period: p.text, value: parsed.value, comment: rec.comment });
  }
  counts.forms = groups.size;
  await req.onProgress?.('check', 0, valid);

  // 2. The forms: still drafts?
  const formStates = new Map<string, FormRecord>();
  for (const period of periods.keys())
    for (const f of await listForms(store, dataset.code, period))
      formStates.set(`${f.unitCode}${SEP}${period}`, f);

  // 3. Stored values: the forms' own (versions, statuses, comments) and the units' history, prev and ly.
  const needed = new Set<string>(periods.keys());
  for (const p of periods.values()) {
    const prev = previousForRules(p);
    if (prev) needed.add(formatPeriod(prev));
    needed.add(formatPeriod(sameLastYear(p)));
    if (dataset.outlier.method !== 'none')
      for (const c of comparablePeriods(p, HISTORY_PERIODS)) needed.add(formatPeriod(c));
  }
  const importUnits = new Set<string>();
  for (const g of groups.values()) importUnits.add(g.unit.code);
  const stored = new Map<string, (ScannedValue | undefined)[]>();
  const cells = new Map<string, Float64Array>();
  const cellsOf = (k: string) => {
    let a = cells.get(k);
    if (!a) cells.set(k, (a = new Float64Array(nFields).fill(Number.NaN)));
    return a;
  };
  if (groups.size > 0) {
    const range = unitRange(importUnits);
    // The import's own periods in full (versions, statuses, comments) …
    await scanPeriods(store, [...periods.keys()], range, (v) => {
      const fi = fieldIndex.get(v.indicatorCode);
      if (fi === undefined || !importUnits.has(v.unitCode)) return;
      const k = `${v.unitCode}${SEP}${v.period}`;
      cellsOf(k)[fi] = v.value;
      let s = stored.get(k);
      if (!s) stored.set(k, (s = new Array<ScannedValue | undefined>(nFields)));
      s[fi] = v;
    });
    // … and only the values of the others. Rows come unit by unit: look the unit up once per run.
    let lastUnit = '';
    let lastPeriod = '';
    let cur: Float64Array | undefined;
    await scanPeriodValues(
      store,
      [...needed].filter((p) => !periods.has(p)),
      range,
      fieldCodes,
      (fi, unit, period, value) => {
        if (unit !== lastUnit || period !== lastPeriod) {
          lastUnit = unit;
          lastPeriod = period;
          cur = importUnits.has(unit) ? cellsOf(`${unit}${SEP}${period}`) : undefined;
        }
        if (cur) cur[fi] = value;
      },
    );
  }
  // The values as they will be after the import (later periods of the same file see earlier ones).
  for (const [k, g] of groups) {
    const a = cellsOf(k);
    for (const e of g.entries) a[e.field] = e.value;
  }

  // 4. Each form: state, versions, rules and outliers on the values after the import.
  const inserts: ImportInsert[] = [];
  const updates: ImportUpdate[] = [];
  const touched: { unitCode: string; provinceCode: string; period: string }[] = [];
  const rulesByCode = new Map<string, CompiledRule>(rules.map((r) => [r.def.code, r] as const));
  const look = (a: Float64Array | undefined) => ({
    get: (code: string) => {
      if (!a) return undefined;
      const v = a[fieldIndex.get(code) ?? -1];
      return v === undefined || Number.isNaN(v) ? undefined : v;
    },
  });
  // The periods each period is checked against, worked out once per period rather than per form.
  const nearCache = new Map<
    string,
    { prev: string | undefined; lastYear: string; comparable: string[]; end: string }
  >();
  const neighbours = (text: string, p: Period) => {
    let n = nearCache.get(text);
    if (!n) {
      const prev = previousForRules(p);
      n = {
        prev: prev ? formatPeriod(prev) : undefined,
        lastYear: formatPeriod(sameLastYear(p)),
        comparable:
          dataset.outlier.method === 'none' ? [] : comparablePeriods(p, HISTORY_PERIODS).map(formatPeriod),
        end: periodEndDate(p),
      };
      nearCache.set(text, n);
    }
    return n;
  };
  for (const [k, g] of groups) {
    const form = formStates.get(k);
    const firstRec = g.entries[0]?.rec as ImportRecord;
    if (form && form.state !== 'draft') {
      problems.add(
        at(
          firstRec,
          cols.unit,
          'FORM_NOT_DRAFT',
          `区划 ${g.unit.code} ${g.period} 的表单${form.state === 'submitted' ? '已上报' : form.state === 'approved' ? '已审核' : '已锁定'}, 不能导入 (the form is ${form.state}; it must be returned or reopened first)`,
        ),
      );
      continue;
    }
    const p = periods.get(g.period) as Period;
    const s = stored.get(k);
    const byField = new Map<number, Entry>();
    for (const e of g.entries) byField.set(e.field, e);
    let formOk = true;
    for (const e of g.entries) {
      const sv = s?.[e.field];
      if (e.rec.version !== null && e.rec.version !== (sv?.version ?? 0)) {
        formOk = false;
        problems.add(
          at(
            e.rec,
            cols.version,
            'CONFLICT',
            `数值已被他人修改: 现存 ${sv ? `${sv.value} (第 ${sv.version} 版)` : '无'}, 文件基于第 ${e.rec.version} 版填 ${e.value} (changed since the file was made)`,
          ),
        );
      } else if (sv && sv.status !== 'draft') {
        formOk = false;
        problems.add(
          at(
            e.rec,
            cols.value,
            'VALUE_NOT_EDITABLE',
            `现存数值状态为 ${sv.status}, 不能修改 (the stored value is ${sv.status})`,
          ),
        );
      } else if (sv && sv.datasetCode !== null && sv.datasetCode !== dataset.code) {
        formOk = false;
        problems.add(
          at(
            e.rec,
            cols.indicator,
            'VALUE_IN_OTHER_DATASET',
            `该数值属于数据集 ${sv.datasetCode} (entered through another data set)`,
          ),
        );
      }
    }
    const near = neighbours(g.period, p);
    const hist = near.comparable.map((c) => cells.get(`${g.unit.code}${SEP}${c}`));
    const found = checkForm({
      dataset,
      rules,
      values: look(cells.get(k)),
      comments: {
        get: (code) => {
          const fi = fieldIndex.get(code);
          if (fi === undefined) return undefined;
          return byField.get(fi)?.comment || s?.[fi]?.comment || undefined;
        },
      },
      prev: look(near.prev ? cells.get(`${g.unit.code}${SEP}${near.prev}`) : undefined),
      lastYear: look(cells.get(`${g.unit.code}${SEP}${near.lastYear}`)),
      history: {
        get: (code) => {
          const fi = fieldIndex.get(code) ?? -1;
          const out: number[] = [];
          for (const a of hist) {
            const v = a?.[fi];
            if (v !== undefined && !Number.isNaN(v)) out.push(v);
          }
          return out;
        },
      },
      complete: false,
    });
    for (const pr of found) {
      // Only problems the import is part of: its own fields, and rules over at least one of them.
      let target: Entry | undefined;
      if (pr.ruleCode) {
        const refs = rulesByCode.get(pr.ruleCode)?.refs ?? [];
        for (const r of refs) {
          const fi = fieldIndex.get(r.code);
          if (r.ref === 'cur' && fi !== undefined && byField.has(fi)) {
            target = byField.get(fi);
            break;
          }
        }
      } else if (pr.indicatorCode !== undefined) target = byField.get(fieldIndex.get(pr.indicatorCode) ?? -1);
      if (!target) continue;
      const located = at(
        target.rec,
        pr.code === 'OUTLIER_NEEDS_COMMENT' ? cols.comment : cols.value,
        pr.code,
        pr.ruleCode ? `[${pr.ruleCode}] ${pr.message}` : pr.message,
      );
      if (pr.severity === 'error') {
        formOk = false;
        problems.add(located);
      } else warnings.add(located);
    }
    if (!formOk) continue;
    let changed = false;
    for (const e of g.entries) {
      const sv = s?.[e.field];
      const indicatorCode = dataset.fields[e.field]?.indicatorCode as string;
      if (!sv) {
        inserts.push({
          indicatorCode,
          unitCode: g.unit.code,
          provinceCode: g.unit.provinceCode,
          period: g.period,
          periodEnd: near.end,
          value: e.value,
          comment: e.comment,
        });
        changed = true;
      } else if (sv.value !== e.value || (e.comment !== '' && e.comment !== sv.comment)) {
        updates.push({
          id: sv.id,
          indicatorCode,
          unitCode: g.unit.code,
          provinceCode: g.unit.provinceCode,
          period: g.period,
          oldValue: sv.value,
          oldStatus: sv.status,
          oldVersion: sv.version,
          value: e.value,
          comment: e.comment || sv.comment,
        });
        changed = true;
      } else counts.unchanged++;
    }
    if (changed) touched.push({ unitCode: g.unit.code, provinceCode: g.unit.provinceCode, period: g.period });
  }
  counts = { ...counts, inserted: inserts.length, updated: updates.length };
  lap('check');
  if (problems.count > 0 || req.dryRun) return report(false);
  if (inserts.length + updates.length === 0) return report(false);

  const w = await writeImport(store, {
    datasetCode: dataset.code,
    forms: touched,
    inserts,
    updates,
    by: req.by,
    at: req.at,
    reason: req.reason ?? `导入 import ${file}`,
    source: `导入 ${file}`.slice(0, 200),
    ...(req.synthetic ? { synthetic: true } : {}),
    ...(req.onProgress
      ? { onProgress: (done: number, total: number) => req.onProgress?.('write', done, total) }
      : {}),
  });
  lap('write');
  if (w.kind === 'conflict') {
    for (const c of w.conflicts)
      problems.add({
        code: 'CONFLICT',
        file,
        line: 0,
        column: c.indicatorCode ?? cols.unit,
        message: `${c.unitCode} ${c.period}${c.indicatorCode ? ` ${c.indicatorCode}` : ''}: ${c.message}; 未写入任何数据 (nothing written), 请重试`,
      });
    counts = { ...counts, inserted: 0, updated: 0 };
    return report(false);
  }
  return report(true);
}
