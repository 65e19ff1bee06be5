/**
 * Hand-made DTOs for the projects view-model tests (not shipped data: a test project with round figures).
 */
import type {
  LightExplanationDto,
  MonthlyReportDto,
  ProjectDto,
  ProjectMetricsDto,
  ProjectRowDto,
  RollupRowDto,
} from '@suocha/contract';

export function report(
  month: string,
  version: number,
  current: boolean,
  ytd: number,
  thisMonth: number,
): MonthlyReportDto {
  return {
    projectCode: 'T-1',
    month,
    version,
    current,
    completedThisMonth: thisMonth,
    ytdCompleted: ytd,
    started: true,
    note: '',
    problems: '',
    reason: version > 1 ? '更正' : '',
    origin: 'form',
    reportedBy: 'tester',
    reportedAt: `${month}-28T08:00:00.000Z`,
    synthetic: false,
  };
}

export const SCHEDULE_YELLOW: LightExplanationDto = {
  kind: 'schedule',
  light: 'yellow',
  ruleId: 'schedule.yellow_band',
  rulesId: 'methods-5',
  numbers: {
    scheduleShare: 0.5,
    completionRate: 0.35,
    gapPoints: 15,
    greenMaxGapPoints: 10,
    yellowMaxGapPoints: 30,
  },
  zh: '完成率35.0%, 序时进度50.0%, 落后15.0个百分点, 超过10个且不超过30个百分点',
  en: 'completion 35.0%, schedule 50.0%: 15.0 points behind, more than 10 and at most 30',
};

export const START_GREEN: LightExplanationDto = {
  kind: 'start',
  light: 'green',
  ruleId: 'start.started',
  rulesId: 'methods-5',
  numbers: {},
  zh: '已开工',
  en: 'Started',
};

export function metrics(patch: Partial<ProjectMetricsDto> = {}): ProjectMetricsDto {
  return {
    asOf: '2025-06',
    annualPlan: 1000,
    ytdCompleted: 350,
    completionRate: 0.35,
    scheduleShare: 0.5,
    gapPoints: 15,
    pv: null,
    spi: null,
    started: true,
    newStartDue: false,
    newStartDone: false,
    light: 'yellow',
    scheduleLight: SCHEDULE_YELLOW,
    startLight: START_GREEN,
    ...patch,
  };
}

export function project(code: string, patch: Partial<ProjectDto> = {}): ProjectDto {
  return {
    code,
    name: `测试项目 ${code}`,
    ownerUnit: '330824',
    ownerUnitName: '开化县',
    ownerUnitPath: '/100000/330000/330800/330824/',
    leadDepartment: '省发展改革委',
    category: 'county_town',
    stage: 'under_construction',
    totalInvestment: 5000,
    plannedStart: '2025-01',
    plannedCompletion: '2026-12',
    actualStart: '2025-02',
    actualCompletion: null,
    synthetic: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...patch,
  };
}

export function row(
  code: string,
  m: Partial<ProjectMetricsDto> = {},
  p: Partial<ProjectDto> = {},
): ProjectRowDto {
  return { ...project(code, p), metrics: metrics(m) };
}

const tally = (count: number, annualPlan: number, ytdCompleted: number) => ({
  count,
  annualPlan,
  ytdCompleted,
});

export function rollup(key: string, patch: Partial<RollupRowDto> = {}): RollupRowDto {
  return {
    key,
    name: key,
    count: 10,
    annualPlan: 10_000,
    ytdCompleted: 4_000,
    completionRate: 0.4,
    scheduleShare: 0.5,
    gapPoints: 10,
    lights: {
      red: tally(1, 1000, 100),
      yellow: tally(3, 3000, 900),
      green: tally(5, 5000, 2800),
      none: tally(1, 1000, 200),
    },
    newStartDue: 4,
    newStartDone: 3,
    startRate: 0.75,
    pv: 0,
    ev: 0,
    spi: null,
    syntheticCount: 0,
    ...patch,
  };
}
