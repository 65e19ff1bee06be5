/**
 * Texts of 三大差距. zh-CN is the source; `gapsEn` must have the same shape (the app catalogue includes
 * both under `gaps`). Notes coming from the server are bilingual already and are shown as they are.
 */

const GAP_NAMES_ZH: Readonly<Record<string, string>> = {
  urban_rural_income_ratio: '城乡居民收入倍差',
  city_income_max_min_ratio: '设区市居民收入最高最低倍差',
  mountain_island_income_ratio: '山区海岛县居民收入与全省之比',
};

const GAP_NAMES_EN: Readonly<Record<string, string>> = {
  urban_rural_income_ratio: 'Urban-rural income ratio',
  city_income_max_min_ratio: 'Highest/lowest city income ratio',
  mountain_island_income_ratio: 'Mountain & island counties vs the province',
};

const BY_ZH: Readonly<Record<string, string>> = {
  parent: '按设区市',
  group: '按分组',
  area: '按城乡',
  urban_rural: '按城乡',
  city: '按设区市',
  county: '按县(市、区)',
  unit: '按单位',
};

const BY_EN: Readonly<Record<string, string>> = {
  parent: 'by city',
  group: 'by group',
  area: 'urban vs rural',
  urban_rural: 'urban vs rural',
  city: 'by city',
  county: 'by county',
  unit: 'by unit',
};

export const gapsZh = {
  title: '三大差距',
  intro:
    '城乡、地区、收入三大差距的测度：地区差距按已审核的统计数据计算，收入差距按上传的住户抽样数据计算。缺少数据的单位如实标出，不作填补。',
  tabsLabel: '测度类型',
  tabRegional: '地区差距',
  tabHouseholds: '收入差距（住户数据）',

  // The three gaps with their targets
  targetsTitle: '三大差距目标进度',
  targetsIntro: (unit: string, asOf: string): string =>
    `${unit}规划目标与最新值；进度状态由目标进度引擎于 ${asOf} 判断。已被后发规划替代的目标不列出。`,
  gapName: (code: string): string => GAP_NAMES_ZH[code] ?? code,
  noTargets: '规划文件中没有此项目标。',
  colGap: '差距',
  colYear: '目标年',
  colTarget: '目标',
  colLatest: '最新值',
  colStatus: '进度',
  colPlan: '规划',
  noLatest: '无数据',
  currentTarget: '当前目标',

  // Regional controls
  indicator: '指标',
  commonIndicators: '常用',
  allIndicators: '全部指标',
  scope: '范围',
  level: '比较层级',
  levelCity: '设区市',
  levelCounty: '县(市、区)',
  group: '分组',
  groupNone: '不分组',
  groupCountiesOnly: '分组（如山区海岛县）由县(市、区)组成：比较设区市时不分组。',
  asOf: '区划与分组日期',
  period: '期间',
  periodAuto: '自动（数据最多的期间）',
  periodOption: (period: string, units: number, total: number): string =>
    `${period} · 有数据 ${units}/${total}`,
  computing: '正在计算…',
  unitsOf: (of: string, level: string): string => `${of}${level}`,

  // Coverage
  coverage: (n: number, total: number, level: string): string => `有数据 ${n}/${total} 个${level}`,
  coverageMeta: (period: string, auto: boolean, asOf: string, periodEnd: boolean): string =>
    `期间 ${period}${auto ? '（数据最多的期间）' : ''}；区划与分组以 ${asOf}${periodEnd ? '（期末）' : ''} 为准`,
  thinCoverage: (n: number, total: number, level: string): string =>
    `本期只有 ${n} 个${level}有已审核数据（共 ${total} 个）。以下各项测度只反映这 ${n} 个单位，不代表全部${level}；其余 ${total - n} 个在地图和表格中以灰色标出，未作填补。`,
  partialCoverage: (missing: number, total: number, level: string): string =>
    `${missing} 个${level}本期无数据（共 ${total} 个）：测度只反映有数据的单位；缺数的单位以灰色标出，未作填补。`,

  // Headline figures
  maxMin: '最高最低比',
  tooFewUnits: '有数据的单位不足 2 个',
  meanWeighted: '均值（人口加权）',
  meanEqual: '均值（等权）',
  parentValue: (name: string, value: string): string => `${name}：${value}`,
  groupRatio: (group: string, parent: string): string => `${group}与${parent}之比`,
  groupRatioNone: '分组与上级之比',
  groupRatioDetail: (n: number, members: number, mean: string): string =>
    `${members} 个成员中 ${n} 个有数据，其均值 ${mean}`,
  groupRatioToRest: (parent: string, ratio: string): string =>
    `；${parent}本期无数值，与其余单位均值之比 ${ratio}`,
  groupRatioMissing: '分组成员本期无数据，或上级无数值',
  groupRatioHint: '比较县(市、区)并选择分组时计算',
  cv: '变异系数',
  cvDetail: '标准差 ÷ 均值（等权）',
  williamson: '加权变异系数',
  williamsonDetail: 'Williamson 系数，按常住人口加权',
  equalWeightsDetail: '缺少人口，按等权计算',
  theilT: '泰尔指数 T',
  theilTDetail: '按收入加权（GE(1)）',
  theilL: '泰尔指数 L',
  theilLDetail: '按人口加权（GE(0)，平均对数偏差）',
  belowLineTitle: '低于参考线的单位',
  unitsCount: (n: number): string => `${n} 个`,
  noLine: '参考单位（全国）本期无数值，未列出低于参考线的单位。',
  lineValue: '参考线',
  belowLineDetail: (name: string, line: string, share: string): string =>
    `低于${name} ${line}；人口占比 ${share}`,
  belowLineSummary: (name: string, line: string, count: number, n: number): string =>
    `${n} 个有数据的单位中，${count} 个低于${name}（${line}）。`,

  // Map
  mapTitle: (indicator: string, level: string): string => `${indicator} · ${level}地图`,
  mapHigh: '高',
  mapLow: '低',
  mapOutside: '不在比较范围内',
  noData: '无数据',
  legendValue: '数值（颜色越深越高）',
  legendNoData: (n: number): string => `无数据（灰色斜纹，${n} 个）`,
  legendGroup: (name: string, n: number): string => `${name}（红色粗边框，${n} 个）`,

  // Both ends
  endsTitle: '两端的单位',
  topTitle: (n: number): string => `最高的 ${n} 个`,
  bottomTitle: (n: number): string => `最低的 ${n} 个`,
  colRank: '位次',
  colUnit: '单位',
  colValue: '数值',
  memberBadge: '分组成员',
  noValues: '本期没有单位有数据。',

  // Theil decomposition
  theilTitle: '泰尔指数分解',
  theilIntro:
    '泰尔指数可精确分解为组间差距与组内差距之和：组间部分越大，差距越多来自设区市之间（或分组之间、城乡之间）。',
  theilNoneCity:
    '比较设区市时没有分组分解。选择“县(市、区)”可按设区市和山区海岛县分解；城乡分解需要城镇和农村收入。',
  theilNone: '没有可分解的分组（每种分组都只有一组有数据）。',
  theilBar: (measure: string, by: string): string => `泰尔 ${measure} · ${by}`,
  decomposedBy: (by: string): string => BY_ZH[by] ?? by,
  between: '组间',
  within: '组内',
  theilTotal: '合计',
  betweenShare: '组间占比',
  colDecomposition: '分解',
  theilChartLabel: '泰尔指数分解：组间与组内',

  // Urban-rural
  urbanRuralTitle: '城乡差距',
  urbanRuralIntro:
    '城镇和农村常住居民人均可支配收入之比（倍差）与差值。城乡差距占比：各单位城镇、农村居民之间的总体收入不平等中，城乡之间的部分（泰尔指数组间部分 ÷ 合计）。',
  urbanRuralShare: (shareT: string, shareL: string, n: number): string =>
    `在 ${n} 个单位的城乡居民中，城乡之间的差距占总体收入不平等的 ${shareT}（泰尔 T）、${shareL}（泰尔 L）。`,
  urbanRuralEnds: (high: string, highRatio: string, low: string, lowRatio: string): string =>
    `城乡比最高：${high}（${highRatio}）；最低：${low}（${lowRatio}）。`,
  urbanRuralNone: '本期没有城镇和农村收入数据。',
  urbanRuralMissing: (n: number, names: string, more: boolean): string =>
    `${n} 个单位缺少城镇或农村收入：${names}${more ? ' 等' : ''}。`,
  colUrban: '城镇（元）',
  colRural: '农村（元）',
  colRatio: '城乡比',
  colDifference: '差值（元）',
  colUrbanShare: '城镇人口占比',

  // Every unit, notes
  unitsTitle: (n: number, total: number): string => `全部单位（${n}/${total} 个有数据）`,
  colParent: '所属',
  colPopulation: '常住人口（期间）',
  colMember: '分组成员',
  colSource: '来源',
  sourceLink: '来源',
  notesTitle: '计算说明',
  weightsPopulation: (indicator: string): string =>
    `权重：常住人口（${indicator}），各单位人口的期间见上表。`,
  weightsEqual: (indicator: string, n: number): string =>
    `权重：等权（${n} 个有数据的单位缺少 ${indicator}）。`,

  // Households: upload and progress
  uploadTitle: '上传住户数据',
  uploadIntro:
    '上传住户收入抽样数据（CSV、CSV.GZ 或 Excel xlsx），平台在后台计算收入差距各项指标。文件只用于本次计算，不保存；区划代码须在您的管辖范围内。',
  templateTitle: '文件格式',
  templateColumns:
    '第一行为列名：id（户编号）、unit_code（县级或以下区划代码）、area（urban/rural 或 城镇/农村）、household_size（户规模）、per_capita_income（人均可支配收入；或 household_income 全户可支配收入）、weight（抽样权重，可选）。也接受中文列名。',
  templateSample:
    'id,unit_code,area,household_size,per_capita_income,weight\nh0001,330102,urban,3,68500,1.2\nh0002,330822,rural,4,31200,0.8',
  file: '文件',
  decomposeBy: '泰尔指数分解',
  lowLine: '低收入线（元/人·年，可选）',
  lowLinePlaceholder: '如 15000',
  lowLineInvalid: '低收入线应为不小于 0 的数字。',
  analyse: '开始分析',
  analysing: '正在分析…',
  pickFile: '请先选择文件。',
  badFileType: (name: string): string => `不支持的文件类型：${name}。请上传 .csv、.csv.gz 或 .xlsx 文件。`,
  noFileYet: '尚未上传文件',
  noFileYetBody: '选择住户数据文件后点击“开始分析”；读取大文件时显示进度。',
  progressLabel: '分析进度',
  progressUploading: '正在上传文件…',
  progressReading: (rows: string): string => `正在读取：已读 ${rows} 行`,
  progressMeasuring: (rows: string): string => `已读 ${rows} 行，正在计算…`,
  progressDone: (rows: string): string => `分析完成：共读取 ${rows} 行`,
  progressFailed: (rows: string): string => `已读取 ${rows} 行：文件未通过检查`,
  problemsSummary: (n: number): string => `文件有 ${n} 处问题，未作分析。`,
  problemsFirst: (n: number): string => `下表列出前 ${n} 处。`,
  failedNoDetail: '文件未能分析。',
  colFile: '文件',
  colSheet: '工作表',
  colLine: '行',
  colColumn: '列',
  colProblem: '问题',

  // Households: results
  resultsTitle: (file: string): string => `分析结果 · ${file}`,
  resultsMeta: (n: string, income: string): string => `${n} 户；收入口径：${income}`,
  incomePerCapita: '人均可支配收入',
  incomeHousehold: '全户可支配收入 ÷ 户规模',
  households: '住户数',
  persons: '人数（加权）',
  hhMean: '人均收入均值',
  hhMedian: '人均收入中位数',
  gini: '基尼系数',
  s80s20: 'S80/S20',
  s80s20Detail: '最富 20% 与最穷 20% 人口的收入之比',
  palma: '帕尔马比值',
  palmaDetail: '最富 10% 与最穷 40% 人口的收入之比',
  middleShare: '中等收入群体比重',
  middleDetail: (lower: string, upper: string, k: number): string =>
    `家庭年可支配收入 ${lower}–${upper} 元（${k} 口之家，即人均 × ${k}）的人口占比`,
  lowShare: '低收入人口比重',
  lowDetail: (line: string): string => `人均收入低于 ${line} 元`,
  lowNone: '未设低收入线',
  tooFewHouseholds: '住户太少，无法计算。',
  lorenzTitle: '洛伦兹曲线',
  lorenzIntro: (gini: string): string =>
    `曲线越靠近对角线，收入分配越平均；曲线与对角线之间面积的两倍即基尼系数（${gini}）。`,
  lorenzCurve: '洛伦兹曲线',
  lorenzEquality: '绝对平等线',
  lorenzPopulation: '人口累计占比',
  lorenzIncome: '收入累计占比',
  decilesTitle: '十等分组收入占比',
  decilesIntro: '按人均收入从低到高将人口分为十组，各组收入占总收入的比重；完全平均时每组 10%。',
  decileGroup: (i: number): string => `第${i}组`,
  decileShare: '收入占比',
  decileMean: '人均收入',
  hhTheilIntro: '泰尔指数按所选分组精确分解为组间与组内两部分（收入 ≤ 0 的住户不计入）。',
  treatmentTitle: '零收入和负收入的处理',
  colMeasure: '指标',
  colTreatment: '处理方式',
  colExcludedHouseholds: '排除住户',
  colExcludedPersons: '排除人数',
  allHouseholdMeasures: '基尼系数、洛伦兹曲线、十等分、S80/S20、帕尔马比值、中等收入和低收入比重',
  treatAll: '使用全部住户（含零收入和负收入）',
  theilBoth: '泰尔指数 T / L',
  treatPositive: '排除收入 ≤ 0 的住户',
  treatNonNegative: '排除收入 < 0 的住户',
  atkinson: (epsilon: number): string => `阿特金森指数 ε = ${epsilon}`,
};

export const gapsEn: typeof gapsZh = {
  title: 'Three gaps',
  intro:
    'Measures of the urban-rural, regional and income gaps: regional gaps from approved statistics, income gaps from an uploaded household sample. Units without data are marked as such, never filled in.',
  tabsLabel: 'Kind of measure',
  tabRegional: 'Regional gaps',
  tabHouseholds: 'Income gaps (household data)',

  targetsTitle: 'The three gaps: progress to targets',
  targetsIntro: (unit: string, asOf: string): string =>
    `Targets the plans set for ${unit} and the latest values; statuses judged by the progress engine on ${asOf}. Targets superseded by a later plan are not listed.`,
  gapName: (code: string): string => GAP_NAMES_EN[code] ?? code,
  noTargets: 'No plan sets a target for this.',
  colGap: 'Gap',
  colYear: 'Year',
  colTarget: 'Target',
  colLatest: 'Latest',
  colStatus: 'Progress',
  colPlan: 'Plan',
  noLatest: 'No data',
  currentTarget: 'current target',

  indicator: 'Indicator',
  commonIndicators: 'Common',
  allIndicators: 'All indicators',
  scope: 'Scope',
  level: 'Compare',
  levelCity: 'cities',
  levelCounty: 'counties',
  group: 'Group',
  groupNone: 'No group',
  groupCountiesOnly:
    'Groups (such as mountain & island counties) are made of counties: none when comparing cities.',
  asOf: 'Divisions and groups as of',
  period: 'Period',
  periodAuto: 'Automatic (the period with most data)',
  periodOption: (period: string, units: number, total: number): string =>
    `${period} · data for ${units}/${total}`,
  computing: 'Computing…',
  unitsOf: (of: string, level: string): string => `${level} of ${of}`,

  coverage: (n: number, total: number, level: string): string => `Data for ${n} of ${total} ${level}`,
  coverageMeta: (period: string, auto: boolean, asOf: string, periodEnd: boolean): string =>
    `period ${period}${auto ? ' (the one with most data)' : ''}; divisions and groups as of ${asOf}${periodEnd ? ' (period end)' : ''}`,
  thinCoverage: (n: number, total: number, level: string): string =>
    `Only ${n} of ${total} ${level} have approved data for this period. The measures below describe these ${n} alone, not all ${level}; the other ${total - n} are grey on the map and in the tables, never filled in.`,
  partialCoverage: (missing: number, total: number, level: string): string =>
    `${missing} of ${total} ${level} have no data for this period: the measures describe the others only; the missing ones are grey, never filled in.`,

  maxMin: 'Highest / lowest',
  tooFewUnits: 'Fewer than 2 units with data',
  meanWeighted: 'Mean (population-weighted)',
  meanEqual: 'Mean (equal weights)',
  parentValue: (name: string, value: string): string => `${name}: ${value}`,
  groupRatio: (group: string, parent: string): string => `${group} vs ${parent}`,
  groupRatioNone: 'Group vs parent',
  groupRatioDetail: (n: number, members: number, mean: string): string =>
    `${n} of ${members} members with data, mean ${mean}`,
  groupRatioToRest: (parent: string, ratio: string): string =>
    `; ${parent} has no value for this period; ratio to the other units' mean ${ratio}`,
  groupRatioMissing: 'No member has data, or the parent has no value',
  groupRatioHint: 'Computed when comparing counties with a group',
  cv: 'Coefficient of variation',
  cvDetail: 'Standard deviation ÷ mean (equal weights)',
  williamson: 'Weighted CV',
  williamsonDetail: 'Williamson index, weighted by resident population',
  equalWeightsDetail: 'No population: equal weights',
  theilT: 'Theil T',
  theilTDetail: 'Income-weighted (GE(1))',
  theilL: 'Theil L',
  theilLDetail: 'Population-weighted (GE(0), mean log deviation)',
  belowLineTitle: 'Units below the reference line',
  unitsCount: (n: number): string => `${n}`,
  noLine: 'The reference unit (the nation) has no value for this period: no units below it are listed.',
  lineValue: 'the line',
  belowLineDetail: (name: string, line: string, share: string): string =>
    `below ${name} ${line}; ${share} of the population`,
  belowLineSummary: (name: string, line: string, count: number, n: number): string =>
    `${count} of the ${n} units with data lie below ${name} (${line}).`,

  mapTitle: (indicator: string, level: string): string => `${indicator} · map of ${level}`,
  mapHigh: 'High',
  mapLow: 'Low',
  mapOutside: 'Not compared',
  noData: 'No data',
  legendValue: 'Value (darker = higher)',
  legendNoData: (n: number): string => `No data (grey hatching, ${n})`,
  legendGroup: (name: string, n: number): string => `${name} (thick red outline, ${n})`,

  endsTitle: 'Both ends',
  topTitle: (n: number): string => `Highest ${n}`,
  bottomTitle: (n: number): string => `Lowest ${n}`,
  colRank: 'Rank',
  colUnit: 'Unit',
  colValue: 'Value',
  memberBadge: 'member',
  noValues: 'No unit has data for this period.',

  theilTitle: 'Theil decomposition',
  theilIntro:
    'Theil indices split exactly into a between-group and a within-group part: the larger the between part, the more of the gap lies between cities (or groups, or town and country).',
  theilNoneCity:
    'No decomposition when comparing cities. Compare counties to decompose by city and by mountain & island group; the urban-rural split needs urban and rural incomes.',
  theilNone: 'Nothing to decompose (each grouping has a single group with data).',
  theilBar: (measure: string, by: string): string => `Theil ${measure} · ${by}`,
  decomposedBy: (by: string): string => BY_EN[by] ?? by,
  between: 'Between groups',
  within: 'Within groups',
  theilTotal: 'Total',
  betweenShare: 'Between share',
  colDecomposition: 'Decomposition',
  theilChartLabel: 'Theil decomposition: between and within groups',

  urbanRuralTitle: 'Urban-rural gap',
  urbanRuralIntro:
    'Ratio and difference of urban and rural residents’ per-capita disposable income. The urban-rural share is the part of the income inequality among the units’ urban and rural residents that lies between town and country (Theil between part ÷ total).',
  urbanRuralShare: (shareT: string, shareL: string, n: number): string =>
    `Among the urban and rural residents of ${n} units, the urban-rural gap accounts for ${shareT} (Theil T), ${shareL} (Theil L) of income inequality.`,
  urbanRuralEnds: (high: string, highRatio: string, low: string, lowRatio: string): string =>
    `Highest ratio: ${high} (${highRatio}); lowest: ${low} (${lowRatio}).`,
  urbanRuralNone: 'No urban and rural incomes for this period.',
  urbanRuralMissing: (n: number, names: string, more: boolean): string =>
    `${n} units lack an urban or rural income: ${names}${more ? ', …' : ''}.`,
  colUrban: 'Urban (yuan)',
  colRural: 'Rural (yuan)',
  colRatio: 'Ratio',
  colDifference: 'Difference (yuan)',
  colUrbanShare: 'Urban share of residents',

  unitsTitle: (n: number, total: number): string => `Every unit (${n} of ${total} with data)`,
  colParent: 'Parent',
  colPopulation: 'Residents (period)',
  colMember: 'Group member',
  colSource: 'Source',
  sourceLink: 'source',
  notesTitle: 'Notes',
  weightsPopulation: (indicator: string): string =>
    `Weights: resident population (${indicator}); each unit’s population period is in the table above.`,
  weightsEqual: (indicator: string, n: number): string =>
    `Weights: equal (${n} units with data lack ${indicator}).`,

  uploadTitle: 'Upload household data',
  uploadIntro:
    'Upload a household income sample (CSV, CSV.GZ or Excel xlsx); the platform computes the income-gap measures in the background. The file is used for this analysis only and not stored; its unit codes must lie in your scope.',
  templateTitle: 'File format',
  templateColumns:
    'Header row: id, unit_code (county or lower), area (urban/rural or 城镇/农村), household_size, per_capita_income (or household_income), weight (optional sampling weight). Chinese column names are accepted too.',
  templateSample:
    'id,unit_code,area,household_size,per_capita_income,weight\nh0001,330102,urban,3,68500,1.2\nh0002,330822,rural,4,31200,0.8',
  file: 'File',
  decomposeBy: 'Decompose Theil',
  lowLine: 'Low-income line (yuan per person and year, optional)',
  lowLinePlaceholder: 'e.g. 15000',
  lowLineInvalid: 'The low-income line must be a number of at least 0.',
  analyse: 'Analyse',
  analysing: 'Analysing…',
  pickFile: 'Choose a file first.',
  badFileType: (name: string): string =>
    `Unsupported file type: ${name}. Upload a .csv, .csv.gz or .xlsx file.`,
  noFileYet: 'No file uploaded yet',
  noFileYetBody: 'Choose a household data file and click “Analyse”; large files show their progress.',
  progressLabel: 'Analysis progress',
  progressUploading: 'Uploading the file…',
  progressReading: (rows: string): string => `Reading: ${rows} rows so far`,
  progressMeasuring: (rows: string): string => `${rows} rows read, computing…`,
  progressDone: (rows: string): string => `Done: ${rows} rows read`,
  progressFailed: (rows: string): string => `${rows} rows read: the file did not pass the checks`,
  problemsSummary: (n: number): string => `The file has ${n} problem(s); nothing was analysed.`,
  problemsFirst: (n: number): string => `The first ${n} are listed.`,
  failedNoDetail: 'The file could not be analysed.',
  colFile: 'File',
  colSheet: 'Sheet',
  colLine: 'Line',
  colColumn: 'Column',
  colProblem: 'Problem',

  resultsTitle: (file: string): string => `Results · ${file}`,
  resultsMeta: (n: string, income: string): string => `${n} households; income: ${income}`,
  incomePerCapita: 'per-capita disposable income',
  incomeHousehold: 'household disposable income ÷ household size',
  households: 'Households',
  persons: 'Persons (weighted)',
  hhMean: 'Mean per-capita income',
  hhMedian: 'Median per-capita income',
  gini: 'Gini coefficient',
  s80s20: 'S80/S20',
  s80s20Detail: 'Income of the richest 20% ÷ the poorest 20%',
  palma: 'Palma ratio',
  palmaDetail: 'Income of the richest 10% ÷ the poorest 40%',
  middleShare: 'Middle-income share',
  middleDetail: (lower: string, upper: string, k: number): string =>
    `Persons in households of ${k} with ${lower}–${upper} yuan a year (per capita × ${k})`,
  lowShare: 'Low-income share',
  lowDetail: (line: string): string => `Per-capita income below ${line} yuan`,
  lowNone: 'No low-income line given',
  tooFewHouseholds: 'Too few households to compute.',
  lorenzTitle: 'Lorenz curve',
  lorenzIntro: (gini: string): string =>
    `The closer the curve to the diagonal, the more equal the distribution; twice the area between them is the Gini coefficient (${gini}).`,
  lorenzCurve: 'Lorenz curve',
  lorenzEquality: 'Perfect equality',
  lorenzPopulation: 'Cumulative share of persons',
  lorenzIncome: 'Cumulative share of income',
  decilesTitle: 'Income share by decile',
  decilesIntro:
    'Persons ranked by per-capita income in ten equal groups, poorest first; with perfect equality each holds 10%.',
  decileGroup: (i: number): string => `D${i}`,
  decileShare: 'Income share',
  decileMean: 'Mean income',
  hhTheilIntro:
    'Theil indices split exactly into between- and within-group parts for each grouping chosen (households with income ≤ 0 are left out).',
  treatmentTitle: 'Zero and negative incomes',
  colMeasure: 'Measure',
  colTreatment: 'Treatment',
  colExcludedHouseholds: 'Households left out',
  colExcludedPersons: 'Persons left out',
  allHouseholdMeasures: 'Gini, Lorenz curve, deciles, S80/S20, Palma, middle- and low-income shares',
  treatAll: 'Every household (zero and negative incomes included)',
  theilBoth: 'Theil T / L',
  treatPositive: 'Households with income ≤ 0 left out',
  treatNonNegative: 'Households with income < 0 left out',
  atkinson: (epsilon: number): string => `Atkinson ε = ${epsilon}`,
};
