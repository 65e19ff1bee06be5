/**
 * The outputs of a bulletin, checked in their XML and bytes (not through LibreOffice): the Word document's
 * sections, repeated header rows, page-number field, East Asian fonts and 模拟数据 marks; the workbook's
 * sheets; the printable HTML; and the same bytes for the same content.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { composeBulletin, parseBulletinMonth, type BulletinContent, type BulletinInputs } from '@suocha/core';
import { BulletinContentSchema } from '@suocha/contract';
import { canonicalJson } from '../io/canonical-json';
import { bulletinContentHash, renderBulletin } from './bulletin-service';
import { renderBulletinDocx } from './render-docx';
import { renderBulletinHtml } from './render-html';
import { renderBulletinXlsx } from './render-xlsx';
import { readZipEntry, zipEntryNames, zipEntryTimes } from './zip-test-support';
import { fixZipTimes } from './zip-times';

const month = (() => {
  const r = parseBulletinMonth('2025-11');
  if (!r.ok) throw new Error('setup');
  return r.value;
})();

const inputs: BulletinInputs = {
  month,
  issuer: '浙江省缩小三大差距工作专班办公室',
  issueDate: '2025-12-05',
  headline: [
    {
      code: 'urban_rural_income_ratio',
      nameZh: '城乡居民人均可支配收入比值(倍差)',
      unit: 'ratio',
      latest: { period: '2024', value: 1.83 },
      target: { year: 2025, comparator: '<=', value: 1.8 },
      status: 'on_track',
      synthetic: false,
    },
  ],
  targets: { rows: [] },
  league: {
    runId: 7,
    period: '2024',
    frameworkName: '城乡一体融合高质量发展指数',
    rows: Array.from({ length: 60 }, (_, i) => ({
      rank: i + 1,
      name: `县${i + 1} <&>`,
      parentName: '衢州市',
      score: 90 - i / 2,
      rankChange: i % 3 === 0 ? 1 : null,
      mountainIsland: i % 2 === 0,
      synthetic: true,
    })),
  },
  warnings: { openAtEnd: 0, raised: [], closed: [] },
  projects: null,
  supervision: null,
  tasks: null,
};

const content: BulletinContent = (() => {
  const r = composeBulletin(inputs);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();

describe('Word document', () => {
  it('has the numbered sections, a title area with the 模拟数据 notice, and East Asian fonts', async () => {
    const docx = await renderBulletinDocx(content);
    const xml = readZipEntry(docx, 'word/document.xml');
    for (const text of [
      '缩小三大差距工作月度通报',
      '（2025年第11期）',
      '浙江省缩小三大差距工作专班办公室',
      '2025年12月5日',
      '【模拟数据】',
      '一、三大差距主要指标',
      '二、目标任务进展',
      '三、县域城乡一体融合发展评价',
      '四、预警情况',
      '表3  县域城乡一体融合发展指数排名（2024）',
      '88（模拟数据）',
      '县1 &lt;&amp;&gt;',
    ])
      expect(xml).toContain(text);
    expect(xml).toMatch(/w:eastAsia="SimSun"/);
    expect(xml).toMatch(/w:eastAsia="SimHei"/);
    expect(xml).toMatch(/w:eastAsia="FangSong"/);
    // A4 portrait with the GB/T 9704 margins.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('repeats the header row of every table on each page', async () => {
    const xml = readZipEntry(await renderBulletinDocx(content), 'word/document.xml');
    const tables = xml.match(/<w:tbl>/g) ?? [];
    // The headline and league tables have rows; the empty ones are written as a sentence.
    expect(tables).toHaveLength(2);
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(2);
    expect(xml).toContain('本月无进度滞后的目标。');
  });

  it('numbers the pages in the footer with a PAGE field', async () => {
    const docx = await renderBulletinDocx(content);
    const footer = zipEntryNames(docx).find((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footer).toBeDefined();
    const xml = readZipEntry(docx, footer ?? '');
    expect(xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(xml).toContain('— ');
  });

  it('gives the same bytes for the same content, dated by the issue date', async () => {
    const a = await renderBulletinDocx(content);
    await new Promise((r) => setTimeout(r, 2100)); // zip times have 2-second resolution
    const b = await renderBulletinDocx(content);
    expect(b.equals(a)).toBe(true);
    expect(readZipEntry(a, 'docProps/core.xml')).toContain('2025-12-05T00:00:00Z');
    // 2025-12-05 as an MS-DOS date: (2025 − 1980) << 9 | 12 << 5 | 5.
    expect(new Set(zipEntryTimes(a).map((t) => `${t.date}:${t.time}`))).toEqual(
      new Set([`${(45 << 9) | (12 << 5) | 5}:0`]),
    );
  });

  it('changes when the content changes', async () => {
    const other = { ...content, issueDate: '2025-12-06' };
    expect((await renderBulletinDocx(other)).equals(await renderBulletinDocx(content))).toBe(false);
    expect(bulletinContentHash(other)).not.toBe(bulletinContentHash(content));
  });
});

describe('workbook', () => {
  it('has a cover sheet and one sheet per table with its header and 模拟数据 column', async () => {
    const bytes = await renderBulletinXlsx(content);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '通报信息',
      '表1 三大差距主要指标',
      '表2 进度滞后目标',
      '表3 县域排名',
      '表4 本月新发预警',
      '表5 本月解除预警',
    ]);
    const league = wb.getWorksheet('表3 县域排名');
    expect(league?.getRow(2).values).toEqual([
      undefined,
      '排名',
      '县（市、区）',
      '所属设区市',
      '得分',
      '名次变化',
      '山区海岛县',
      '数据性质',
    ]);
    expect(league?.getRow(3).getCell(7).value).toBe('模拟数据');
    expect(league?.rowCount).toBe(2 + 60 + 1);
    expect(wb.getWorksheet('通报信息')?.getRow(6).getCell(2).value).toContain('模拟数据');
    const again = await renderBulletinXlsx(content);
    expect(again.equals(bytes)).toBe(true);
  });
});

describe('printable HTML', () => {
  it('escapes text, repeats table headers when printed and marks synthetic figures', () => {
    const html = renderBulletinHtml(content);
    expect(html).toContain('<h2>一、三大差距主要指标</h2>');
    expect(html).toContain('县1 &lt;&amp;&gt;');
    expect(html).not.toContain('县1 <&>');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('【模拟数据】');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('outputs', () => {
  it('names files by month and gives their content types', async () => {
    const r = await renderBulletin(content, 'html');
    expect(r.filename).toBe('月度通报-2025-11.html');
    expect(r.contentType).toBe('text/html; charset=utf-8');
    expect((await renderBulletin(content, 'docx')).contentType).toContain('wordprocessingml');
  });

  it('the composed content matches the contract schema', () => {
    expect(BulletinContentSchema.parse(content)).toEqual(content);
  });

  it('refuses to fix the times of something that is not a zip', () => {
    expect(() => fixZipTimes(Buffer.alloc(100), '2025-12-05')).toThrow(/not a zip/);
  });
});

describe('canonicalJson', () => {
  it('does not depend on the order keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    const reordered = BulletinContentSchema.parse(JSON.parse(canonicalJson(content)));
    expect(bulletinContentHash(reordered)).toBe(bulletinContentHash(content));
  });
});
