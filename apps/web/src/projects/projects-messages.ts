/**
 * Texts of 重大项目调度 (issue 7 §6). zh-CN is the source; `projectsEn` must have the same shape. The light
 * explanations come from the server in both languages (core `lightText`) and are shown as they are.
 */
import type { Language } from '../i18n/messages';

/** Id of core's DEFAULT_LIGHT_RULES (METHODS.md §5). */
export const DEFAULT_RULES_ID = 'methods-5';

const LIGHTS_ZH: Readonly<Record<string, string>> = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  none: '不评价',
};
const LIGHTS_EN: Readonly<Record<string, string>> = {
  red: 'Red',
  yellow: 'Yellow',
  green: 'Green',
  none: 'Not judged',
};

// Core PROJECT_STAGE_ZH (谋划 → 储备 → 实施 → 竣工; 暂缓, 取消).
const STAGES_ZH: Readonly<Record<string, string>> = {
  planned: '谋划',
  reserve: '储备',
  under_construction: '实施',
  completed: '竣工',
  suspended: '暂缓',
  cancelled: '取消',
};
const STAGES_EN: Readonly<Record<string, string>> = {
  planned: 'Planned',
  reserve: 'Reserve',
  under_construction: 'Under construction',
  completed: 'Completed',
  suspended: 'Suspended',
  cancelled: 'Cancelled',
};

/** Names of the numbers a light explanation carries (core `LightExplanation.numbers`). */
const NUMBERS_ZH: Readonly<Record<string, string>> = {
  completionRate: '年度投资完成率',
  scheduleShare: '序时进度',
  gapPoints: '落后序时进度(百分点)',
  greenMaxGapPoints: '绿灯上限(百分点)',
  yellowMaxGapPoints: '黄灯上限(百分点)',
  monthsLate: '逾期月数',
  yellowMinMonthsLate: '黄灯起点(月)',
  redMinMonthsLate: '红灯起点(月)',
};
const NUMBERS_EN: Readonly<Record<string, string>> = {
  completionRate: 'Annual investment completion',
  scheduleShare: 'Schedule (序时进度)',
  gapPoints: 'Behind schedule (points)',
  greenMaxGapPoints: 'Green up to (points)',
  yellowMaxGapPoints: 'Yellow up to (points)',
  monthsLate: 'Months late',
  yellowMinMonthsLate: 'Yellow from (months)',
  redMinMonthsLate: 'Red from (months)',
};

const MEASURES_ZH: Readonly<Record<string, string>> = { '100m yuan': '亿元', count: '个' };
const MEASURES_EN: Readonly<Record<string, string>> = { '100m yuan': '× 100m yuan', count: '' };

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const ORIGINS_ZH: Readonly<Record<string, string>> = {
  form: '表单填报',
  import: '模板导入',
  synthetic: '模拟数据',
};
const ORIGINS_EN: Readonly<Record<string, string>> = {
  form: 'Form',
  import: 'Template import',
  synthetic: 'Synthetic',
};

/** `import:f.xlsx` → 模板导入 (f.xlsx). */
function originText(names: Readonly<Record<string, string>>, origin: string): string {
  const colon = origin.indexOf(':');
  const kind = colon < 0 ? origin : origin.slice(0, colon);
  const file = colon < 0 ? '' : origin.slice(colon + 1);
  const name = names[kind] ?? kind;
  return file === '' ? name : `${name} (${file})`;
}

export const projectsZh = {
  title: '重大项目调度',
  intro:
    '缩小“三大差距”重大项目的动态项目库（实施一批、谋划一批、储备一批）：按月调度投资完成情况，对照序时进度亮灯预警。',
  synthetic: '模拟数据',
  syntheticTitle: '模拟数据',
  syntheticBody:
    '以下项目、计划和月报全部或部分为演示用的模拟数据（按固定随机种子生成），不是真实项目，不得引用。',
  syntheticTag: '模拟',
  loading: '加载中…',
  month: '调度月份',
  monthHint: '按该月末的累计完成投资和序时进度评价',
  tabBoard: '调度看板',
  tabImport: '月报导入',
  // Filters
  filters: '筛选',
  unit: '区域',
  unitAll: (name: string): string => `${name}（全部）`,
  category: '类别',
  department: '牵头部门',
  stage: '阶段',
  light: '灯色',
  all: '全部',
  search: '项目代码或名称',
  clearFilters: '清除筛选',
  // Totals
  totalTitle: (unit: string, month: string): string => `${unit} · ${month} 重大项目调度`,
  projects: '项目数',
  annualPlan: '年度计划投资',
  ytdCompleted: '本年累计完成',
  completionRate: '年度投资完成率',
  scheduleShare: '序时进度',
  gap: '落后序时(百分点)',
  gapHint: '正数为落后于序时进度，负数为快于序时进度',
  startRate: '新建项目开工率',
  startRateOf: (done: number, due: number): string => `${done}/${due}`,
  spi: '进度绩效指数 SPI',
  yi: '亿元',
  wan: '万元',
  // The thresholds are quoted only for the default rule set (METHODS.md §5); another set is named by its id.
  rules: (id: string): string =>
    id === DEFAULT_RULES_ID
      ? `灯色规则 ${id}：落后序时进度不超过10个百分点为绿灯，10–30个百分点为黄灯，超过30个百分点为红灯；计划开工月份过后1–2个月未开工为黄灯，3个月及以上为红灯。每个灯的依据见项目页。`
      : `灯色规则 ${id}。每个灯的依据见项目页。`,
  // Reported figures
  reportedTitle: '省级公开数据与项目库汇总对照',
  reportedIntro:
    '左列为省里公开报告的数字（见来源），右列为本系统项目库按相同口径汇总的结果；两者口径、时点可能不同，均如实列出，不作调整。',
  reportedIndicator: '指标',
  reportedPeriod: '时期',
  reportedValue: '公开报告值',
  registryValue: '项目库汇总',
  reportedSource: '来源',
  reportedNote: '说明',
  noRegistryValue: '无法汇总',
  noReported: '所选区域没有公开报告的数字（省里公开的数字为全省口径，选择全省时显示）。',
  // Roll-ups
  byUnitTitle: '按区域汇总',
  byCategoryTitle: '按类别汇总',
  colName: '名称',
  colCount: '项目数',
  colPlan: '年度计划(亿元)',
  colYtd: '累计完成(亿元)',
  colRate: '完成率',
  colGap: '落后序时',
  colLights: '红 / 黄 / 绿 / 不评价',
  colStart: '开工率',
  drillInto: (name: string): string => `查看${name}的项目`,
  noRows: '没有符合条件的项目。',
  // Lists
  redTitle: '红灯项目',
  yellowTitle: '黄灯项目',
  listCount: (shown: number, total: number): string =>
    shown < total ? `共 ${total} 个，按落后程度列出前 ${shown} 个` : `共 ${total} 个`,
  listEmpty: '无。',
  showAll: (total: number): string => `显示全部 ${total} 个`,
  colCode: '项目代码',
  colProject: '项目名称',
  colOwner: '业主单位',
  colCategory: '类别',
  colDepartment: '牵头部门',
  colStage: '阶段',
  colLight: '灯色',
  colReason: '亮灯依据',
  // Project page
  back: '← 返回调度看板',
  notFound: '未找到该项目，或无权查看。',
  facts: '项目信息',
  code: '项目代码',
  owner: '业主单位',
  leadDepartment: '牵头部门',
  totalInvestment: '总投资',
  plannedStart: '计划开工',
  plannedCompletion: '计划竣工',
  actualStart: '实际开工',
  actualCompletion: '实际竣工',
  started: '是否开工',
  yes: '是',
  no: '否',
  notSet: '未填',
  metricsTitle: (month: string): string => `${month} 调度指标`,
  lightTitle: '灯色及依据',
  lightKind: (kind: string): string => (kind === 'schedule' ? '投资进度' : '开工'),
  lightRule: '规则',
  lightNumbers: '计算所用数字',
  overallLight: '综合灯色（两项取较差者）',
  sCurveTitle: (year: number): string => `${year}年投资 S 曲线：计划累计与完成累计`,
  sCurveIntro:
    '计划累计按月度计划逐月累加；无月度计划时按年度计划的序时进度线（年度计划 × 月份/12）绘出。缺报月份留空，不作推算。',
  plannedMonthly: '计划累计投资',
  plannedSchedule: '序时进度线（年度计划×月/12）',
  completedCum: '累计完成投资',
  monthlyCompleted: '当月完成投资',
  monthTick: (m: number): string => `${m}月`,
  noPlan: '该年度没有计划投资，只绘出完成数。',
  chartLabel: (name: string): string => `${name} 的投资 S 曲线`,
  plansTitle: '年度计划',
  colYear: '年度',
  colPlanned: '计划投资(万元)',
  colMonthly: '月度计划(万元, 1–12月)',
  noMonthlyPlan: '无月度计划',
  noPlans: '没有年度计划。',
  reportsTitle: '月报及版本',
  reportsIntro: '同一月份的更正会生成新版本，旧版本保留；调度指标按每月的最新版本计算。',
  colMonth: '月份',
  colVersion: '版本',
  colThisMonth: '本月完成(万元)',
  colYtdWan: '本年累计(万元)',
  colStarted: '开工',
  colNote: '形象进度',
  colProblems: '存在问题',
  colCorrection: '更正原因',
  colOrigin: '来源',
  colBy: '填报人',
  colAt: '填报时间',
  currentVersion: '现行',
  oldVersion: '已更正',
  noReports: '尚无月报。',
  origin: (origin: string): string => originText(ORIGINS_ZH, origin),
  stageTitle: '阶段变更记录',
  colDate: '日期',
  colChange: '变更',
  colStageReason: '原因',
  noStageHistory: '没有阶段变更记录。',
  // Import
  importTitle: '月报导入',
  importIntro:
    '下载本单位本月的填报模板（每个项目一行，表头受保护），填好后上传。先预检：列出每个问题（工作表、行、列、说明），预检期间不写入任何数据；全部通过后才能导入，导入为全有或全无。',
  templateTitle: '1. 下载模板',
  templateUnit: '单位代码',
  templateDownload: '下载模板 (.xlsx)',
  uploadTitle: '2. 上传并预检',
  file: '填好的模板 (.xlsx 或 .csv)',
  fileBadType: '只接受 .xlsx 或 .csv 文件。',
  dryRun: '预检（不写入）',
  checking: '预检中…',
  importNow: '3. 确认导入',
  importing: '导入中…',
  importDisabled: '预检通过后才能导入',
  dryRunOk: (rows: number, reports: number, versions: number, unchanged: number): string =>
    `预检通过：读取 ${rows} 行，${reports} 份月报，其中 ${versions} 份为已有月报的新版本，${unchanged} 份与现行版本相同。尚未写入。`,
  dryRunFailed: (count: number): string => `预检发现 ${count} 个问题，未写入任何数据。请修改文件后重新上传。`,
  imported: (reports: number, versions: number): string =>
    `已导入：${reports} 份月报（其中 ${versions} 份为新版本）。`,
  importFailed: (count: number): string => `导入被拒绝：发现 ${count} 个问题，未写入任何数据。`,
  problemsTitle: '问题清单',
  colSheet: '工作表',
  colRow: '行',
  colColumn: '列',
  colProblemProject: '项目代码',
  colMessage: '说明',
  colProblemCode: '代码',
  wholeFile: '整个文件',
  written: '已写入',
  notWritten: '未写入',
  // Enumerations
  lightName: (light: string): string => LIGHTS_ZH[light] ?? light,
  stageName: (stage: string): string => STAGES_ZH[stage] ?? stage,
  numberName: (key: string): string => NUMBERS_ZH[key] ?? key,
  measureSuffix: (measure: string): string => MEASURES_ZH[measure] ?? '',
  difference: '差额(项目库−公开)',
};

export type ProjectsMessages = typeof projectsZh;

export const projectsEn: ProjectsMessages = {
  title: 'Major project dispatch',
  intro:
    'The dynamic library of major projects narrowing the three gaps (under way, being planned, in reserve): monthly investment against the schedule, with traffic-light warnings.',
  synthetic: 'Synthetic',
  syntheticTitle: 'SYNTHETIC',
  syntheticBody:
    'Some or all projects, plans and reports below are synthetic demo data (generated with a fixed seed), not real projects; do not quote them.',
  syntheticTag: 'synthetic',
  loading: 'Loading…',
  month: 'Month',
  monthHint: 'Judged on the year-to-date investment and the schedule at the end of this month',
  tabBoard: 'Dispatch board',
  tabImport: 'Import reports',
  filters: 'Filters',
  unit: 'Area',
  unitAll: (name: string): string => `${name} (all)`,
  category: 'Category',
  department: 'Lead department',
  stage: 'Stage',
  light: 'Light',
  all: 'All',
  search: 'Project code or name',
  clearFilters: 'Clear filters',
  totalTitle: (unit: string, month: string): string => `${unit} · major projects, ${month}`,
  projects: 'Projects',
  annualPlan: 'Annual planned investment',
  ytdCompleted: 'Completed this year',
  completionRate: 'Annual completion rate',
  scheduleShare: 'Schedule (序时进度)',
  gap: 'Behind schedule (points)',
  gapHint: 'Positive: behind the schedule; negative: ahead of it',
  startRate: 'New-project start rate',
  startRateOf: (done: number, due: number): string => `${done}/${due}`,
  spi: 'Schedule performance index (SPI)',
  yi: '100m yuan',
  wan: '10k yuan',
  rules: (id: string): string =>
    id === DEFAULT_RULES_ID
      ? `Light rules ${id}: green up to 10 points behind the schedule, yellow 10–30, red more than 30; not started 1–2 months after the planned month yellow, 3 or more red. Each project page shows why.`
      : `Light rules ${id}. Each project page shows why.`,
  reportedTitle: 'Figures the province reported beside the registry’s roll-up',
  reportedIntro:
    'Left: figures the province published (see the source); right: what this registry adds up to for the same quantity. Their scope and date may differ; both are shown as they are, unadjusted.',
  reportedIndicator: 'Indicator',
  reportedPeriod: 'Period',
  reportedValue: 'Reported',
  registryValue: 'Registry roll-up',
  reportedSource: 'Source',
  reportedNote: 'Note',
  noRegistryValue: 'cannot be computed',
  noReported:
    'No published figures for this area (the province publishes province-wide figures: choose the province).',
  byUnitTitle: 'By area',
  byCategoryTitle: 'By category',
  colName: 'Name',
  colCount: 'Projects',
  colPlan: 'Plan (100m yuan)',
  colYtd: 'Completed (100m yuan)',
  colRate: 'Completion',
  colGap: 'Behind',
  colLights: 'Red / yellow / green / n.j.',
  colStart: 'Start rate',
  drillInto: (name: string): string => `Projects of ${name}`,
  noRows: 'No project matches.',
  redTitle: 'Red projects',
  yellowTitle: 'Yellow projects',
  listCount: (shown: number, total: number): string =>
    shown < total ? `${total} in all; the ${shown} furthest behind are listed` : `${total} in all`,
  listEmpty: 'None.',
  showAll: (total: number): string => `Show all ${total}`,
  colCode: 'Code',
  colProject: 'Project',
  colOwner: 'Owner unit',
  colCategory: 'Category',
  colDepartment: 'Lead department',
  colStage: 'Stage',
  colLight: 'Light',
  colReason: 'Why',
  back: '← Back to the dispatch board',
  notFound: 'No such project, or not yours to see.',
  facts: 'Project',
  code: 'Code',
  owner: 'Owner unit',
  leadDepartment: 'Lead department',
  totalInvestment: 'Total investment',
  plannedStart: 'Planned start',
  plannedCompletion: 'Planned completion',
  actualStart: 'Actual start',
  actualCompletion: 'Actual completion',
  started: 'Started',
  yes: 'Yes',
  no: 'No',
  notSet: 'not set',
  metricsTitle: (month: string): string => `Dispatch figures, ${month}`,
  lightTitle: 'Lights and why',
  lightKind: (kind: string): string => (kind === 'schedule' ? 'Investment schedule' : 'Start'),
  lightRule: 'Rule',
  lightNumbers: 'Numbers used',
  overallLight: 'Overall light (the worse of the two)',
  sCurveTitle: (year: number): string => `${year} investment S-curve: planned vs completed, cumulative`,
  sCurveIntro:
    'Planned: the monthly plan accumulated; without a monthly plan, the schedule line of the annual plan (plan × month/12). Months without a report are left empty, not estimated.',
  plannedMonthly: 'Planned, cumulative',
  plannedSchedule: 'Schedule line (plan × month/12)',
  completedCum: 'Completed, cumulative',
  monthlyCompleted: 'Completed in the month',
  monthTick: (m: number): string => MONTHS_EN[m - 1] ?? String(m),
  noPlan: 'No planned investment this year: completed figures only.',
  chartLabel: (name: string): string => `Investment S-curve of ${name}`,
  plansTitle: 'Annual plans',
  colYear: 'Year',
  colPlanned: 'Planned (10k yuan)',
  colMonthly: 'Monthly plan (10k yuan, Jan–Dec)',
  noMonthlyPlan: 'no monthly plan',
  noPlans: 'No annual plan.',
  reportsTitle: 'Monthly reports and versions',
  reportsIntro:
    'A correction of a month makes a new version and keeps the old one; the figures use each month’s latest version.',
  colMonth: 'Month',
  colVersion: 'Version',
  colThisMonth: 'This month (10k yuan)',
  colYtdWan: 'Year to date (10k yuan)',
  colStarted: 'Started',
  colNote: 'Progress',
  colProblems: 'Problems',
  colCorrection: 'Why corrected',
  colOrigin: 'Source',
  colBy: 'Reported by',
  colAt: 'Reported at',
  currentVersion: 'current',
  oldVersion: 'corrected',
  noReports: 'No reports yet.',
  origin: (origin: string): string => originText(ORIGINS_EN, origin),
  stageTitle: 'Stage history',
  colDate: 'Date',
  colChange: 'Change',
  colStageReason: 'Reason',
  noStageHistory: 'No stage changes.',
  importTitle: 'Import monthly reports',
  importIntro:
    'Download your unit’s template for the month (one row per project, protected header), fill it in and upload it. The dry run lists every problem (sheet, row, column, message) and writes nothing; only a file without problems can be imported, all or nothing.',
  templateTitle: '1. Download the template',
  templateUnit: 'Unit code',
  templateDownload: 'Download template (.xlsx)',
  uploadTitle: '2. Upload and check',
  file: 'Filled template (.xlsx or .csv)',
  fileBadType: 'Only .xlsx or .csv files.',
  dryRun: 'Dry run (writes nothing)',
  checking: 'Checking…',
  importNow: '3. Import',
  importing: 'Importing…',
  importDisabled: 'Import is possible after a clean dry run',
  dryRunOk: (rows: number, reports: number, versions: number, unchanged: number): string =>
    `Dry run passed: ${rows} rows read, ${reports} reports, ${versions} of them new versions of existing reports, ${unchanged} identical to the current version. Nothing written yet.`,
  dryRunFailed: (count: number): string =>
    `The dry run found ${count} problem(s); nothing was written. Correct the file and upload it again.`,
  imported: (reports: number, versions: number): string =>
    `Imported: ${reports} report(s) (${versions} new version(s)).`,
  importFailed: (count: number): string => `Import refused: ${count} problem(s); nothing was written.`,
  problemsTitle: 'Problems',
  colSheet: 'Sheet',
  colRow: 'Row',
  colColumn: 'Column',
  colProblemProject: 'Project',
  colMessage: 'Message',
  colProblemCode: 'Code',
  wholeFile: 'whole file',
  written: 'written',
  notWritten: 'not written',
  lightName: (light: string): string => LIGHTS_EN[light] ?? light,
  stageName: (stage: string): string => STAGES_EN[stage] ?? stage,
  numberName: (key: string): string => NUMBERS_EN[key] ?? key,
  measureSuffix: (measure: string): string => MEASURES_EN[measure] ?? '',
  difference: 'Registry − reported',
};

/** The catalogue of a UI language. */
export function projectsMessages(language: Language): ProjectsMessages {
  return language === 'en' ? projectsEn : projectsZh;
}
