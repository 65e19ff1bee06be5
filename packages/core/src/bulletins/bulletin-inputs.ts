/**
 * What a bulletin is composed from (issue 8 §4): one input per section, gathered by the services layer
 * from frozen data of the month. A section whose module is not available is `null` and left out.
 */
import type { Comparator, ProgressStatus } from '../targets/types';
import type { BulletinMonth } from './bulletin-month';

export interface BulletinValue {
  readonly period: string;
  readonly value: number;
}

export interface BulletinTargetRef {
  readonly year: number;
  readonly comparator: Comparator;
  readonly value: number;
}

/** One of the three gaps' headline indicators for the province. */
export interface HeadlineMetricInput {
  readonly code: string;
  readonly nameZh: string;
  /** Unit as the catalogue writes it (`yuan`, `%`, `ratio`). */
  readonly unit: string;
  readonly latest: BulletinValue | null;
  readonly target: BulletinTargetRef | null;
  readonly status: ProgressStatus | null;
  readonly synthetic: boolean;
}

/** A target judged now (governing, next target year). */
export interface TargetRowInput {
  readonly indicatorNameZh: string;
  readonly unitName: string;
  readonly unit: string;
  readonly latest: BulletinValue | null;
  readonly target: BulletinTargetRef;
  readonly status: ProgressStatus;
  readonly synthetic: boolean;
}

export interface TargetsInput {
  readonly rows: readonly TargetRowInput[];
}

export interface LeagueRowInput {
  readonly rank: number | null;
  readonly name: string;
  readonly parentName: string | null;
  readonly score: number | null;
  /** previous rank − rank: positive = moved up. */
  readonly rankChange: number | null;
  readonly mountainIsland: boolean;
  readonly synthetic: boolean;
}

/** The county league table of a frozen index run. */
export interface LeagueInput {
  readonly runId: number;
  readonly period: string;
  readonly frameworkName: string;
  readonly rows: readonly LeagueRowInput[];
}

export interface WarningInput {
  readonly unitName: string;
  readonly indicatorName: string | null;
  readonly severity: 'yellow' | 'orange' | 'red';
  readonly rule: string;
  readonly message: string;
  readonly raisedOn: string;
  readonly closedOn: string | null;
  readonly synthetic: boolean;
}

export interface WarningsInput {
  /** Open at the end of the month. */
  readonly openAtEnd: number;
  readonly raised: readonly WarningInput[];
  readonly closed: readonly WarningInput[];
}

/** A project with its traffic light as of the month (METHODS.md §5). */
export interface ProjectRowInput {
  readonly code: string;
  readonly name: string;
  readonly unitName: string;
  readonly light: 'red' | 'yellow' | 'green' | 'none';
  /** Why the light is what it is, e.g. 滞后序时进度 35 个百分点. */
  readonly reason: string;
  /** Year-to-date completed / annual planned investment, 0–1. */
  readonly completionRate: number | null;
  /** Annual planned investment, 亿元. */
  readonly plannedInvestment: number | null;
  /** Year-to-date completed investment, 亿元. */
  readonly completedInvestment: number | null;
  readonly synthetic: boolean;
}

export interface ProjectsInput {
  /** Projects dispatched in the month and how many have each light. */
  readonly count: number;
  readonly lights: Readonly<Record<'red' | 'yellow' | 'green' | 'none', number>>;
  /** Projects to list: at least every red and yellow one (others are not listed). */
  readonly rows: readonly ProjectRowInput[];
  /** 序时进度 of the month, 0–1 (METHODS.md §5: m/12). */
  readonly schedule: number;
  /** Totals, 亿元. */
  readonly plannedInvestment: number | null;
  readonly completedInvestment: number | null;
  /** Some project counted is synthetic (模拟数据). */
  readonly synthetic: boolean;
  /** New-project start rate, 0–1, when new projects were planned to start. */
  readonly startRate: number | null;
}

export interface SupervisionOrderInput {
  readonly code: string;
  readonly title: string;
  readonly addressee: string;
  readonly issuedOn: string;
  /** Deadline of the step the order is at (as of the month's end). */
  readonly dueOn: string | null;
  /** The workflow step as of the month's end, in Chinese (已签收, 整改中 …). */
  readonly step: string;
  readonly overdueDays: number | null;
  readonly closedOn: string | null;
  /** The unit (name) the order's step was escalated to as of the month's end. */
  readonly escalatedTo: string | null;
  /** Generated demo order (模拟数据). */
  readonly synthetic: boolean;
}

/** An escalation (逾期升级) made in the month. */
export interface SupervisionEscalationInput {
  readonly code: string;
  readonly title: string;
  readonly addressee: string;
  /** The step that was overdue, in Chinese. */
  readonly step: string;
  readonly deadline: string;
  readonly escalatedOn: string;
  /** Name of the unit it went to. */
  readonly escalatedTo: string;
  readonly synthetic: boolean;
}

export interface SupervisionInput {
  /** Issued in the month. */
  readonly opened: readonly SupervisionOrderInput[];
  /** Overdue at their step at the month's end (not closed). */
  readonly overdue: readonly SupervisionOrderInput[];
  /** Closed (核查销号) in the month. */
  readonly closed: readonly SupervisionOrderInput[];
  /** Escalations made in the month. */
  readonly escalated: readonly SupervisionEscalationInput[];
}

export interface TaskOverdueInput {
  readonly code: string;
  readonly title: string;
  readonly list: string;
  readonly leadDepartment: string | null;
  readonly unitName: string | null;
  readonly dueDate: string;
  readonly daysOverdue: number;
  readonly synthetic: boolean;
}

/** Tasks of one list (重点指标、重大政策、重大改革、重点项目 or a custom list) as of the month's end. */
export interface TaskListCountInput {
  readonly list: string;
  /** Tasks monitored (not cancelled). */
  readonly total: number;
  readonly overdue: number;
}

export interface TasksInput {
  readonly overdue: readonly TaskOverdueInput[];
  /** Per list, in the lists' order. */
  readonly lists: readonly TaskListCountInput[];
}

export interface BulletinInputs {
  readonly month: BulletinMonth;
  readonly title?: string;
  readonly issuer: string;
  readonly issueDate: string;
  readonly headline: readonly HeadlineMetricInput[];
  readonly targets: TargetsInput;
  readonly league: LeagueInput | null;
  readonly warnings: WarningsInput;
  /** null: the module's data are not available (the section is left out and listed as omitted). */
  readonly projects: ProjectsInput | null;
  readonly supervision: SupervisionInput | null;
  readonly tasks: TasksInput | null;
}
