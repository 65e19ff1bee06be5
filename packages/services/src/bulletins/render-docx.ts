/**
 * The bulletin as a Word document (.docx) in the usual layout of a Chinese government bulletin (GB/T
 * 9704-2012 党政机关公文格式, adapted to a 简报/通报 masthead): A4 with the standard margins, a red title,
 * the issue number, the issuing body and date over a red rule, the 模拟数据 notice in the title area when
 * some figure is synthetic, first-level headings 一、二、三 in 黑体, body text in 仿宋 三号 with 2-character
 * indent, tables numbered 表1 … whose header row repeats on every page, and page numbers "— 1 —" in the
 * footer. Fonts are declared with East Asian attributes (SimSun, SimHei, FangSong, KaiTi); a machine
 * without them substitutes its own CJK font. The bytes depend on the content alone (fixed zip times and
 * document dates), so a published bulletin renders to the same file every time.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { chineseDate, type BulletinContent, type BulletinTable, type RowTone } from '@suocha/core';
import { fixZipTimes } from './zip-times';

/** Fonts: Latin text in Times New Roman, Chinese text in the named East Asian font. */
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia });
export const BULLETIN_FONTS = {
  title: 'SimSun',
  heading: 'SimHei',
  body: 'FangSong',
  sub: 'KaiTi',
  table: 'SimSun',
} as const;

/** Half-points: 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt, 小五 9pt. */
const SIZE = { title: 44, issue: 32, body: 32, header: 28, table: 21, note: 18 } as const;
const RED = 'C00000';
const TONE_COLOUR: Readonly<Record<Exclude<RowTone, null>, string>> = {
  red: 'C00000',
  orange: 'C55A11',
  yellow: '9C6500',
  green: '2E7D32',
};

/** A4 and GB/T 9704 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips. */
const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 } as const;
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Fixed line spacing of body text (28 pt), in twips. */
const LINE = 560;

const run = (text: string, fontName: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(fontName), size, ...extra });

const bodyParagraph = (text: string) =>
  new Paragraph({
    children: [run(text, BULLETIN_FONTS.body, SIZE.body)],
    indent: { firstLine: SIZE.body * 20 },
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
  });

/** Column widths in proportion to the longest text of each column (at least 4, at most 18 characters). */
function columnWidths(table: BulletinTable): number[] {
  const lengths = table.columns.map((c, i) =>
    Math.min(18, Math.max(4, c.length, ...table.rows.map((r) => (r.cells[i] ?? '').length))),
  );
  const total = lengths.reduce((a, b) => a + b, 0);
  return lengths.map((l) => Math.floor((TEXT_WIDTH * l) / total));
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function cell(text: string, width: number, options: { header?: boolean; colour?: string } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.header === true
      ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } }
      : {}),
    children: [
      new Paragraph({
        alignment: options.header === true ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [
          run(text, options.header === true ? BULLETIN_FONTS.heading : BULLETIN_FONTS.table, SIZE.table, {
            ...(options.colour !== undefined ? { color: options.colour } : {}),
          }),
        ],
      }),
    ],
  });
}

function tableBlocks(table: BulletinTable): (Paragraph | Table)[] {
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 80 },
    keepNext: true,
    children: [run(`表${table.number}  ${table.title}`, BULLETIN_FONTS.heading, SIZE.header)],
  });
  if (table.rows.length === 0) return [caption, bodyParagraph(table.emptyText)];
  const widths = columnWidths(table);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => cell(c, widths[i] ?? 0, { header: true })),
  });
  const rows = table.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: table.columns.map((_, i) =>
          cell(
            r.cells[i] ?? '',
            widths[i] ?? 0,
            i === 0 && r.tone !== null ? { colour: TONE_COLOUR[r.tone] } : {},
          ),
        ),
      }),
  );
  const out: (Paragraph | Table)[] = [
    caption,
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [header, ...rows],
    }),
  ];
  if (table.note !== null)
    out.push(
      new Paragraph({
        spacing: { before: 60, after: 120 },
        children: [run(`注：${table.note}`, BULLETIN_FONTS.sub, SIZE.note)],
      }),
    );
  return out;
}

function titleArea(content: BulletinContent): Paragraph[] {
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200, after: 200 },
      children: [run(content.title, BULLETIN_FONTS.title, SIZE.title, { bold: true, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [run(`（${content.issueNumber}）`, BULLETIN_FONTS.body, SIZE.issue)],
    }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
      spacing: { after: 240 },
      children: [
        run(content.issuer, BULLETIN_FONTS.body, SIZE.header),
        run(`\t${chineseDate(content.issueDate)}`, BULLETIN_FONTS.body, SIZE.header),
      ],
    }),
  ];
  if (content.syntheticNote !== null)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 200 },
        children: [
          run(`【模拟数据】${content.syntheticNote}`, BULLETIN_FONTS.heading, SIZE.header, { color: RED }),
        ],
      }),
    );
  return out;
}

/** The document tree of a bulletin (exported for tests that inspect the XML). */
export function bulletinDocument(content: BulletinContent): Document {
  const children: (Paragraph | Table)[] = [...titleArea(content), bodyParagraph(content.lead)];
  for (const section of content.sections) {
    children.push(
      new Paragraph({
        spacing: { before: 120, line: LINE, lineRule: LineRuleType.EXACT },
        indent: { firstLine: SIZE.body * 20 },
        keepNext: true,
        children: [run(`${section.label}${section.heading}`, BULLETIN_FONTS.heading, SIZE.body)],
      }),
    );
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') children.push(bodyParagraph(block.text));
      else if (block.kind === 'subheading')
        children.push(
          new Paragraph({
            indent: { firstLine: SIZE.body * 20 },
            keepNext: true,
            spacing: { line: LINE, lineRule: LineRuleType.EXACT },
            children: [run(block.text, BULLETIN_FONTS.sub, SIZE.body)],
          }),
        );
      else children.push(...tableBlocks(block.table));
    }
  }
  if (content.omitted.length > 0)
    children.push(
      new Paragraph({
        spacing: { before: 240 },
        children: [
          run(`说明：本期未列入的内容——${content.omitted.join('；')}。`, BULLETIN_FONTS.sub, SIZE.note),
        ],
      }),
    );
  children.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 480 },
      children: [run(content.issuer, BULLETIN_FONTS.body, SIZE.body)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [run(chineseDate(content.issueDate), BULLETIN_FONTS.body, SIZE.body)],
    }),
  );
  return new Document({
    creator: content.issuer,
    title: `${content.title}（${content.issueNumber}）`,
    description: `月度通报 ${content.month}`,
    styles: {
      default: {
        document: { run: { font: font(BULLETIN_FONTS.body), size: SIZE.body } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: 1000 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    font: font(BULLETIN_FONTS.title),
                    size: SIZE.header,
                    children: ['— ', PageNumber.CURRENT, ' —'],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Core properties with the issue date as created/modified (instead of the time of writing). */
function coreProperties(content: BulletinContent): string {
  const at = `${content.issueDate}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(`${content.title}（${content.issueNumber}）`)}</dc:title>` +
    `<dc:description>${escapeXml(`月度通报 ${content.month}`)}</dc:description>` +
    `<dc:creator>${escapeXml(content.issuer)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** The .docx bytes of a bulletin; the same content always gives the same bytes. */
export async function renderBulletinDocx(content: BulletinContent): Promise<Buffer> {
  const bytes = await Packer.toBuffer(bulletinDocument(content), false, [
    { path: 'docProps/core.xml', data: coreProperties(content) },
  ]);
  return fixZipTimes(bytes, content.issueDate);
}
