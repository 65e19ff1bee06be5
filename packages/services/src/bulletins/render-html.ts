/**
 * The bulletin as one printable HTML page (A4, GB/T 9704 margins via @page): the same layout as the Word
 * document, header rows that repeat on every printed page (`thead`), and 模拟数据 marks. Self-contained
 * (inline style, no script), so it can be saved, printed or shown in a sandboxed frame.
 */
import { chineseDate, type BulletinContent, type BulletinTable } from '@suocha/core';

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "FangSong", "FangSong_GB2312", "STFangsong", "WenQuanYi Zen Hei", serif; font-size: 16pt;
  line-height: 28pt; color: #000; max-width: 156mm; margin: 24px auto; background: #fff; }
h1 { font-family: "SimSun", "Songti SC", "WenQuanYi Zen Hei", serif; color: #c00000; font-size: 22pt;
  text-align: center; margin: 0 0 12px; line-height: 1.4; }
.issue { text-align: center; margin: 0; }
.masthead { display: flex; justify-content: space-between; border-bottom: 2px solid #c00000; font-size: 14pt;
  padding-bottom: 4px; margin-bottom: 16px; }
.synthetic { color: #c00000; text-align: center; font-family: "SimHei", "WenQuanYi Zen Hei", sans-serif;
  font-size: 14pt; border: 1px solid #c00000; padding: 4px 8px; line-height: 1.5; }
p { text-indent: 2em; margin: 0; text-align: justify; }
h2 { font-family: "SimHei", "WenQuanYi Zen Hei", sans-serif; font-size: 16pt; font-weight: normal;
  text-indent: 2em; margin: 8px 0 0; }
h3 { font-family: "KaiTi", "STKaiti", "WenQuanYi Zen Hei", serif; font-size: 16pt; font-weight: normal;
  text-indent: 2em; margin: 0; }
table { border-collapse: collapse; width: 100%; font-family: "SimSun", "WenQuanYi Zen Hei", serif;
  font-size: 10.5pt; line-height: 1.4; margin: 4px 0 8px; }
caption { font-family: "SimHei", "WenQuanYi Zen Hei", sans-serif; font-size: 14pt; margin: 8px 0 4px; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; }
th { background: #d9d9d9; font-family: "SimHei", "WenQuanYi Zen Hei", sans-serif; font-weight: normal; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
.tone-red td:first-child { color: #c00000; } .tone-orange td:first-child { color: #c55a11; }
.tone-yellow td:first-child { color: #9c6500; } .tone-green td:first-child { color: #2e7d32; }
.note, .omitted { font-family: "KaiTi", "STKaiti", "WenQuanYi Zen Hei", serif; font-size: 9pt; line-height: 1.5;
  text-indent: 0; }
.signature { text-align: right; text-indent: 0; }
.signature:first-of-type { margin-top: 24px; }
`;

function tableHtml(t: BulletinTable): string {
  const caption = `表${t.number}  ${escapeHtml(t.title)}`;
  if (t.rows.length === 0)
    return `<table data-table="${escapeHtml(t.key)}"><caption>${caption}</caption></table><p>${escapeHtml(t.emptyText)}</p>`;
  const head = `<thead><tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map(
      (r) =>
        `<tr${r.tone === null ? '' : ` class="tone-${r.tone}"`}>${t.columns
          .map((_, i) => `<td>${escapeHtml(r.cells[i] ?? '')}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  const note = t.note === null ? '' : `<p class="note">注：${escapeHtml(t.note)}</p>`;
  return `<table data-table="${escapeHtml(t.key)}"><caption>${caption}</caption>${head}<tbody>${body}</tbody></table>${note}`;
}

/** The printable HTML document of a bulletin. */
export function renderBulletinHtml(content: BulletinContent): string {
  const parts: string[] = [
    `<h1>${escapeHtml(content.title)}</h1>`,
    `<p class="issue">（${escapeHtml(content.issueNumber)}）</p>`,
    `<div class="masthead"><span>${escapeHtml(content.issuer)}</span><span>${chineseDate(content.issueDate)}</span></div>`,
  ];
  if (content.syntheticNote !== null)
    parts.push(`<div class="synthetic">【模拟数据】${escapeHtml(content.syntheticNote)}</div>`);
  parts.push(`<p>${escapeHtml(content.lead)}</p>`);
  for (const s of content.sections) {
    parts.push(`<h2>${escapeHtml(`${s.label}${s.heading}`)}</h2>`);
    for (const b of s.blocks)
      parts.push(
        b.kind === 'paragraph'
          ? `<p>${escapeHtml(b.text)}</p>`
          : b.kind === 'subheading'
            ? `<h3>${escapeHtml(b.text)}</h3>`
            : tableHtml(b.table),
      );
  }
  if (content.omitted.length > 0)
    parts.push(`<p class="omitted">说明：本期未列入的内容——${escapeHtml(content.omitted.join('；'))}。</p>`);
  parts.push(
    `<p class="signature">${escapeHtml(content.issuer)}</p>`,
    `<p class="signature">${chineseDate(content.issueDate)}</p>`,
  );
  const title = escapeHtml(`${content.title}（${content.issueNumber}）`);
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head><body>${parts.join('\n')}</body></html>\n`;
}
