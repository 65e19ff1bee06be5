/**
 * Export of a frozen league table to .xlsx (ExcelJS), for the offices that work in Excel and WPS:
 * Chinese headers; title rows naming the framework and version, period, as-of date, run and data
 * fingerprint, and 模拟数据 on every sheet when any input is synthetic; the league table, the indicator
 * values and normalised scores, and the notes (data gaps, warnings, sources).
 *
 * Text cells are neutralised against formula injection (OWASP "CSV injection", which spreadsheet
 * programs apply to xlsx text as well): a string starting with = + - @ (or a tab or carriage return) is
 * written with a leading apostrophe, so it is shown as text and never evaluated.
 */
import ExcelJS from 'exceljs';
import { SYNTHETIC_LABEL, type IndexRunDto } from '@suocha/contract';

/** A string a spreadsheet will not read as a formula. */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

type Cell = string | number | null;
const cell = (v: Cell): ExcelJS.CellValue => (typeof v === 'string' ? safeText(v) : v);

const LEVEL_ZH: Record<string, string> = {
  country: '国家',
  province: '省',
  city: '设区市',
  county: '县(市、区)',
  town: '乡镇(街道)',
  village: '村(社区)',
};

function titleRows(run: IndexRunDto, sheet: string): Cell[][] {
  const synthetic = run.synthetic ? ` — ${SYNTHETIC_LABEL}` : '';
  return [
    [
      `${run.framework.nameZh} — ${sheet} — ${run.framework.code} v${run.framework.version}, ${run.period}, ` +
        `截至 ${run.asOf}, 指纹 ${run.dataFingerprint.slice(0, 12)}${synthetic}`,
    ],
    [
      `框架 framework: ${run.framework.code} 第${run.framework.version}版 (v${run.framework.version})  |  期间 period: ${run.period}  |  ` +
        `截至 as of: ${run.asOf}  |  范围 scope: ${run.scopeUnit.name} ${run.scopeUnit.code}, ${LEVEL_ZH[run.level] ?? run.level}`,
    ],
    [
      `运行 run #${run.id}  |  生成 created: ${run.createdAt} by ${run.createdBy}  |  数据指纹 data fingerprint (SHA-256): ${run.dataFingerprint}` +
        `  |  蒙特卡洛 Monte Carlo: ${run.samples} samples, seed ${run.seed}`,
    ],
    [
      run.synthetic
        ? `${SYNTHETIC_LABEL}: 本表含模拟数据,不得作为真实统计发布 (contains synthetic data; never publish as real figures)`
        : '',
    ],
  ];
}

function addSheet(
  wb: ExcelJS.Workbook,
  run: IndexRunDto,
  name: string,
  header: string[],
  rows: Cell[][],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 5 }] });
  for (const r of titleRows(run, name)) ws.addRow(r.map(cell));
  ws.getRow(1).font = { bold: true, size: 14 };
  if (run.synthetic) ws.getRow(4).font = { bold: true, color: { argb: 'FFC00000' } };
  const head = ws.addRow(header.map(cell));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  for (const r of rows) ws.addRow(r.map(cell));
  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(Math.max(8, [...h].length * 1.6), 28);
  });
  return ws;
}

const round = (x: number | null, digits: number): number | null =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** The workbook of a run as an .xlsx file. */
export async function leagueTableWorkbook(run: IndexRunDto): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'suocha 缩差';
  wb.title = `${run.framework.nameZh} ${run.period}${run.synthetic ? ` ${SYNTHETIC_LABEL}` : ''}`;
  wb.created = new Date(run.createdAt);
  const nameOf = new Map(run.indicators.map((i) => [i.code, i.nameZh]));

  addSheet(
    wb,
    run,
    '排名',
    [
      '排名',
      '区划代码',
      '名称',
      '上级',
      '山区海岛县',
      '组内排名(山区海岛县/其他)',
      '上级内排名',
      '总得分',
      '排名变化(+上升)',
      '排名区间 P5',
      '中位排名',
      '排名区间 P95',
      '数据覆盖率(%)',
      '覆盖不足(计分不排名)',
      ...run.domains.map((d) => `${d.nameZh}得分`),
      '短板1',
      '短板2',
      '短板3',
      '模拟数据',
    ],
    run.rows.map((r) => [
      r.rank,
      r.unitCode,
      r.name,
      r.parentName,
      r.mountainIsland ? '是' : '否',
      r.groupRank,
      r.parentRank,
      round(r.score, 2),
      r.rankChange,
      r.rankInterval?.p5 ?? null,
      r.rankInterval?.median ?? null,
      r.rankInterval?.p95 ?? null,
      round(r.coverage * 100, 1),
      r.belowCoverage ? '是' : r.available === 0 ? '无数据' : '',
      ...run.domains.map((d) => round(r.domainScores[d.code] ?? null, 2)),
      ...[0, 1, 2].map((w) => {
        const x = r.weakest[w];
        return x ? `${nameOf.get(x.indicator) ?? x.indicator} (-${x.contribution.toFixed(2)})` : null;
      }),
      r.synthetic ? SYNTHETIC_LABEL : '',
    ]),
  );

  const indicatorHeader = [
    '区划代码',
    '名称',
    ...run.indicators.map((i) => `${i.nameZh}${i.unit ? `(${i.unit})` : ''}`),
  ];
  const raw = addSheet(
    wb,
    run,
    '指标值',
    indicatorHeader,
    run.rows.map((r) => [r.unitCode, r.name, ...run.indicators.map((i) => r.values[i.code]?.value ?? null)]),
  );
  // Mark imputed values, so that nobody mistakes them for observations.
  run.rows.forEach((r, k) => {
    run.indicators.forEach((i, j) => {
      if (!r.values[i.code]?.imputed) return;
      const c = raw.getCell(6 + k, 3 + j);
      c.note = '插补值 imputed (not observed)';
      c.font = { italic: true, color: { argb: 'FF7F7F7F' } };
    });
  });
  addSheet(
    wb,
    run,
    '标准化得分',
    indicatorHeader.map((h, i) => (i < 2 ? h : `${h} 0–100`)),
    run.rows.map((r) => [
      r.unitCode,
      r.name,
      ...run.indicators.map((i) => round(r.values[i.code]?.normalised ?? null, 2)),
    ]),
  );
  addSheet(
    wb,
    run,
    '说明',
    ['项目', '内容'],
    [
      ...(run.note ? [['框架说明', run.note.zh] as Cell[], ['Framework note', run.note.en] as Cell[]] : []),
      ['覆盖率门槛 coverage threshold', `${Math.round(run.coverageThreshold * 100)}%`],
      ['排名变化 rank change', run.rankChangeBasis.note],
      ...run.notes.map((n): Cell[] => ['数据缺口 data gaps', n]),
      ...run.warnings.map((w): Cell[] => [`警告 ${w.code}`, w.message]),
      ...run.indicators.map((i): Cell[] => [
        `${i.nameZh} ${i.code}`,
        [
          `权重 ${i.weight}, ${i.direction === 'up' ? '正向' : '逆向'}, ${i.normalisation}`,
          i.derived ? `推算 derived: ${i.derived}` : '',
          i.source ? `来源 ${i.source}` : '',
        ]
          .filter(Boolean)
          .join('; '),
      ]),
    ],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
