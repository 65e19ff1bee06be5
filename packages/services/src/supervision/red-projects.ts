/**
 * Red projects as evidence for proposed 督办单 (issue 8 §2; seed 000 §十四 重大项目调度 → 重点问题督办):
 * every project whose light (METHODS.md §5) is red on the province's dispatch board of the month, cited
 * with its light, the rule that lit it and the rule's numbers. The order it proposes is addressed to the
 * project's owner unit (core `proposeOrder` addresses the evidence's unit).
 */
import type { Actor, OrderEvidence } from '@suocha/core';
import type { ProjectRowDto } from '@suocha/contract';
import { getUnitPath, type Store } from '@suocha/store';
import { defaultMonth, dispatchBoard } from '../projects/status';
import type { RedProjectSource } from './proposals-service';

type ProjectEvidence = Extract<OrderEvidence, { kind: 'project' }>;

/** The province whose whole board is read; proposals are then narrowed to the asking actor's scope. */
const PROVINCE = '330000';

/** A provincial analyst of the province as stored (its path as the hierarchy has it). */
const provinceReader = (scopePath: string): Actor => ({
  userId: 0,
  username: 'supervision',
  role: 'province_analyst',
  scopeUnit: PROVINCE,
  scopePath,
  department: null,
  via: 'token',
});

/** Every red project is cited, however many. */
const LIST_LIMIT = 1_000_000;

const wan = (x: number) => `${Math.round(x * 100) / 100}万元`;

/** The evidence of one red project: the red light that drove it (schedule first), its rule and numbers. */
export function redProjectEvidence(p: ProjectRowDto, month: string): ProjectEvidence {
  const m = p.metrics;
  const lit = [m.scheduleLight, m.startLight].find((l) => l.light === 'red') ?? m.scheduleLight;
  const investment = `年度计划投资${wan(m.annualPlan)}，累计完成${wan(m.ytdCompleted)}`;
  return {
    kind: 'project',
    projectCode: p.code,
    projectName: p.name,
    unit: p.ownerUnit,
    asOf: month,
    light: 'red',
    ruleId: lit.ruleId,
    explanation: `红灯（规则 ${lit.ruleId}，规则集 ${lit.rulesId}）：${lit.zh}；${investment}`,
  };
}

export interface RedProjectSourceOptions {
  /**
   * The month judged for a proposal date (`YYYY-MM-DD`); default the month whose reports are due, as the
   * dispatch board shows by default (the month before).
   */
  readonly monthOf?: (asOf: string) => string;
}

/** A `RedProjectSource` reading the projects module's dispatch board. */
export function projectsRedProjectSource(options: RedProjectSourceOptions = {}): RedProjectSource {
  const monthOf = options.monthOf ?? defaultMonth;
  return {
    async redProjects(store: Store, asOf: string): Promise<readonly ProjectEvidence[]> {
      const month = monthOf(asOf);
      const path = await getUnitPath(store, PROVINCE);
      if (path === undefined) return [];
      const board = await dispatchBoard(store, provinceReader(path), { month, listLimit: LIST_LIMIT });
      return board.red.map((p) => redProjectEvidence(p, month));
    },
  };
}

/** The default source: the dispatch board of the month before the proposal date. */
export const redProjectSource: RedProjectSource = projectsRedProjectSource();
