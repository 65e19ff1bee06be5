/**
 * Texts of 指标与目标, the indicator drill-down and the progress figures shared with 总览. zh-CN is the
 * source; `targetsEn` must have the same shape (the app catalogue includes both under `targetsPage`).
 */

const DOMAINS_ZH: Readonly<Record<string, string>> = {
  gap_urban_rural: '城乡差距',
  gap_regional: '地区差距',
  income: '收入',
  integration: '城乡融合',
  county_town: '县城承载',
  village: '乡村振兴',
  public_service: '公共服务',
  population: '人口',
  economy: '经济',
  ecology: '生态',
  projects: '重大项目',
  test: '测试',
};

const DOMAINS_EN: Readonly<Record<string, string>> = {
  gap_urban_rural: 'Urban-rural gap',
  gap_regional: 'Regional gap',
  income: 'Income',
  integration: 'Urban-rural integration',
  county_town: 'County towns',
  village: 'Villages',
  public_service: 'Public services',
  population: 'Population',
  economy: 'Economy',
  ecology: 'Ecology',
  projects: 'Major projects',
  test: 'Test',
};

const PART_ZH: Readonly<Record<string, string>> = {
  H1: '上半年',
  H2: '下半年',
  Q1: '一季度',
  Q2: '二季度',
  Q3: '三季度',
  Q4: '四季度',
};

/** `year` → 年度值; `Q3-YTD` → 1–9月累计; `M10-YTD` → 1–10月累计; `Q3` → 三季度; `M05` → 5月. */
function seasonalityZh(s: string): string {
  if (s === 'year') return '年度值';
  const m = /^([HQM])(\d{1,2})(-YTD)?$/.exec(s);
  if (m === null) return s;
  const n = Number(m[2]);
  const endMonth = m[1] === 'H' ? n * 6 : m[1] === 'Q' ? n * 3 : n;
  if (m[3] !== undefined) return `1–${endMonth}月累计`;
  return m[1] === 'M' ? `${n}月` : (PART_ZH[`${m[1]}${n}`] ?? s);
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function seasonalityEn(s: string): string {
  if (s === 'year') return 'Annual';
  const m = /^([HQM])(\d{1,2})(-YTD)?$/.exec(s);
  if (m === null) return s;
  const n = Number(m[2]);
  const endMonth = m[1] === 'H' ? n * 6 : m[1] === 'Q' ? n * 3 : n;
  if (m[3] !== undefined) return `Jan–${MONTHS_EN[endMonth - 1] ?? endMonth} year-to-date`;
  return m[1] === 'M' ? (MONTHS_EN[n - 1] ?? s) : `${m[1]}${n}`;
}

export const targetsZh = {
  title: '指标与目标',
  intro:
    '各规划文件设定的重点指标目录和多年度目标。同一指标、区划和年份有多份规划时，以后发布者为准，被取代的目标保留并标注。',
  status: (status: string): string =>
    ({
      achieved: '已实现',
      on_track: '按进度',
      needs_acceleration: '需加快',
      limited_progress: '进展有限',
      moving_away: '背离目标',
      no_data: '无数据',
    })[status] ?? status,
  statusTitle: (status: string): string =>
    ({
      achieved: '最新值已达到目标',
      on_track: '实际增速不低于所需增速的 95%',
      needs_acceleration: '实际增速为所需增速的 60%–95%',
      limited_progress: '实际增速为所需增速的 0–60%',
      moving_away: '朝目标的反方向变化',
      no_data: '数据不足，无法判断（少于两个可比的值）',
    })[status] ?? status,
  reason: (reason: string): string =>
    ({
      NO_OBSERVATIONS: '尚无已审核的数据',
      SINGLE_OBSERVATION: '只有一个可比的值，无法计算增速',
      NON_POSITIVE_VALUE: '数值不为正，不能计算增长率',
      TARGET_NOT_AFTER_BASELINE: '目标年不晚于基期',
    })[reason] ?? reason,
  caveat: (caveat: string): string =>
    ({
      SUB_ANNUAL_SERIES: '按年内累计值判断，目标针对全年',
      BASELINE_SEASONALITY_MISMATCH: '规划基期与数据口径不同，改用最早的数据为基期',
      BASELINE_INVALID: '规划基期无效，改用最早的数据为基期',
      TARGET_MISSED: '目标年已过，未达到目标',
      OVERDUE: '目标年已结束，尚无目标年数据，最新值未达标',
      INVALID_PERIODS_IGNORED: '部分数据期间无效，已忽略',
      DUPLICATE_PERIODS: '同一期间有多个值，取最后一个',
    })[caveat] ?? caveat,
  domain: (domain: string): string => DOMAINS_ZH[domain] ?? domain,
  seasonality: seasonalityZh,
  polarity: (polarity: string): string => (polarity === 'down' ? '越低越好 ↓' : '越高越好 ↑'),
  observationStatus: (status: string): string =>
    ({ approved: '已审核', locked: '已锁定', submitted: '已报送，待审核', draft: '草稿' })[status] ?? status,
  points: '个百分点',
  perYear: '/年',
  noData: '暂无数据',
  syntheticTag: '模拟数据',
  supersededBy: (plan: string): string => `已被 ${plan} 取代`,
  ambiguous: '同日发布的规划设定了不同目标',
  annualStatus: (status: string, period: string): string => `年度值判断：${status}（最新 ${period}）`,
  openSeries: '查看指标详情',
  // ---- catalogue ----
  catalogueTitle: '指标目录',
  catalogueCount: (shown: number, total: number): string => `显示 ${shown} / ${total} 个指标`,
  search: '搜索',
  searchPlaceholder: '名称、代码或口径',
  filterDomain: '领域',
  allDomains: '全部领域',
  colCode: '代码',
  colName: '指标',
  colDomain: '领域',
  colUnit: '单位',
  colPolarity: '方向',
  colDefinition: '口径',
  colTargets: '目标数',
  noIndicators: '没有符合条件的指标。',
  // ---- plans ----
  plansTitle: '规划文件',
  plansIntro: '点击规划查看其设定的目标。',
  issuer: '发布机关：',
  issuedOn: '发布日期：',
  scope: '适用范围：',
  targetCount: (n: number): string => `${n} 项目标`,
  planSource: '来源文件',
  planTargetsTitle: (title: string): string => `${title} · 目标`,
  colIndicator: '指标',
  colUnitName: '区划',
  colYear: '目标年',
  colTarget: '目标值',
  colBaseline: '基期',
  colSource: '出处',
  colActions: '操作',
  edit: '编辑',
  save: '保存',
  cancel: '取消',
  saving: '正在保存…',
  saved: (indicator: string, by: string, at: string): string => `已保存：${indicator}（${by}，${at}）`,
  editComparator: '比较符',
  editValue: '目标值',
  editYear: '目标年',
  valueInvalid: '请输入数值。',
  yearInvalid: (from: number): string => `目标年应为 ${from}–2100 之间的整数。`,
  editHint: '省级管理员可修改目标值、目标年和比较符；修改记录写入服务器日志。',
  noTargets: '该规划没有设定目标。',
  // ---- drill-down ----
  back: '返回指标与目标',
  backHome: '返回总览',
  unitLabel: '区划',
  chartTitle: '数据与目标路径',
  chartIntro:
    '实线圆点为已审核的数据，按口径（年度值、年内累计值）分线；棕色直线为从基期到目标的序时进度路径；虚线为按已实现的年均增速推算到目标年的预计值；菱形为各规划目标（灰色为已被取代）。',
  chartAria: (name: string): string => `${name} 的数据、目标路径和推算`,
  axisYear: (v: number): string => `${v - 1}年末`,
  legendUncounted: '未审核的值',
  legendPath: '序时进度路径',
  legendProjection: '按现有增速推算',
  legendTargets: '规划目标',
  tipPeriod: (period: string): string => `期间：${period}`,
  tipValue: (value: string): string => `数值：${value}`,
  tipSource: (source: string): string => `来源：${source}`,
  tipStatus: (status: string): string => `状态：${status}`,
  tipFormula: (formula: string): string => `推算公式：${formula}`,
  tipInput: (indicator: string, unit: string, period: string, value: string): string =>
    `  ${indicator}（${unit}，${period}）= ${value}`,
  tipStale: '输入数据已更新，此推算值待重算',
  tipSynthetic: '模拟数据，不是真实统计',
  tipBaseline: (period: string, value: string, fromPlan: boolean): string =>
    `基期 ${period}：${value}${fromPlan ? '（规划给定）' : '（最早的数据）'}`,
  tipExpected: (period: string, expected: string, actual: string, gap: string): string =>
    `序时进度 ${period}：应达 ${expected}，实际 ${actual}，差距 ${gap}`,
  tipTarget: (year: number, target: string, plan: string): string => `${year} 年目标 ${target}（${plan}）`,
  tipProjected: (year: number, value: string): string => `按现有增速推算 ${year} 年末：${value}`,
  numbersTitle: '进度计算',
  noTargetForUnit: '规划文件没有为该区划设定此指标的目标；下图只显示数据。',
  targetsOfIndicator: '该指标在本区划的全部目标',
  selectTarget: '在图中显示',
  selected: '图中显示',
  colPlan: '规划',
  colStatus: '状态',
  colLatest: '最新值',
  colExpected: '序时进度应达',
  colGap: '与序时进度之差',
  colProjected: '推算目标年值',
  colRequired: '所需年均变化',
  colRatio: '实际/所需增速',
  colMethod: '计算方法',
  methodCompound: '复合增长率',
  methodLinear: '线性（每年变化量）',
  colBaselineUsed: '基期',
  colObserved: '实际年均变化',
  colCaveats: '说明',
  seriesTitle: '全部数据',
  colPeriod: '期间',
  colValue: '数值',
  colObsStatus: '状态',
  colVersion: '版本',
  derivedFrom: (formula: string): string => `推算：${formula}`,
  noSeries: '该区划暂无此指标的数据。',
  unknownIndicator: (code: string): string => `没有代码为 ${code} 的指标。`,
  definition: '口径',
  evidence: '数据接口',
};

export const targetsEn: typeof targetsZh = {
  title: 'Indicators & targets',
  intro:
    'The key indicators and the multi-year targets set by the plans. Where several plans set the same indicator, unit and year, the later plan governs; superseded targets stay listed and are marked.',
  status: (status) =>
    ({
      achieved: 'Achieved',
      on_track: 'On track',
      needs_acceleration: 'Needs acceleration',
      limited_progress: 'Limited progress',
      moving_away: 'Moving away',
      no_data: 'No data',
    })[status] ?? status,
  statusTitle: (status) =>
    ({
      achieved: 'The latest value meets the target',
      on_track: 'Observed rate at least 95% of the required rate',
      needs_acceleration: 'Observed rate 60–95% of the required rate',
      limited_progress: 'Observed rate 0–60% of the required rate',
      moving_away: 'Moving away from the target',
      no_data: 'Not enough data to judge (fewer than two comparable values)',
    })[status] ?? status,
  reason: (reason) =>
    ({
      NO_OBSERVATIONS: 'No approved values yet',
      SINGLE_OBSERVATION: 'Only one comparable value: no rate to measure',
      NON_POSITIVE_VALUE: 'Values not positive: no growth rate',
      TARGET_NOT_AFTER_BASELINE: 'The target year is not after the baseline',
    })[reason] ?? reason,
  caveat: (caveat) =>
    ({
      SUB_ANNUAL_SERIES: 'Judged on year-to-date values; the target is for the whole year',
      BASELINE_SEASONALITY_MISMATCH: "The plan's baseline has another seasonality; earliest value used",
      BASELINE_INVALID: "The plan's baseline is invalid; earliest value used",
      TARGET_MISSED: 'The target year has passed and the target was missed',
      OVERDUE: 'The target year has ended, no value for it yet, latest value short of the target',
      INVALID_PERIODS_IGNORED: 'Some values had invalid periods and were ignored',
      DUPLICATE_PERIODS: 'Several values for one period; the last was used',
    })[caveat] ?? caveat,
  domain: (domain) => DOMAINS_EN[domain] ?? domain,
  seasonality: seasonalityEn,
  polarity: (polarity) => (polarity === 'down' ? 'Lower is better ↓' : 'Higher is better ↑'),
  observationStatus: (status) =>
    ({ approved: 'approved', locked: 'locked', submitted: 'submitted, under review', draft: 'draft' })[
      status
    ] ?? status,
  points: 'pp',
  perYear: '/yr',
  noData: 'No data yet',
  syntheticTag: 'SYNTHETIC',
  supersededBy: (plan) => `Superseded by ${plan}`,
  ambiguous: 'Plans issued on the same day set different targets',
  annualStatus: (status, period) => `On annual values: ${status} (latest ${period})`,
  openSeries: 'Open the indicator',
  catalogueTitle: 'Indicator catalogue',
  catalogueCount: (shown, total) => `${shown} of ${total} indicators`,
  search: 'Search',
  searchPlaceholder: 'Name, code or definition',
  filterDomain: 'Domain',
  allDomains: 'All domains',
  colCode: 'Code',
  colName: 'Indicator',
  colDomain: 'Domain',
  colUnit: 'Unit',
  colPolarity: 'Direction',
  colDefinition: 'Definition',
  colTargets: 'Targets',
  noIndicators: 'No indicator matches.',
  plansTitle: 'Plans',
  plansIntro: 'Choose a plan to see its targets.',
  issuer: 'Issued by: ',
  issuedOn: 'Issued on: ',
  scope: 'Scope: ',
  targetCount: (n) => (n === 1 ? '1 target' : `${n} targets`),
  planSource: 'Source file',
  planTargetsTitle: (title) => `${title} · targets`,
  colIndicator: 'Indicator',
  colUnitName: 'Unit',
  colYear: 'Year',
  colTarget: 'Target',
  colBaseline: 'Baseline',
  colSource: 'Source',
  colActions: 'Actions',
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  saving: 'Saving…',
  saved: (indicator, by, at) => `Saved: ${indicator} (${by}, ${at})`,
  editComparator: 'Comparator',
  editValue: 'Target value',
  editYear: 'Target year',
  valueInvalid: 'Enter a number.',
  yearInvalid: (from) => `The target year must be a whole number from ${from} to 2100.`,
  editHint:
    'Provincial administrators can change a target’s value, year and comparator; each change is written to the server log.',
  noTargets: 'This plan sets no targets.',
  back: 'Back to indicators & targets',
  backHome: 'Back to the overview',
  unitLabel: 'Unit',
  chartTitle: 'Values and target path',
  chartIntro:
    'Dots are approved values, one line per seasonality (annual, year-to-date); the brown line is the straight path from the baseline to the target (序时进度); the dashed line projects the observed annual rate to the target year; diamonds are the plans’ targets (grey: superseded).',
  chartAria: (name) => `${name}: values, target path and projection`,
  axisYear: (v) => `end ${v - 1}`,
  legendUncounted: 'Not yet approved',
  legendPath: 'Target path (序时进度)',
  legendProjection: 'Projection at the observed rate',
  legendTargets: 'Targets',
  tipPeriod: (period) => `Period: ${period}`,
  tipValue: (value) => `Value: ${value}`,
  tipSource: (source) => `Source: ${source}`,
  tipStatus: (status) => `Status: ${status}`,
  tipFormula: (formula) => `Derived: ${formula}`,
  tipInput: (indicator, unit, period, value) => `  ${indicator} (${unit}, ${period}) = ${value}`,
  tipStale: 'An input has changed since; this derived value awaits recomputation',
  tipSynthetic: 'Synthetic data, not a real statistic',
  tipBaseline: (period, value, fromPlan) =>
    `Baseline ${period}: ${value}${fromPlan ? ' (from the plan)' : ' (earliest value)'}`,
  tipExpected: (period, expected, actual, gap) =>
    `序时进度 ${period}: expected ${expected}, actual ${actual}, gap ${gap}`,
  tipTarget: (year, target, plan) => `Target for ${year}: ${target} (${plan})`,
  tipProjected: (year, value) => `Projected for the end of ${year}: ${value}`,
  numbersTitle: 'Progress figures',
  noTargetForUnit: 'No plan sets a target for this indicator and unit; the chart shows the values only.',
  targetsOfIndicator: 'All targets of this indicator for the unit',
  selectTarget: 'Show in chart',
  selected: 'In the chart',
  colPlan: 'Plan',
  colStatus: 'Status',
  colLatest: 'Latest value',
  colExpected: 'Expected (序时进度)',
  colGap: 'Gap to 序时进度',
  colProjected: 'Projected for the target year',
  colRequired: 'Annual change required',
  colRatio: 'Observed / required rate',
  colMethod: 'Method',
  methodCompound: 'Compound growth rate',
  methodLinear: 'Linear (change per year)',
  colBaselineUsed: 'Baseline',
  colObserved: 'Observed annual change',
  colCaveats: 'Notes',
  seriesTitle: 'All values',
  colPeriod: 'Period',
  colValue: 'Value',
  colObsStatus: 'Status',
  colVersion: 'Version',
  derivedFrom: (formula) => `Derived: ${formula}`,
  noSeries: 'No values of this indicator for this unit yet.',
  unknownIndicator: (code) => `There is no indicator with code ${code}.`,
  definition: 'Definition',
  evidence: 'Data endpoint',
};
