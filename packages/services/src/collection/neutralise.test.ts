import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText } from './read-values-csv';
import { csvDocument, csvField, neutralise, unneutralise, xlsxCell } from './neutralise';
import { xlsxTable } from './export';

describe('formula injection is neutralised, numbers and Chinese kept', () => {
  it('prefixes text that a spreadsheet would run', () => {
    for (const s of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['开化县', 'a=b', '1-2', '', "'already"]) expect(neutralise(s)).toBe(s);
    // Reading back undoes it, and only it.
    for (const s of ['=1+1', '-注', '开化县', "'already", "'"]) expect(unneutralise(neutralise(s))).toBe(s);
  });
  it('CSV: BOM, CRLF, quoting, real negative numbers stay numbers', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField(Number.NaN)).toBe('');
    const doc = csvDocument(
      ['区划', 'value'],
      [
        ['开化县', -12.5],
        ['=HYPERLINK("x")', null],
      ],
    );
    expect([...doc.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(doc.toString('utf8')).toBe('\ufeff区划,value\r\n开化县,-12.5\r\n"\'=HYPERLINK(""x"")",\r\n');
    // Read back as the importer does: Chinese intact.
    expect(decodeText(doc).text).toContain('开化县,-12.5');
  });
  it('xlsx: text cells neutralised, numbers numeric', async () => {
    expect(xlsxCell(-3)).toBe(-3);
    expect(xlsxCell('@x')).toBe("'@x");
    const bytes = await xlsxTable(
      '值',
      ['区划', '数值'],
      [
        ['=cmd|calc', -7.25],
        ['浙江省', 0],
      ],
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    const ws = wb.getWorksheet('值') as ExcelJS.Worksheet;
    expect(ws.getRow(1).values).toEqual([undefined, '区划', '数值']);
    expect(ws.getRow(2).values).toEqual([undefined, "'=cmd|calc", -7.25]);
    expect(ws.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
  });
});
