/**
 * Texts of 数据填报. zh-CN is the source; `collectionEn` has the same shape. Messages from the server are
 * bilingual already (中文 (English)) and are shown as they are.
 */
import type { Language } from '../i18n/messages';

const STATE_ZH: Readonly<Record<string, string>> = {
  draft: '草稿',
  submitted: '已上报',
  approved: '已审核',
  locked: '已锁定',
};
const STATE_EN: Readonly<Record<string, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  locked: 'Locked',
};

const ACTION_ZH: Readonly<Record<string, string>> = {
  save: '保存草稿',
  submit: '上报',
  approve: '审核通过',
  return: '退回',
  lock: '锁定',
  reopen: '重新打开',
};
const ACTION_EN: Readonly<Record<string, string>> = {
  save: 'Save draft',
  submit: 'Submit',
  approve: 'Approve',
  return: 'Return',
  lock: 'Lock',
  reopen: 'Reopen',
};

const PERIOD_KIND_ZH: Readonly<Record<string, string>> = {
  month: '月报',
  quarter: '季报',
  half: '半年报',
  year: '年报',
};
const PERIOD_KIND_EN: Readonly<Record<string, string>> = {
  month: 'monthly',
  quarter: 'quarterly',
  half: 'half-yearly',
  year: 'yearly',
};

const LEVEL_ZH: Readonly<Record<string, string>> = {
  province: '省',
  city: '设区市',
  county: '县(市、区)',
  town: '乡镇(街道)',
  village: '村(社区)',
};
const LEVEL_EN: Readonly<Record<string, string>> = {
  province: 'province',
  city: 'cities',
  county: 'counties',
  town: 'towns',
  village: 'villages',
};

const REPORT_STATUS_ZH: Readonly<Record<string, string>> = {
  on_time: '按时上报',
  late: '逾期上报',
  pending: '未上报（未到期）',
  overdue: '未上报（已逾期）',
};
const REPORT_STATUS_EN: Readonly<Record<string, string>> = {
  on_time: 'On time',
  late: 'Late',
  pending: 'Not yet (not due)',
  overdue: 'Not yet (overdue)',
};

/** Units of measure as the catalogue writes them (English codes), in Chinese. */
const MEASURE_ZH: Readonly<Record<string, string>> = {
  yuan: '元',
  '100m yuan': '亿元',
  'yuan/month': '元/月',
  count: '个',
  persons: '人',
  '10k persons': '万人',
  'person-times': '人次',
  households: '户',
  ratio: '倍',
  '10k mu': '万亩',
  '100m jin': '亿斤',
  m2: '平方米',
  unit: '个',
  units: '个',
};

export const collectionZh = {
  title: '数据填报',
  intro:
    '选择数据集、填报单位和期间后打开填报表。流程：草稿 → 上报 → 上级审核 → 锁定；退回和重新打开须说明原因，每次修改留痕。',
  stateName: (s: string): string => STATE_ZH[s] ?? s,
  actionName: (a: string): string => ACTION_ZH[a] ?? a,
  periodKind: (k: string): string => PERIOD_KIND_ZH[k] ?? k,
  levelName: (l: string): string => LEVEL_ZH[l] ?? l,
  measureName: (u: string): string => MEASURE_ZH[u] ?? u,

  // Choice
  chooseTitle: '打开填报表',
  dataset: '数据集',
  unit: '填报单位',
  period: '期间',
  open: '打开填报表',
  noDatasets: '尚未定义任何数据集。省级管理员可通过接口 /api/collection/datasets 定义数据集。',
  noUnits: '您的辖区内没有该数据集的填报单位。',
  datasetMeta: (kind: string, level: string, due: string): string => `${kind} · ${level}填报 · ${due}`,
  dueRule: (day: number, offset: number): string =>
    offset === 0
      ? `当月 ${day} 日前报送`
      : offset === 1
        ? `次月 ${day} 日前报送`
        : `期末后第 ${offset} 个月 ${day} 日前报送`,
  currentPeriod: '当前填报期',

  // Reporting rate
  reportingTitle: '报送情况',
  reportingIntro: (root: string, period: string, due: string, asOf: string): string =>
    `${root} · ${period} · 截止日期 ${due} · 统计时间 ${asOf}`,
  expected: '应报',
  onTime: '按时上报',
  late: '逾期上报',
  notYet: '尚未上报',
  rate: '上报率',
  onTimeRate: '及时率',
  reportStatus: (s: string): string => REPORT_STATUS_ZH[s] ?? s,
  colUnit: '单位',
  colStatus: '报送情况',
  colState: '表单状态',
  colSubmittedAt: '上报时间',
  colDaysLate: '逾期天数',
  notStarted: '未填报',
  openForm: '查看',
  noUnitsExpected: '没有应报单位。',

  // Import / export
  importTitle: '导入与导出',
  importIntro:
    '上传 .xlsx 或 .csv 文件：先试导入（只检查，不写入），列出全部问题；没有问题时再正式导入，全部写入或全部不写入。',
  file: '文件',
  dryRun: '试导入（检查）',
  doImport: '正式导入',
  importing: '正在处理…',
  pickFile: '请选择文件。',
  badFileType: (name: string): string => `不支持的文件类型：${name}（请上传 .xlsx 或 .csv）`,
  dryRunOk: (rows: number, forms: number): string =>
    `检查通过：${rows} 行、${forms} 张表，未发现问题。可以正式导入。`,
  importedOk: (inserted: number, updated: number, unchanged: number): string =>
    `导入完成：新增 ${inserted} 个数值，修改 ${updated} 个，未变 ${unchanged} 个。`,
  importRefused: '导入未通过，未写入任何数据。',
  problemsSummary: (n: number): string => `共发现 ${n} 个问题`,
  problemsFirst: (n: number): string => `（显示前 ${n} 个）`,
  colSheet: '文件 / 工作表',
  colRow: '行',
  colColumn: '列',
  colMessage: '问题',
  template: '下载填报模板 (.xlsx)',
  templateFor: (units: number): string => `（${units} 个单位）`,
  exportXlsx: '导出 .xlsx',
  exportCsv: '导出 .csv',

  // Form page
  back: '返回数据填报',
  formMeta: (unit: string, period: string): string => `${unit} · ${period}`,
  due: '截止日期',
  timeliness: (t: string | null): string => (t === 'on_time' ? '按时上报' : t === 'late' ? '逾期上报' : ''),
  lockedNotice: (by: string | null, at: string | null): string =>
    `本表已锁定，只读。${by ? `锁定人：${by}` : ''}${at ? `，锁定时间：${at}` : ''}。如需修改，请由审核单位重新打开。`,
  readOnlyNotice: (state: string): string =>
    state === 'submitted'
      ? '本表已上报，等待上级审核，只读。'
      : state === 'approved'
        ? '本表已审核通过，只读。'
        : '您没有修改本表的权限，只读。',
  colIndicator: '指标',
  colMeasure: '计量单位',
  colValue: '本期数值',
  colPrevious: '上期',
  colLastYear: '上年同期',
  colTarget: '目标',
  colBand: '异常值区间',
  colComment: '说明',
  colHistory: '修改记录',
  required: '必填',
  noValue: '—',
  bandMethod: (m: string): string =>
    ({ zscore: 'z 分数', modified_zscore: '稳健 z 分数', minmax: '上下限' })[m] ?? m,
  bandUnavailable: '历史数据不足',
  bandBelow: (high: string): string => `≤ ${high}`,
  bandAbove: (low: string): string => `≥ ${low}`,
  targetText: (comparator: string, value: string, year: number): string =>
    `${year} 年 ${comparator} ${value}`,
  outlierHint: '超出异常值区间，请填写说明。',
  commentPlaceholder: '超出区间时必填',
  history: '记录',
  hideHistory: '收起',
  historyTitle: (name: string): string => `${name} · 修改记录`,
  historyEmpty: '尚无修改记录。',
  colWho: '修改人',
  colWhen: '时间',
  colChange: '原值 → 新值',
  colReason: '原因',
  colSource: '来源',
  saving: '正在提交…',
  saved: (written: number): string => (written === 0 ? '没有需要保存的修改。' : `已保存 ${written} 个数值。`),
  actionDone: (action: string): string => `已${ACTION_ZH[action] ?? action}。`,
  unsaved: '有未保存的修改。',
  summaryTitle: (n: number): string => `校验未通过：${n} 个问题`,
  summaryField: (name: string): string => `${name}：`,
  warningsTitle: '提示（不影响保存）',
  reasonFor: (action: string): string => `${ACTION_ZH[action] ?? action}原因（必填）`,
  reasonPlaceholder: '请说明原因',
  confirm: '确认',
  cancel: '取消',
  reasonTooShort: '请填写原因（至少 2 个字）。',
  conflictTitle: '数值已被他人修改',
  conflictIntro: '您打开此表后，以下数值已被他人修改。请重新加载后再修改；您的输入不会自动保留。',
  conflictState: (state: string, version: number): string =>
    `表单当前状态为「${STATE_ZH[state] ?? state}」（版本 ${version}），请重新加载。`,
  colYours: '您的输入',
  colTheirs: '当前数值',
  colTheirsBy: '修改人',
  colTheirsAt: '修改时间',
  notEditable: '已不可修改',
  reload: '重新加载',
  eventsTitle: '流程记录',
  noEvents: '尚无流程记录。',
  colAction: '操作',
  colStateChange: '状态',
};

export type CollectionMessages = typeof collectionZh;

export const collectionEn: CollectionMessages = {
  title: 'Data collection',
  intro:
    'Choose a data set, a reporting unit and a period to open its form. Workflow: draft → submit → approval by the level above → lock; returning and reopening need a reason, and every change is kept.',
  stateName: (s) => STATE_EN[s] ?? s,
  actionName: (a) => ACTION_EN[a] ?? a,
  periodKind: (k) => PERIOD_KIND_EN[k] ?? k,
  levelName: (l) => LEVEL_EN[l] ?? l,
  measureName: (u) => u,

  chooseTitle: 'Open a form',
  dataset: 'Data set',
  unit: 'Reporting unit',
  period: 'Period',
  open: 'Open form',
  noDatasets:
    'No data set is defined yet. Provincial administrators define them via /api/collection/datasets.',
  noUnits: 'No unit within your scope reports this data set.',
  datasetMeta: (kind, level, due) => `${kind} · reported by ${level} · ${due}`,
  dueRule: (day, offset) =>
    offset === 0
      ? `due on day ${day} of the period's last month`
      : offset === 1
        ? `due on day ${day} of the next month`
        : `due on day ${day}, ${offset} months after the period`,
  currentPeriod: 'current period',

  reportingTitle: 'Reporting rate',
  reportingIntro: (root, period, due, asOf) => `${root} · ${period} · due ${due} · as of ${asOf}`,
  expected: 'Expected',
  onTime: 'On time',
  late: 'Late',
  notYet: 'Not yet',
  rate: 'Reporting rate',
  onTimeRate: 'On-time rate',
  reportStatus: (s) => REPORT_STATUS_EN[s] ?? s,
  colUnit: 'Unit',
  colStatus: 'Reporting',
  colState: 'Form state',
  colSubmittedAt: 'Submitted',
  colDaysLate: 'Days late',
  notStarted: 'Not started',
  openForm: 'View',
  noUnitsExpected: 'No unit is expected to report.',

  importTitle: 'Import and export',
  importIntro:
    'Upload an .xlsx or .csv file: a dry run first checks it without writing and lists every problem; with none, import it — all or nothing.',
  file: 'File',
  dryRun: 'Dry run (check)',
  doImport: 'Import',
  importing: 'Working…',
  pickFile: 'Choose a file.',
  badFileType: (name) => `Unsupported file type: ${name} (upload .xlsx or .csv)`,
  dryRunOk: (rows, forms) => `Check passed: ${rows} rows, ${forms} forms, no problems. Ready to import.`,
  importedOk: (inserted, updated, unchanged) =>
    `Imported: ${inserted} values added, ${updated} changed, ${unchanged} unchanged.`,
  importRefused: 'Import refused; nothing was written.',
  problemsSummary: (n) => `${n} problem(s) found`,
  problemsFirst: (n) => `(first ${n} shown)`,
  colSheet: 'File / sheet',
  colRow: 'Row',
  colColumn: 'Column',
  colMessage: 'Problem',
  template: 'Download template (.xlsx)',
  templateFor: (units) => `(${units} unit(s))`,
  exportXlsx: 'Export .xlsx',
  exportCsv: 'Export .csv',

  back: 'Back to data collection',
  formMeta: (unit, period) => `${unit} · ${period}`,
  due: 'Due',
  timeliness: (t) => (t === 'on_time' ? 'Submitted on time' : t === 'late' ? 'Submitted late' : ''),
  lockedNotice: (by, at) =>
    `This form is locked and read-only${by ? ` (locked by ${by}` : ''}${at ? `, ${at}` : ''}${by ? ')' : ''}. To change it, the approving level must reopen it.`,
  readOnlyNotice: (state) =>
    state === 'submitted'
      ? 'Submitted and awaiting approval: read-only.'
      : state === 'approved'
        ? 'Approved: read-only.'
        : 'You may not change this form: read-only.',
  colIndicator: 'Indicator',
  colMeasure: 'Unit of measure',
  colValue: 'Value',
  colPrevious: 'Previous period',
  colLastYear: 'Same period last year',
  colTarget: 'Target',
  colBand: 'Outlier band',
  colComment: 'Comment',
  colHistory: 'History',
  required: 'required',
  noValue: '—',
  bandMethod: (m) => ({ zscore: 'z-score', modified_zscore: 'modified z-score', minmax: 'min–max' })[m] ?? m,
  bandUnavailable: 'too little history',
  bandBelow: (high) => `≤ ${high}`,
  bandAbove: (low) => `≥ ${low}`,
  targetText: (comparator, value, year) => `${comparator} ${value} by ${year}`,
  outlierHint: 'Outside the outlier band: please add a comment.',
  commentPlaceholder: 'required outside the band',
  history: 'History',
  hideHistory: 'Hide',
  historyTitle: (name) => `${name} · history`,
  historyEmpty: 'No changes recorded yet.',
  colWho: 'By',
  colWhen: 'When',
  colChange: 'Old → new',
  colReason: 'Reason',
  colSource: 'Source',
  saving: 'Sending…',
  saved: (written) => (written === 0 ? 'Nothing to save.' : `Saved ${written} value(s).`),
  actionDone: (action) => `${ACTION_EN[action] ?? action}: done.`,
  unsaved: 'Unsaved changes.',
  summaryTitle: (n) => `Validation failed: ${n} problem(s)`,
  summaryField: (name) => `${name}: `,
  warningsTitle: 'Warnings (the values were saved)',
  reasonFor: (action) => `Reason to ${(ACTION_EN[action] ?? action).toLowerCase()} (required)`,
  reasonPlaceholder: 'Why',
  confirm: 'Confirm',
  cancel: 'Cancel',
  reasonTooShort: 'Please give a reason (at least 2 characters).',
  conflictTitle: 'Changed by someone else',
  conflictIntro:
    'These values were changed after you opened the form. Reload before changing them; your input is not kept.',
  conflictState: (state, version) =>
    `The form is now ${(STATE_EN[state] ?? state).toLowerCase()} (version ${version}); please reload.`,
  colYours: 'Yours',
  colTheirs: 'Stored now',
  colTheirsBy: 'Changed by',
  colTheirsAt: 'Changed at',
  notEditable: 'no longer editable',
  reload: 'Reload',
  eventsTitle: 'Workflow log',
  noEvents: 'No workflow events yet.',
  colAction: 'Action',
  colStateChange: 'State',
};

export function collectionMessages(language: Language): CollectionMessages {
  return language === 'en' ? collectionEn : collectionZh;
}
