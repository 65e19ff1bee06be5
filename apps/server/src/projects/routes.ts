/** Project dispatch (issue 7): HTTP routes. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app';

export function projectsRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
