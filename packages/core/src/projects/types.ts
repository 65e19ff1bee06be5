/**
 * 重大项目调度 (major-project dispatch) domain types — DESIGN.md "projects"; seeds 000 §十四 (建立重大项目
 * 调度机制), 001 §三十 (实施一批、谋划一批、储备一批 dynamic project library), 003 and 004 (annual
 * investment, 完成率, 新建项目开工率).
 *
 * Amounts are investment in one currency unit chosen by the caller (the provincial forms use 万元); the
 * computations never mix units, so they do not need to know which.
 */

/**
 * Lifecycle stage: 谋划 planned → 储备 reserve → 实施 under_construction → 竣工 completed, with 暂缓
 * suspended and 取消 cancelled off the main line. See `stage.ts` for the legal moves.
 */
export type ProjectStage =
  'planned' | 'reserve' | 'under_construction' | 'completed' | 'suspended' | 'cancelled';

export const PROJECT_STAGES: readonly ProjectStage[] = [
  'planned',
  'reserve',
  'under_construction',
  'completed',
  'suspended',
  'cancelled',
];

export const PROJECT_STAGE_ZH: Readonly<Record<ProjectStage, string>> = {
  planned: '谋划',
  reserve: '储备',
  under_construction: '实施',
  completed: '竣工',
  suspended: '暂缓',
  cancelled: '取消',
};

/** One recorded change of stage: each needs a date and a reason. */
export interface StageChange {
  readonly from: ProjectStage;
  readonly to: ProjectStage;
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  readonly reason: string;
}

export interface Project {
  readonly code: string;
  readonly name: string;
  /** Statistical division code of the owning unit (业主所在地 / 责任单位). */
  readonly ownerUnit: string;
  /** 牵头部门. */
  readonly leadDepartment: string;
  /** Free category code, e.g. 县城承载能力 / 中心镇 / 乡村组团片区; catalogues are data, not code. */
  readonly category: string;
  readonly stage: ProjectStage;
  readonly totalInvestment: number;
  /** Months as `YYYY-MM`. */
  readonly plannedStart?: string;
  readonly plannedCompletion?: string;
  readonly actualStart?: string;
  readonly actualCompletion?: string;
  readonly stageHistory?: readonly StageChange[];
}

/** The project's plan for one calendar year. */
export interface AnnualPlan {
  readonly projectCode: string;
  readonly year: number;
  /** 年度计划投资. */
  readonly plannedInvestment: number;
  /** Optional 12 monthly planned amounts (January first); they enable SPI. */
  readonly monthlyPlanned?: readonly number[];
}

/** A month's report (月报) for one project. */
export interface MonthlyReport {
  readonly projectCode: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** 本月完成投资. */
  readonly completedThisMonth: number;
  /** 本年累计完成投资 (year-to-date, resets in January). */
  readonly ytdCompleted: number;
  /** 是否开工 — whether the project has started by the end of this month. */
  readonly started: boolean;
  readonly note?: string;
  /** 存在问题. */
  readonly problems?: string;
}
