/**
 * Stage transitions of a project in the dynamic project library (seed 001 §三十: "按照实施一批、谋划一批、
 * 储备一批的原则, 建立动态调整项目库"). The legal moves are data (`STAGE_TRANSITIONS`) so that the UI can
 * list them and the tests can walk the whole table.
 *
 * Main line 谋划 → 储备 → 实施 → 竣工. A planned or reserve project may step back one stage (谋划 ← 储备)
 * when its preparation falls through; once construction has begun it cannot be "un-started" — it may only
 * be suspended (暂缓) or cancelled (取消). A suspended project resumes to 谋划 or 储备, or to 实施 only if it
 * had actually started before. 竣工 and 取消 are final.
 */
import { err, ok, type Result } from '../result';
import { dayNumber } from './calendar';
import type { Project, ProjectStage, StageChange } from './types';

export const STAGE_TRANSITIONS: Readonly<Record<ProjectStage, readonly ProjectStage[]>> = {
  planned: ['reserve', 'suspended', 'cancelled'],
  reserve: ['under_construction', 'planned', 'suspended', 'cancelled'],
  under_construction: ['completed', 'suspended', 'cancelled'],
  suspended: ['planned', 'reserve', 'under_construction', 'cancelled'],
  completed: [],
  cancelled: [],
};

export type StageErrorCode =
  | 'STAGE_UNCHANGED'
  | 'STAGE_ILLEGAL_TRANSITION'
  | 'STAGE_RESUME_NOT_STARTED'
  | 'STAGE_MISSING_DATE'
  | 'STAGE_INVALID_DATE'
  | 'STAGE_DATE_BEFORE_LAST_CHANGE'
  | 'STAGE_MISSING_REASON';

export interface StageError {
  readonly code: StageErrorCode;
  readonly from: ProjectStage;
  readonly to: ProjectStage;
  readonly message: string;
}

export interface StageChangeRequest {
  readonly to: ProjectStage;
  /** ISO date `YYYY-MM-DD` of the decision. */
  readonly date: string;
  readonly reason: string;
}

/** Whether the table allows `from → to` at all (ignores the per-project conditions of `changeStage`). */
export function isLegalStageMove(from: ProjectStage, to: ProjectStage): boolean {
  return STAGE_TRANSITIONS[from].includes(to);
}

/**
 * Apply a stage change: returns the project with the new stage and the change appended to its history,
 * or an error with a stable code. Entering 实施 sets the actual start month (if not set) and entering 竣工
 * the actual completion month, from the change date. (seed 001 §三十; DESIGN.md projects.)
 */
export function changeStage(project: Project, request: StageChangeRequest): Result<Project, StageError> {
  const from = project.stage;
  const { to } = request;
  const fail = (code: StageErrorCode, message: string) => err<StageError>({ code, from, to, message });

  if (from === to) return fail('STAGE_UNCHANGED', `项目已处于该阶段 (already in stage ${to})`);
  if (!isLegalStageMove(from, to))
    return fail('STAGE_ILLEGAL_TRANSITION', `不允许的阶段调整 (illegal stage change ${from} → ${to})`);
  if (from === 'suspended' && to === 'under_construction' && project.actualStart === undefined)
    return fail(
      'STAGE_RESUME_NOT_STARTED',
      '未开工的暂缓项目应恢复到谋划或储备 (a project never started resumes to planned or reserve)',
    );
  if (request.date.trim() === '') return fail('STAGE_MISSING_DATE', '阶段调整须注明日期 (date required)');
  const day = dayNumber(request.date);
  if (day === undefined || request.date.length !== 10)
    return fail('STAGE_INVALID_DATE', `日期无效 (invalid date "${request.date}")`);
  const history = project.stageHistory ?? [];
  const last = history[history.length - 1];
  if (last !== undefined && last.date > request.date)
    return fail(
      'STAGE_DATE_BEFORE_LAST_CHANGE',
      `日期早于上次调整 ${last.date} (date before the last change)`,
    );
  if (request.reason.trim() === '')
    return fail('STAGE_MISSING_REASON', '阶段调整须说明理由 (reason required)');

  const month = request.date.slice(0, 7);
  const change: StageChange = { from, to, date: request.date, reason: request.reason.trim() };
  let next: Project = { ...project, stage: to, stageHistory: [...history, change] };
  if (to === 'under_construction' && next.actualStart === undefined) next = { ...next, actualStart: month };
  if (to === 'completed') next = { ...next, actualCompletion: month };
  return ok(next);
}
