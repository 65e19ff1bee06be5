import { TargetsQuery } from '@suocha/contract';
import { getUnit, listIndicators, listPlans, listTargets } from '@suocha/store';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app';
import { HttpError, parseInput } from '../errors';

/** The catalogue (reference data), readable by any logged-in user; the access plugin refuses anyone else. */
export function targetsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;
  app.get('/api/indicators', async () => ({ items: await listIndicators(store) }));
  app.get('/api/plans', async () => ({ items: await listPlans(store) }));
  app.get('/api/targets', async (req) => {
    const q = parseInput(TargetsQuery, req.query, 'query');
    if (q.unit && !(await getUnit(store, q.unit)))
      throw new HttpError(404, 'UNIT_NOT_FOUND', `区划 ${q.unit} 不存在 (no unit with code ${q.unit})`);
    return {
      items: await listTargets(store, {
        ...(q.unit ? { unitCode: q.unit } : {}),
        ...(q.indicator ? { indicatorCode: q.indicator } : {}),
        ...(q.plan ? { planCode: q.plan } : {}),
      }),
    };
  });
}
