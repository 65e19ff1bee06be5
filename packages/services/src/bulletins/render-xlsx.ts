/**
 * The bulletin's tables as an Excel workbook: a cover sheet (title, issue, issuing body, date, 模拟数据
 * notice, sections left out) and one sheet per table, with the table's title, a frozen bold header row,
 * its rows (a 模拟数据 column where some figure is synthetic) and its note. Dates of the workbook and of
 * its zip entries are the issue date, so the same content gives the same bytes.
 */
import ExcelJS from 'exceljs';
import { bulletinTables, chineseDate, SYNTHETIC_MARK, type BulletinContent } from '@suocha/core';
import { fixZipTimes } from './zip-times';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

export async function renderBulletinXlsx(content: BulletinContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const issued = new Date(`${content.issueDate}T00:00:00Z`);
  wb.creator = content.issuer;
  wb.lastModifiedBy = content.issuer;
  wb.created = issued;
  wb.modified = issued;
  wb.title = `${content.title}（${content.issueNumber}）`;

  const cover = wb.addWorksheet('通报信息');
  cover.columns = [{ width: 16 }, { width: 80 }];
  const coverRows: [string, string][] = [
    ['标题', content.title],
    ['期号', content.issueNumber],
    ['发布单位', content.issuer],
    ['日期', chineseDate(content.issueDate)],
    ['数据截至', chineseDate(content.asOf)],
    ['数据性质', content.syntheticNote ?? '真实数据'],
  ];
  for (const omitted of content.omitted) coverRows.push(['未列入', omitted]);
  for (const [k, v] of coverRows) cover.addRow([k, v]);
  cover.getColumn(1).font = { bold: true };

  for (const table of bulletinTables(content)) {
    const ws = wb.addWorksheet(table.sheetName);
    const columns = table.synthetic ? [...table.columns, '数据性质'] : [...table.columns];
    ws.addRow([`表${table.number} ${table.title}`]).font = { bold: true, size: 13 };
    const header = ws.addRow(columns);
    header.font = { bold: true };
    header.eachCell((c) => {
      c.fill = HEADER_FILL;
    });
    ws.views = [{ state: 'frozen', ySplit: 2 }];
    for (const r of table.rows)
      ws.addRow(table.synthetic ? [...r.cells, r.synthetic ? SYNTHETIC_MARK : ''] : [...r.cells]);
    if (table.rows.length === 0) ws.addRow([table.emptyText]);
    if (table.note !== null) ws.addRow([`注：${table.note}`]).font = { italic: true };
    columns.forEach((c, i) => {
      const longest = Math.max(c.length, ...table.rows.map((r) => (r.cells[i] ?? '').length));
      ws.getColumn(i + 1).width = Math.min(60, Math.max(8, longest * 2 + 2));
    });
  }
  const bytes = await wb.xlsx.writeBuffer();
  return fixZipTimes(new Uint8Array(bytes), content.issueDate);
}
