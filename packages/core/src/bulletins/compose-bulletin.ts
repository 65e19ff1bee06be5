/**
 * Composition of the monthly bulletin (月度通报, issue 8 §4; seed 002 (三) 每月通报、及时预警) from its
 * section inputs: the headline texts, section numbering 一、二、三 (GB/T 9704-2012), table numbering, which
 * projects go in the red and yellow lists (METHODS.md §5 lights), and a 模拟数据 mark beside every
 * synthetic figure and in the title area. Pure and deterministic: the same inputs give the same content.
 */
import { err, ok, type Result } from '../result';
import type { ProgressStatus } from '../targets/types';
import {
  BULLETIN_SCHEMA_VERSION,
  SYNTHETIC_MARK,
  type BulletinBlock,
  type BulletinContent,
  type BulletinSection,
  type BulletinSectionKey,
  type BulletinTable,
  type BulletinTableRow,
  type RowTone,
} from './bulletin-content';
import {
  comparatorSymbol,
  formatFigure,
  formatNumber,
  formatPercent,
  marked,
  SEVERITY_ZH,
  STATUS_ZH,
} from './bulletin-format';
import type {
  BulletinInputs,
  BulletinTargetRef,
  ProjectRowInput,
  SupervisionOrderInput,
  WarningInput,
} from './bulletin-inputs';
import { monthTitle } from './bulletin-month';
import { sectionLabel } from './chinese-numeral';

export const DEFAULT_BULLETIN_TITLE = '缩小三大差距工作月度通报';

export interface BulletinComposeError {
  readonly code: 'NO_DATA';
  readonly message: string;
}

/** Statuses that put a target on the list of lagging targets, worst first. */
const LAGGING: readonly ProgressStatus[] = ['moving_away', 'limited_progress', 'needs_acceleration'];
const STATUS_ORDER: readonly ProgressStatus[] = [
  'achieved',
  'on_track',
  'needs_acceleration',
  'limited_progress',
  'moving_away',
  'no_data',
];

/** Whether the month has anything to report: a value, a ranked run, a warning or a row of another module. */
export function bulletinHasData(inputs: BulletinInputs): boolean {
  return (
    inputs.headline.some((h) => h.latest !== null) ||
    inputs.targets.rows.some((r) => r.latest !== null) ||
    (inputs.league?.rows.length ?? 0) > 0 ||
    inputs.warnings.raised.length + inputs.warnings.closed.length + inputs.warnings.openAtEnd > 0 ||
    (inputs.projects?.count ?? 0) > 0 ||
    (inputs.supervision
      ? inputs.supervision.opened.length +
        inputs.supervision.overdue.length +
        inputs.supervision.closed.length +
        inputs.supervision.escalated.length
      : 0) > 0 ||
    (inputs.tasks?.overdue.length ?? 0) > 0
  );
}

const targetText = (t: BulletinTargetRef, unit: string) =>
  `${t.year}年${comparatorSymbol(t.comparator)}${formatFigure(t.value, unit)}`;

/** Numbers tables in document order as sections are built. */
class TableCounter {
  private n = 0;
  private readonly sheets = new Set<string>();
  table(
    spec: Omit<BulletinTable, 'number' | 'sheetName' | 'synthetic'> & { readonly sheet: string },
  ): BulletinTable {
    this.n += 1;
    let sheetName = `表${this.n} ${spec.sheet}`.slice(0, 31);
    // Worksheet names must be unique; the number keeps them so unless a name is cut at 31 characters.
    while (this.sheets.has(sheetName)) sheetName = `${sheetName.slice(0, 29)}_${this.n}`;
    this.sheets.add(sheetName);
    const { sheet, ...rest } = spec;
    void sheet;
    return {
      ...rest,
      number: this.n,
      sheetName,
      synthetic: spec.rows.some((r) => r.synthetic),
    };
  }
}

const row = (cells: readonly string[], synthetic: boolean, tone: RowTone = null): BulletinTableRow => ({
  cells,
  synthetic,
  tone,
});
const para = (text: string, synthetic = false): BulletinBlock => ({ kind: 'paragraph', text, synthetic });
const tableBlock = (table: BulletinTable): BulletinBlock => ({ kind: 'table', table });
const SYNTHETIC_TABLE_NOTE = `标注“${SYNTHETIC_MARK}”的数值为系统生成的模拟数据，仅供演示，不代表真实情况。`;

const noteWith = (note: string | null, rows: readonly BulletinTableRow[]): string | null => {
  const parts = [note, rows.some((r) => r.synthetic) ? SYNTHETIC_TABLE_NOTE : null].filter(
    (x): x is string => x !== null,
  );
  return parts.length === 0 ? null : parts.join(' ');
};

function headlineSection(inputs: BulletinInputs, tables: TableCounter): BulletinBlock[] {
  const rows = inputs.headline.map((h) =>
    row(
      [
        h.nameZh,
        h.latest === null ? '暂无数据' : marked(formatFigure(h.latest.value, h.unit), h.synthetic),
        h.latest?.period ?? '—',
        h.target === null ? '—' : targetText(h.target, h.unit),
        h.status === null ? '—' : STATUS_ZH[h.status],
      ],
      h.latest !== null && h.synthetic,
    ),
  );
  const withValue = inputs.headline.filter((h) => h.latest !== null);
  const sentences = withValue.map(
    (h) =>
      `${h.nameZh}为${marked(formatFigure(h.latest?.value ?? 0, h.unit), h.synthetic)}（${h.latest?.period ?? ''}）` +
      (h.target !== null && h.status !== null
        ? `，对照${targetText(h.target, h.unit)}的目标，${STATUS_ZH[h.status]}`
        : ''),
  );
  const text =
    sentences.length === 0
      ? `截至${monthTitle(inputs.month)}底，三大差距主要指标暂无数据。`
      : `截至${monthTitle(inputs.month)}底，${sentences.join('；')}。`;
  return [
    para(
      text,
      withValue.some((h) => h.synthetic),
    ),
    tableBlock(
      tables.table({
        key: 'headline',
        sheet: '三大差距主要指标',
        title: '三大差距主要指标',
        columns: ['指标', '最新值', '时期', '目标', '状态'],
        rows,
        note: noteWith('状态按 Open SDG/加拿大统计局方法：实际年均增速与所需年均增速之比。', rows),
        emptyText: '暂无数据',
      }),
    ),
  ];
}

function targetsSection(inputs: BulletinInputs, tables: TableCounter): BulletinBlock[] {
  const counts = new Map<ProgressStatus, number>();
  for (const r of inputs.targets.rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const parts = STATUS_ORDER.filter((s) => (counts.get(s) ?? 0) > 0).map(
    (s) => `${STATUS_ZH[s]}${counts.get(s) ?? 0}项`,
  );
  const lagging = inputs.targets.rows
    .filter((r) => LAGGING.includes(r.status))
    .sort(
      (a, b) =>
        LAGGING.indexOf(a.status) - LAGGING.indexOf(b.status) ||
        a.indicatorNameZh.localeCompare(b.indicatorNameZh, 'zh-CN') ||
        a.unitName.localeCompare(b.unitName, 'zh-CN'),
    );
  const rows = lagging.map((r) =>
    row(
      [
        r.indicatorNameZh,
        r.unitName,
        r.latest === null ? '—' : marked(formatFigure(r.latest.value, r.unit), r.synthetic),
        r.latest?.period ?? '—',
        targetText(r.target, r.unit),
        STATUS_ZH[r.status],
      ],
      r.synthetic,
      r.status === 'moving_away' ? 'red' : r.status === 'limited_progress' ? 'orange' : 'yellow',
    ),
  );
  const total = inputs.targets.rows.length;
  return [
    para(
      total === 0
        ? '本月无需评估的目标。'
        : `纳入监测的目标共${total}项，其中${parts.join('、')}。需加快、进展有限和背离目标的${lagging.length}项目标列于下表。`,
    ),
    tableBlock(
      tables.table({
        key: 'targets-lagging',
        sheet: '进度滞后目标',
        title: '进度滞后目标',
        columns: ['指标', '地区', '最新值', '时期', '目标', '状态'],
        rows,
        note: noteWith(null, rows),
        emptyText: '本月无进度滞后的目标。',
      }),
    ),
  ];
}

function leagueSection(inputs: BulletinInputs, tables: TableCounter): BulletinBlock[] | null {
  const league = inputs.league;
  if (league === null) return null;
  const ranked = league.rows.filter((r) => r.rank !== null);
  const first = ranked.slice(0, 3).map((r) => r.name);
  const rows = league.rows.map((r) =>
    row(
      [
        r.rank === null ? '—' : String(r.rank),
        r.name,
        r.parentName ?? '—',
        r.score === null ? '—' : marked(formatNumber(r.score), r.synthetic),
        r.rankChange === null || r.rankChange === 0
          ? '—'
          : r.rankChange > 0
            ? `↑${r.rankChange}`
            : `↓${-r.rankChange}`,
        r.mountainIsland ? '是' : '',
      ],
      r.synthetic,
    ),
  );
  const synthetic = league.rows.some((r) => r.synthetic);
  return [
    para(
      `依据${league.frameworkName}（${league.period}年度，评价运行第${league.runId}号），参评县（市、区）${league.rows.length}个，` +
        `排名前三的是${first.length > 0 ? first.join('、') : '—'}。`,
      synthetic,
    ),
    tableBlock(
      tables.table({
        key: 'league',
        sheet: '县域排名',
        title: `县域城乡一体融合发展指数排名（${league.period}）`,
        columns: ['排名', '县（市、区）', '所属设区市', '得分', '名次变化', '山区海岛县'],
        rows,
        note: noteWith('排名 1 为最优，并列者名次相同；名次变化与上一期比较。', rows),
        emptyText: '无参评单位',
      }),
    ),
  ];
}

const warningRow = (w: WarningInput, date: string) =>
  row(
    [
      SEVERITY_ZH[w.severity],
      w.unitName,
      w.indicatorName ?? '—',
      w.rule,
      date,
      marked(w.message, w.synthetic),
    ],
    w.synthetic,
    w.severity,
  );

function warningsSection(inputs: BulletinInputs, tables: TableCounter): BulletinBlock[] {
  const w = inputs.warnings;
  const bySeverity = (['red', 'orange', 'yellow'] as const)
    .map((s) => [s, w.raised.filter((x) => x.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${SEVERITY_ZH[s]}${n}条`);
  const order = { red: 0, orange: 1, yellow: 2 } as const;
  const sorted = (list: readonly WarningInput[], date: (x: WarningInput) => string) =>
    [...list].sort(
      (a, b) =>
        order[a.severity] - order[b.severity] ||
        date(a).localeCompare(date(b)) ||
        a.unitName.localeCompare(b.unitName, 'zh-CN') ||
        a.message.localeCompare(b.message),
    );
  const raisedRows = sorted(w.raised, (x) => x.raisedOn).map((x) => warningRow(x, x.raisedOn));
  const closedRows = sorted(w.closed, (x) => x.closedOn ?? '').map((x) => warningRow(x, x.closedOn ?? '—'));
  const columns = ['等级', '地区', '指标', '规则', '日期', '说明'];
  return [
    para(
      `${monthTitle(inputs.month)}新发预警${w.raised.length}条${bySeverity.length > 0 ? `（${bySeverity.join('、')}）` : ''}，` +
        `解除预警${w.closed.length}条，月末尚未解除的预警${w.openAtEnd}条。`,
    ),
    tableBlock(
      tables.table({
        key: 'warnings-raised',
        sheet: '本月新发预警',
        title: '本月新发预警',
        columns,
        rows: raisedRows,
        note: noteWith(null, raisedRows),
        emptyText: '本月无新发预警。',
      }),
    ),
    tableBlock(
      tables.table({
        key: 'warnings-closed',
        sheet: '本月解除预警',
        title: '本月解除预警',
        columns,
        rows: closedRows,
        note: noteWith(null, closedRows),
        emptyText: '本月无解除的预警。',
      }),
    ),
  ];
}

/** The red and yellow lists (METHODS.md §5 lights): red before yellow, lowest completion rate first. */
export function projectLists(rows: readonly ProjectRowInput[]): {
  readonly red: readonly ProjectRowInput[];
  readonly yellow: readonly ProjectRowInput[];
} {
  const order = (a: ProjectRowInput, b: ProjectRowInput) =>
    (a.completionRate ?? -1) - (b.completionRate ?? -1) || a.code.localeCompare(b.code);
  return {
    red: rows.filter((r) => r.light === 'red').sort(order),
    yellow: rows.filter((r) => r.light === 'yellow').sort(order),
  };
}

function projectsSection(inputs: BulletinInputs, tables: TableCounter): BulletinBlock[] | null {
  const p = inputs.projects;
  if (p === null) return null;
  const { red, yellow } = projectLists(p.rows);
  const synthetic = p.synthetic || p.rows.some((r) => r.synthetic);
  const investment =
    p.plannedInvestment !== null && p.completedInvestment !== null && p.plannedInvestment > 0
      ? `年度计划投资${marked(formatFigure(p.plannedInvestment, '100m yuan'), synthetic)}，累计完成${marked(formatFigure(p.completedInvestment, '100m yuan'), synthetic)}，完成率${formatPercent(p.completedInvestment / p.plannedInvestment)}（序时进度${formatPercent(p.schedule)}）`
      : `序时进度${formatPercent(p.schedule)}`;
  const start = p.startRate === null ? '' : `，新开工率${formatPercent(p.startRate)}`;
  const listRows = (list: readonly ProjectRowInput[], tone: RowTone) =>
    list.map((r) =>
      row(
        [
          r.code,
          r.name,
          r.unitName,
          r.plannedInvestment === null ? '—' : marked(formatNumber(r.plannedInvestment), r.synthetic),
          r.completedInvestment === null ? '—' : marked(formatNumber(r.completedInvestment), r.synthetic),
          r.completionRate === null ? '—' : formatPercent(r.completionRate),
          r.reason,
        ],
        r.synthetic,
        tone,
      ),
    );
  const columns = ['项目编号', '项目名称', '地区', '年度计划(亿元)', '累计完成(亿元)', '完成率', '原因'];
  const redRows = listRows(red, 'red');
  const yellowRows = listRows(yellow, 'yellow');
  return [
    para(
      `纳入调度的重大项目${p.count}个，${investment}${start}。其中红灯${p.lights.red}个、黄灯${p.lights.yellow}个、绿灯${p.lights.green}个` +
        `${p.lights.none > 0 ? `、未判定${p.lights.none}个` : ''}。`,
      synthetic,
    ),
    { kind: 'subheading', text: '（一）红色清单' },
    tableBlock(
      tables.table({
        key: 'projects-red',
        sheet: '项目红色清单',
        title: '重大项目红色清单',
        columns,
        rows: redRows,
        note: noteWith('红灯：滞后序时进度超过30个百分点，或计划开工后3个月以上未开工。', redRows),
        emptyText: '本月无红灯项目。',
      }),
    ),
    { kind: 'subheading', text: '（二）黄色清单' },
    tableBlock(
      tables.table({
        key: 'projects-yellow',
        sheet: '项目黄色清单',
        title: '重大项目黄色清单',
        columns,
        rows: yellowRows,
        note: noteWith('黄灯：滞后序时进度10–30个百分点，或计划开工后1–2个月未开工。', yellowRows),
        emptyText: '本月无黄灯项目。',
      }),
    ),
  ];
}

function supervisionSection(inputs: BulletinInputs, tables: TableCounter): BulletinBlock[] | null {
  const s = inputs.supervision;
  if (s === null) return null;
  const byIssue = (a: SupervisionOrderInput, b: SupervisionOrderInput) =>
    a.issuedOn.localeCompare(b.issuedOn) || a.code.localeCompare(b.code, 'en', { numeric: true });
  const overdueRows = [...s.overdue]
    .sort((a, b) => (b.overdueDays ?? 0) - (a.overdueDays ?? 0) || byIssue(a, b))
    .map((o) =>
      row(
        [
          o.code,
          o.addressee,
          marked(o.title, o.synthetic),
          o.step,
          o.dueOn ?? '—',
          String(o.overdueDays ?? 0),
          o.escalatedTo ?? '—',
        ],
        o.synthetic,
        'red',
      ),
    );
  const listRows = (list: readonly SupervisionOrderInput[], tone: RowTone) =>
    [...list]
      .sort(byIssue)
      .map((o) =>
        row(
          [o.code, marked(o.title, o.synthetic), o.addressee, o.issuedOn, o.step, o.closedOn ?? '—'],
          o.synthetic,
          tone,
        ),
      );
  const escalatedRows = [...s.escalated]
    .sort(
      (a, b) =>
        a.escalatedOn.localeCompare(b.escalatedOn) || a.code.localeCompare(b.code, 'en', { numeric: true }),
    )
    .map((e) =>
      row(
        [e.code, marked(e.title, e.synthetic), e.addressee, e.step, e.deadline, e.escalatedOn, e.escalatedTo],
        e.synthetic,
        'orange',
      ),
    );
  const openedRows = listRows(s.opened, null);
  const closedRows = listRows(s.closed, 'green');
  const listColumns = ['督办单号', '事项', '承办单位', '下发日期', '月末环节', '办结日期'];
  const synthetic = [...s.opened, ...s.overdue, ...s.closed, ...s.escalated].some((o) => o.synthetic);
  return [
    para(
      `${monthTitle(inputs.month)}新下发督办单${s.opened.length}件，办结${s.closed.length}件，逾期升级督办${s.escalated.length}件次；` +
        `截至月末，逾期未办结${s.overdue.length}件。`,
      synthetic,
    ),
    tableBlock(
      tables.table({
        key: 'supervision-overdue',
        sheet: '逾期督办单',
        title: '月末逾期督办单',
        columns: ['督办单号', '承办单位', '事项', '当前环节', '环节期限', '逾期天数', '升级督办'],
        rows: overdueRows,
        note: noteWith('逾期：月末已超过所处环节的办理期限且尚未办结。', overdueRows),
        emptyText: '月末无逾期督办单。',
      }),
    ),
    tableBlock(
      tables.table({
        key: 'supervision-opened',
        sheet: '督办单新下发',
        title: '本月新下发督办单',
        columns: listColumns,
        rows: openedRows,
        note: noteWith(null, openedRows),
        emptyText: '本月无新下发的督办单。',
      }),
    ),
    tableBlock(
      tables.table({
        key: 'supervision-closed',
        sheet: '督办单办结',
        title: '本月办结督办单',
        columns: listColumns,
        rows: closedRows,
        note: noteWith(null, closedRows),
        emptyText: '本月无办结的督办单。',
      }),
    ),
    tableBlock(
      tables.table({
        key: 'supervision-escalated',
        sheet: '督办单升级',
        title: '本月逾期升级督办',
        columns: ['督办单号', '事项', '承办单位', '逾期环节', '环节期限', '升级日期', '升级至'],
        rows: escalatedRows,
        note: noteWith('逾期未办的环节升级至责任单位的上一级督办。', escalatedRows),
        emptyText: '本月无升级督办。',
      }),
    ),
  ];
}

function tasksSection(inputs: BulletinInputs, tables: TableCounter): BulletinBlock[] | null {
  const t = inputs.tasks;
  if (t === null) return null;
  const rows = [...t.overdue]
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.code.localeCompare(b.code, 'en', { numeric: true }))
    .map((x) =>
      row(
        [
          x.code,
          x.list,
          marked(x.title, x.synthetic),
          x.leadDepartment ?? '—',
          x.unitName ?? '—',
          x.dueDate,
          String(x.daysOverdue),
        ],
        x.synthetic,
        x.daysOverdue > 30 ? 'red' : 'yellow',
      ),
    );
  const total = t.lists.reduce((n, l) => n + l.total, 0);
  const perList = t.lists.filter((l) => l.overdue > 0).map((l) => `${l.list}${l.overdue}项`);
  const listRows = t.lists.map((l) => row([l.list, String(l.total), String(l.overdue)], false));
  return [
    para(
      `截至${monthTitle(inputs.month)}底，纳入监测的重点工作${total}项，逾期未完成${t.overdue.length}项` +
        `${perList.length > 0 ? `（${perList.join('、')}）` : ''}。`,
      t.overdue.some((x) => x.synthetic),
    ),
    tableBlock(
      tables.table({
        key: 'tasks-lists',
        sheet: '重点工作清单',
        title: '重点工作分清单情况',
        columns: ['清单', '任务数', '逾期未完成'],
        rows: listRows,
        note: '任务数不含已取消的任务；逾期：月末已过完成时限且尚未完成。',
        emptyText: '暂无重点工作。',
      }),
    ),
    tableBlock(
      tables.table({
        key: 'tasks-overdue',
        sheet: '逾期重点工作',
        title: '月末逾期重点工作',
        columns: ['编号', '清单', '工作任务', '牵头部门', '地区', '完成时限', '逾期天数'],
        rows,
        note: noteWith('逾期超过30天的标红。', rows),
        emptyText: '月末无逾期的重点工作。',
      }),
    ),
  ];
}

const HEADINGS: Readonly<Record<BulletinSectionKey, string>> = {
  headline: '三大差距主要指标',
  targets: '目标任务进展',
  league: '县域城乡一体融合发展评价',
  warnings: '预警情况',
  projects: '重大项目调度',
  supervision: '重点问题督办',
  tasks: '重点工作监测',
};

const OMITTED: Readonly<Partial<Record<BulletinSectionKey, string>>> = {
  league: '县域排名：本期无冻结的县域指数评价结果 (no frozen county index run for the period)',
  projects: '重大项目调度：本月无项目调度数据 (no project dispatch data for the month)',
  supervision: '重点问题督办：督办数据暂不可用 (supervision data not available)',
  tasks: '重点工作监测：任务数据暂不可用 (task data not available)',
};

/**
 * The bulletin of a month from its section inputs. Refuses (NO_DATA) a month with nothing to report.
 * Sections without input (a module not available, no index run) are left out, numbering closes up, and
 * `omitted` says which and why.
 */
export function composeBulletin(inputs: BulletinInputs): Result<BulletinContent, BulletinComposeError> {
  if (!bulletinHasData(inputs))
    return err({
      code: 'NO_DATA',
      message: `${monthTitle(inputs.month)}没有可通报的数据 (no data to report for ${inputs.month.month})`,
    });
  const tables = new TableCounter();
  const built: [BulletinSectionKey, BulletinBlock[] | null][] = [
    ['headline', headlineSection(inputs, tables)],
    ['targets', targetsSection(inputs, tables)],
    ['league', leagueSection(inputs, tables)],
    ['warnings', warningsSection(inputs, tables)],
    ['projects', projectsSection(inputs, tables)],
    ['supervision', supervisionSection(inputs, tables)],
    ['tasks', tasksSection(inputs, tables)],
  ];
  const sections: BulletinSection[] = [];
  const omitted: string[] = [];
  for (const [key, blocks] of built) {
    if (blocks === null) {
      const why = OMITTED[key];
      if (why !== undefined) omitted.push(why);
      continue;
    }
    sections.push({ key, label: sectionLabel(sections.length + 1), heading: HEADINGS[key], blocks });
  }
  const synthetic = sections.some((s) =>
    s.blocks.some((b) => (b.kind === 'paragraph' ? b.synthetic : b.kind === 'table' && b.table.synthetic)),
  );
  const m = inputs.month;
  return ok({
    schema: BULLETIN_SCHEMA_VERSION,
    month: m.month,
    asOf: m.end,
    title: inputs.title ?? DEFAULT_BULLETIN_TITLE,
    issueNumber: `${m.year}年第${m.monthNumber}期`,
    issuer: inputs.issuer,
    issueDate: inputs.issueDate,
    synthetic,
    syntheticNote: synthetic
      ? `本期通报含${SYNTHETIC_MARK}：标注“${SYNTHETIC_MARK}”的数值由系统生成，仅供演示，不代表真实情况。`
      : null,
    lead:
      `现将${monthTitle(m)}全省缩小三大差距工作情况通报如下。本通报数据截至${m.year}年${m.monthNumber}月` +
      `${Number(m.end.slice(8))}日。`,
    sections,
    omitted,
  });
}
