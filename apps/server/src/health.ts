import type { HealthDto } from '@suocha/contract';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './app';

export function healthRoutes(app: FastifyInstance, deps: AppDeps): void {
  // Public: load balancers and monitoring probe it without credentials; it reveals no user data.
  app.get('/api/health', { config: { public: true } }, async (): Promise<HealthDto> => {
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
