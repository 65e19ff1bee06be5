/**
 * The monthly report template (issue 7 §2): one workbook per unit and month, one row per project of the
 * unit's subtree that the actor may report. The header and the project columns are protected; the entry
 * cells are unlocked with data validation (non-negative amounts, 是/否, codes from a hidden list); the
 * template version, unit and month sit in a very hidden sheet, so an old or foreign workbook is refused.
 */
import ExcelJS from 'exceljs';
import { PROJECT_TEMPLATE_COLUMNS, PROJECT_TEMPLATE_VERSION } from '@suocha/contract';
import type { Actor } from '@suocha/core';
import { currentReports, findProjects, getUnitPath, plansForYear, type Store } from '@suocha/store';
import { xlsxCell } from '../collection/neutralise';
import { canSeeProject } from './project-access';
import { ProjectError } from './project-error';

export const DATA_SHEET = '项目月报';
export const META_SHEET = 'meta';
export const CODES_SHEET = 'codes';

/** Column letter of the i-th template column (0-based). */

export interface TemplateRow {
  readonly code: string;
  readonly name: string;
  readonly ownerUnit: string;
  readonly annualPlan: number | null;
  readonly completedThisMonth?: number | null;
  readonly ytdCompleted?: number | null;
  readonly started?: boolean | null;
  readonly note?: string;
  readonly problems?: string;
}

/** Build the workbook from rows (also used by tests and the benchmark to make filled workbooks). */
export async function templateWorkbook(
  unit: string,
  month: string,
  rows: readonly TemplateRow[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'suocha';
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const codes = wb.addWorksheet(CODES_SHEET, { state: 'veryHidden' });
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRow(['template_version', PROJECT_TEMPLATE_VERSION]);
  meta.addRow(['unit', unit]);
  meta.addRow(['month', month]);
  ws.columns = PROJECT_TEMPLATE_COLUMNS.map((c, i) => ({
    header: c.zh,
    key: c.key,
    width: i === 1 ? 36 : 18,
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    codes.addRow([r.code]);
    const row = ws.addRow([
      r.code,
      xlsxCell(r.name),
      r.ownerUnit,
      r.annualPlan,
      r.completedThisMonth ?? null,
      r.ytdCompleted ?? null,
      r.started === undefined || r.started === null ? null : r.started ? '是' : '否',
      xlsxCell(r.note ?? ''),
      xlsxCell(r.problems ?? ''),
    ]);
    for (let c = 5; c <= 9; c++) row.getCell(c).protection = { locked: false };
  }
  const last = rows.length + 1;
  if (rows.length > 0) {
    const amount: ExcelJS.DataValidation = {
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: '投资额',
      error: '请填写不小于0的数 (a number ≥ 0)',
    };
    // One validation per range (ExcelJS writes a sqref per cell otherwise: 20,000 rows would bloat the file).
    const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
      .dataValidations;
    dv.add(`A2:A${last}`, {
      type: 'list',
      formulae: [`${CODES_SHEET}!$A$1:$A$${rows.length}`],
      allowBlank: false,
      showErrorMessage: true,
      errorTitle: '项目代码',
      error: '项目代码须为本模板所列代码 (code must be one of the listed projects)',
    });
    dv.add(`E2:F${last}`, amount);
    dv.add(`G2:G${last}`, {
      type: 'list',
      formulae: ['"是,否"'],
      allowBlank: true,
      showErrorMessage: true,
      error: '请选择 是 或 否 (yes or no)',
    });
  }
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template of `unit` for `month`: the projects of its subtree this actor may see, with their plan. */
export async function projectTemplate(
  store: Store,
  actor: Actor,
  unit: string,
  month: string,
): Promise<Buffer> {
  const path = await getUnitPath(store, unit);
  if (path === undefined)
    throw new ProjectError('UNIT_NOT_FOUND', `区划 ${unit} 不存在 (no unit with code ${unit})`);
  if (!path.startsWith(actor.scopePath))
    throw new ProjectError('FORBIDDEN', `无权下载 ${unit} 的模板 (unit ${unit} is outside your scope)`);
  const year = Number(month.slice(0, 4));
  const [projects, plans, reports] = await Promise.all([
    findProjects(store, { path }),
    plansForYear(store, year, path),
    currentReports(store, { from: month, to: month, path }),
  ]);
  const plan = new Map(plans.map((p) => [p.projectCode, p.plannedInvestment]));
  const report = new Map(reports.map((r) => [r.projectCode, r]));
  const rows: TemplateRow[] = projects
    .filter((p) => canSeeProject(actor, p) && p.stage !== 'cancelled' && p.stage !== 'completed')
    .map((p) => {
      const r = report.get(p.code);
      return {
        code: p.code,
        name: p.name,
        ownerUnit: p.ownerUnit,
        annualPlan: plan.get(p.code) ?? null,
        ...(r === undefined
          ? {}
          : {
              completedThisMonth: r.completedThisMonth,
              ytdCompleted: r.ytdCompleted,
              started: r.started,
              note: r.note,
              problems: r.problems,
            }),
      };
    });
  return templateWorkbook(unit, month, rows);
}
