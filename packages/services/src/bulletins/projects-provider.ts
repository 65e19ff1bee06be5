/**
 * The 重大项目调度 section from the projects module (issue 8 §4; METHODS.md §5): the province's dispatch
 * board of the month — projects counted, investment against 序时进度, the new-project start rate, and every
 * red and yellow project with the rule that lit it. Amounts are 万元 in the projects module and 亿元 in the
 * bulletin. A month without any project is left out (null).
 */
import type { Actor, ProjectRowInput, ProjectsInput } from '@suocha/core';
import type { ProjectRowDto } from '@suocha/contract';
import { getUnitPath, type Store } from '@suocha/store';
import { dispatchBoard } from '../projects/status';
import { BULLETIN_SCOPE } from './scope';
import type { ProjectsSectionProvider } from './section-providers';

/** The bulletin reads the whole province, as a provincial analyst would (the path as the store has it). */
async function bulletinReader(store: Store): Promise<Actor | null> {
  const scopePath = await getUnitPath(store, BULLETIN_SCOPE);
  if (scopePath === undefined) return null;
  return {
    userId: 0,
    username: 'bulletin',
    role: 'province_analyst',
    scopeUnit: BULLETIN_SCOPE,
    scopePath,
    department: null,
    via: 'token',
  };
}

/** Every red and yellow project is listed (a bulletin's lists are complete). */
const LIST_LIMIT = 100_000;

const yi = (wan: number) => wan / 10_000;

function projectRow(p: ProjectRowDto): ProjectRowInput {
  const m = p.metrics;
  const lit = [m.scheduleLight, m.startLight].filter((l) => l.light === m.light).map((l) => l.zh);
  return {
    code: p.code,
    name: p.name,
    unitName: p.ownerUnitName,
    light: m.light,
    reason: lit.join('；'),
    completionRate: m.completionRate,
    plannedInvestment: yi(m.annualPlan),
    completedInvestment: yi(m.ytdCompleted),
    synthetic: p.synthetic,
  };
}

export const projectsSectionProvider: ProjectsSectionProvider = async (store, month) => {
  const reader = await bulletinReader(store);
  if (reader === null) return null;
  const board = await dispatchBoard(store, reader, {
    month: month.month,
    listLimit: LIST_LIMIT,
  });
  const t = board.total;
  if (t.count === 0) return null;
  const input: ProjectsInput = {
    count: t.count,
    lights: {
      red: t.lights.red.count,
      yellow: t.lights.yellow.count,
      green: t.lights.green.count,
      none: t.lights.none.count,
    },
    rows: [...board.red, ...board.yellow].map(projectRow),
    schedule: board.scheduleShare,
    plannedInvestment: yi(t.annualPlan),
    completedInvestment: yi(t.ytdCompleted),
    startRate: t.startRate,
    synthetic: board.synthetic,
  };
  return input;
};
