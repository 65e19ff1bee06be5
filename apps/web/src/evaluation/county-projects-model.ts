/**
 * View model of the health check's 重大项目 panel: one county's slice of the dispatch board (issue 7 §5–6)
 * for the month the server judges by default (the previous month, the latest one that can have its
 * reports in). Every figure is the board's own roll-up (METHODS.md §5: completion = YTD / annual plan,
 * 序时进度 = month/12, gap = (序时进度 − completion)·100 points, positive = behind); nothing is recomputed
 * here, only selected and ordered.
 */
import type { DispatchBoardDto, LightExplanationDto, ProjectRowDto } from '@suocha/contract';
import { boardParams } from '../projects/board-url';
import { projectPath } from '../projects/project-path';

/** Lights in the order they are shown: the ones that need action first. */
export const PANEL_LIGHTS = ['red', 'yellow', 'green', 'none'] as const;
export type PanelLight = (typeof PANEL_LIGHTS)[number];

/** A red or yellow project with why it has its light and where its page is. */
export interface FlaggedProject {
  readonly code: string;
  readonly name: string;
  readonly light: 'red' | 'yellow';
  readonly completionRate: number | null;
  readonly gapPoints: number | null;
  /** The explanations (schedule, start) that gave the project its light. */
  readonly reasons: readonly LightExplanationDto[];
  readonly href: string;
  readonly synthetic: boolean;
}

export type ScheduleStanding = 'behind' | 'on-or-ahead' | 'unknown';

export interface CountyProjectsView {
  readonly state: 'empty' | 'projects';
  readonly unitCode: string;
  readonly month: string;
  readonly count: number;
  /** 万元. */
  readonly annualPlan: number;
  readonly ytdCompleted: number;
  readonly completionRate: number | null;
  readonly scheduleShare: number;
  readonly gapPoints: number | null;
  readonly standing: ScheduleStanding;
  readonly lights: readonly { readonly light: PanelLight; readonly count: number }[];
  /** Red projects first, then yellow, each worst gap first as the board lists them. */
  readonly flagged: readonly FlaggedProject[];
  /** Red and yellow projects beyond the lists asked for (seen on the board). */
  readonly moreRed: number;
  readonly moreYellow: number;
  /** Any project of the county is generated demo data: label 模拟数据. */
  readonly synthetic: boolean;
  /** The dispatch board filtered to the county and the month. */
  readonly boardHref: string;
  readonly redHref: string;
  readonly yellowHref: string;
}

function flagged(row: ProjectRowDto, light: 'red' | 'yellow', month: string): FlaggedProject {
  const m = row.metrics;
  return {
    code: row.code,
    name: row.name,
    light,
    completionRate: m.completionRate,
    gapPoints: m.gapPoints,
    reasons: [m.scheduleLight, m.startLight].filter((e) => e.light === light),
    href: projectPath(row.code, month),
    synthetic: row.synthetic,
  };
}

function boardHref(unit: string, month: string, light?: 'red' | 'yellow'): string {
  const p = boardParams(light === undefined ? { unit, month } : { unit, month, light });
  return `/projects?${p.toString()}`;
}

/** The panel's content from the board of `unitCode` (asked with `unit=<county>`). */
export function countyProjectsView(unitCode: string, board: DispatchBoardDto): CountyProjectsView {
  const t = board.total;
  const standing: ScheduleStanding =
    t.gapPoints === null ? 'unknown' : t.gapPoints > 0 ? 'behind' : 'on-or-ahead';
  return {
    state: t.count === 0 ? 'empty' : 'projects',
    unitCode,
    month: board.month,
    count: t.count,
    annualPlan: t.annualPlan,
    ytdCompleted: t.ytdCompleted,
    completionRate: t.completionRate,
    scheduleShare: board.scheduleShare,
    gapPoints: t.gapPoints,
    standing,
    lights: PANEL_LIGHTS.map((light) => ({ light, count: t.lights[light].count })),
    flagged: [
      ...board.red.map((r) => flagged(r, 'red', board.month)),
      ...board.yellow.map((r) => flagged(r, 'yellow', board.month)),
    ],
    moreRed: Math.max(0, board.redTotal - board.red.length),
    moreYellow: Math.max(0, board.yellowTotal - board.yellow.length),
    synthetic: board.synthetic || t.syntheticCount > 0,
    boardHref: boardHref(unitCode, board.month),
    redHref: boardHref(unitCode, board.month, 'red'),
    yellowHref: boardHref(unitCode, board.month, 'yellow'),
  };
}
