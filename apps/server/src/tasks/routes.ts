/** Key tasks, pilots and cases (issue 8): HTTP routes. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app';

export function tasksRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
