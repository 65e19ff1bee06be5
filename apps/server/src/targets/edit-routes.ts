/**
 * PUT /api/targets/:id (指标与目标, issue 4 §6): a provincial administrator corrects a target's comparator,
 * value or year. The edit is one transaction; who changed what and when is written to the server log and
 * returned in the answer (there is no audit table for targets yet). Progress and warnings read targets
 * under the data revision, so the next request sees the new value.
 */
import { TargetEditBody, TargetIdParams, type TargetEditResultDto } from '@suocha/contract';
import { getIndicator, getTarget, getUnit, listPlans, updateTarget, type Comparator } from '@suocha/store';
import type { FastifyInstance } from 'fastify';
import { requireAdministrator } from '../access/guard';
import type { AppDeps } from '../app';
import { HttpError, parseInput } from '../errors';

/** Comparators that agree with an indicator's direction: a "higher is better" target is a floor. */
export const COMPARATORS_BY_POLARITY: Readonly<Record<'up' | 'down', readonly Comparator[]>> = {
  up: ['>=', '>'],
  down: ['<=', '<'],
};

/** The first year a plan's targets may be set for: the year it was issued (`2023` or `2023-10-17`). */
function planYear(issuedOn: string): number | null {
  const m = /^(\d{4})/.exec(issuedOn);
  return m ? Number(m[1]) : null;
}

export function targetEditRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'store' | 'now'>): void {
  const { store } = deps;
  const now = deps.now ?? (() => new Date().toISOString());

  app.put('/api/targets/:id', async (req): Promise<TargetEditResultDto> => {
    const actor = requireAdministrator(req);
    const { id } = parseInput(TargetIdParams, req.params, 'path');
    const body = parseInput(TargetEditBody, req.body, 'body');
    const current = await getTarget(store, id);
    if (!current) throw new HttpError(404, 'NOT_FOUND', `目标 ${id} 不存在 (no target with id ${id})`);
    const indicator = await getIndicator(store, current.indicatorCode);
    if (!indicator)
      throw new HttpError(
        404,
        'INDICATOR_NOT_FOUND',
        `未知指标 (unknown indicator) "${current.indicatorCode}"`,
      );
    if (!(await getUnit(store, current.unitCode)))
      throw new HttpError(
        404,
        'UNIT_NOT_FOUND',
        `区划 ${current.unitCode} 不存在 (no unit with code ${current.unitCode})`,
      );
    const allowed = COMPARATORS_BY_POLARITY[indicator.polarity];
    if (!allowed.includes(body.comparator))
      throw new HttpError(
        400,
        'VALIDATION_FAILED',
        `比较符 ${body.comparator} 与指标方向不符 (comparator does not match the indicator's polarity "${indicator.polarity}": use ${allowed.join(' or ')})`,
        [{ code: 'comparator_polarity', column: 'comparator', message: `use ${allowed.join(' or ')}` }],
      );
    const plan = (await listPlans(store)).find((p) => p.code === current.planCode);
    const earliest = plan ? planYear(plan.issuedOn) : null;
    if (earliest !== null && body.year < earliest)
      throw new HttpError(
        400,
        'VALIDATION_FAILED',
        `目标年早于规划发布年 ${earliest} (the target year is before the plan was issued, ${earliest})`,
        [{ code: 'year_before_plan', column: 'year', message: `year must be ${earliest} or later` }],
      );

    const result = await updateTarget(store, id, body);
    if (result.kind === 'not_found')
      throw new HttpError(404, 'NOT_FOUND', `目标 ${id} 不存在 (no target with id ${id})`);
    if (result.kind === 'conflict')
      throw new HttpError(
        409,
        'CONFLICT',
        `该规划已为此指标和区划设定 ${body.year} 年目标 (target ${result.other.id} of the same plan already sets ${body.year})`,
      );
    const { before, after } = result;
    const fields = (['comparator', 'value', 'year'] as const).filter((f) => before[f] !== after[f]);
    const change = { by: actor.username, at: now(), fields: [...fields] };
    req.log.info(
      { audit: 'target_edit', targetId: id, by: actor.username, at: change.at, before, after },
      'target edited',
    );
    return { target: after, previous: before, change };
  });
}
