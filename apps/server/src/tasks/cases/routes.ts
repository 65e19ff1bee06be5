/** Pilots and the case library (issue 8 §3): HTTP routes. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app';

export function casesRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
