import type { HealthDto } from '@suocha/contract';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './app';

export function healthRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/health', async (): Promise<HealthDto> => {
    const r = await deps.store.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const s = await deps.store.db
      .selectFrom('observations')
      .select('id')
      .where('synthetic', '=', 1)
      .limit(1)
      .executeTakeFirst();
    return {
      status: 'ok',
      version: deps.version,
      engine: deps.store.engine,
      units: Number(r.n),
      synthetic: s !== undefined,
    };
  });
}
