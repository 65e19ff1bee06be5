/**
 * Generates the .xlsx entry template of a data set for a period and one or more units (one sheet per
 * unit; layout in template-layout.ts): Chinese headers, the previous period's value, the same period
 * last year and the target beside each field, the current value and its version pre-filled, data
 * validation on the value cells (type and hard range), and sheet protection so that only the value and
 * comment cells can be edited.
 */
import ExcelJS from 'exceljs';
import { dueDate, formatPeriod, type FormState } from '@suocha/core';
import type { Store } from '@suocha/store';
import { loadFormContext } from './context';
import { requireDataSet } from './datasets';
import { CollectionError } from './errors';
import { viewOf, type FieldView } from './form';
import { xlsxCell } from './neutralise';
import { datasetPeriod } from './context';
import {
  INSTRUCTIONS_MARK,
  TEMPLATE_COLUMNS as C,
  TEMPLATE_FIRST_ROW,
  TEMPLATE_FORMAT,
  TEMPLATE_HEADERS,
  TEMPLATE_MARK,
} from './template-layout';

export const MAX_TEMPLATE_SHEETS = 500;

export interface TemplateRequest {
  readonly datasetCode: string;
  readonly period: string;
  readonly unitCodes: readonly string[];
}

const STATE_ZH: Readonly<Record<FormState, string>> = {
  draft: '草稿',
  submitted: '已上报',
  approved: '已审核',
  locked: '已锁定',
};

function sheetName(code: string, name: string): string {
  return `${code} ${name}`
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim();
}

function validation(f: FieldView): ExcelJS.DataValidation {
  const lo = f.min ?? -1e15;
  const hi = f.max ?? 1e15;
  const range = `${f.min ?? '−∞'} – ${f.max ?? '+∞'}`;
  return {
    type: f.valueType === 'integer' ? 'whole' : 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [lo, hi],
    showErrorMessage: true,
    errorStyle: 'error',
    errorTitle: '数值无效',
    error: `请输入${f.valueType === 'integer' ? '整数' : '数值'}, 范围 ${range} (enter a ${f.valueType === 'integer' ? 'whole number' : 'number'} in ${range})`,
  };
}

export async function buildTemplate(
  store: Store,
  req: TemplateRequest,
): Promise<{ bytes: Buffer; fileName: string; sheets: number }> {
  const dataset = await requireDataSet(store, req.datasetCode);
  const period = datasetPeriod(dataset, req.period);
  const periodText = formatPeriod(period);
  if (req.unitCodes.length === 0)
    throw new CollectionError('BAD_REQUEST', '请至少选择一个区划 (no unit given)');
  if (req.unitCodes.length > MAX_TEMPLATE_SHEETS)
    throw new CollectionError(
      'BAD_REQUEST',
      `一个模板最多 ${MAX_TEMPLATE_SHEETS} 个区划 (at most ${MAX_TEMPLATE_SHEETS} units per template)`,
    );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'suocha 缩差';
  wb.created = new Date(0);

  const intro = wb.addWorksheet('填报说明');
  intro.addRow([INSTRUCTIONS_MARK]);
  intro.getRow(1).hidden = true;
  const lines = [
    `${dataset.nameZh}(${dataset.code}) ${periodText} 填报模板`,
    `截止日期 due: ${dueDate(period, dataset)}`,
    '每个工作表对应一个区划。只能在“本期值”和“说明”两列填写, 其他单元格已保护。',
    '数值超出本单位历史波动范围(异常值)时, 必须在“说明”中注明原因, 否则无法导入。',
    '请勿修改工作表的隐藏行和隐藏列, 导入时据此识别数据集、区划、期间和版本。',
    'Enter values in 本期值 (G) and notes in 说明 (H) only; an outlier needs a note. Do not edit hidden rows or columns.',
  ];
  for (const l of lines) intro.addRow([l]);
  intro.getColumn(1).width = 110;
  await intro.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  for (const unitCode of req.unitCodes) {
    const ctx = await loadFormContext(store, dataset.code, unitCode, periodText);
    const view = await viewOf(store, ctx);
    const ws = wb.addWorksheet(sheetName(ctx.unit.code, ctx.unit.name), {
      views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }],
    });
    ws.addRow([TEMPLATE_MARK, TEMPLATE_FORMAT, dataset.code, dataset.version, ctx.unit.code, periodText]);
    ws.getRow(1).hidden = true;
    const state = view.state === 'draft' ? '' : ` 【${STATE_ZH[view.state]}, 不可修改】`;
    ws.addRow([
      xlsxCell(
        `${dataset.nameZh} — ${ctx.unit.name}(${ctx.unit.code}) — ${periodText} — 截止 ${view.dueDate}${state}`,
      ),
    ]);
    ws.mergeCells(2, 1, 2, C.comment);
    ws.getRow(2).font = { bold: true, size: 13 };
    ws.addRow(TEMPLATE_HEADERS);
    const head = ws.getRow(3);
    head.font = { bold: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    view.fields.forEach((f, i) => {
      const target = f.target ? `${f.target.comparator} ${f.target.value} (${f.target.year})` : null;
      const row = ws.getRow(TEMPLATE_FIRST_ROW + i);
      row.values = [
        xlsxCell(f.indicatorCode),
        xlsxCell(`${f.nameZh}${f.required ? ' *' : ''}`),
        xlsxCell(f.unit),
        xlsxCell(f.previous?.value),
        xlsxCell(f.lastYear?.value),
        xlsxCell(target),
        xlsxCell(f.current?.value),
        xlsxCell(f.current?.comment || null),
        f.current?.version ?? 0,
      ];
      const value = row.getCell(C.value);
      value.protection = { locked: false };
      value.dataValidation = validation(f);
      value.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      const comment = row.getCell(C.comment);
      comment.protection = { locked: false };
      comment.dataValidation = {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        allowBlank: true,
        formulae: [1000],
        showErrorMessage: true,
        error: '说明不超过 1000 字',
      };
    });
    const widths = [26, 36, 10, 14, 14, 18, 16, 44, 8];
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    ws.getColumn(C.version).hidden = true;
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const unitPart = req.unitCodes.length === 1 ? req.unitCodes[0] : `${req.unitCodes.length}units`;
  return { bytes, fileName: `${dataset.code}_${periodText}_${unitPart}.xlsx`, sheets: req.unitCodes.length };
}
