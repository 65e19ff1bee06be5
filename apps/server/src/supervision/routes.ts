/** Supervision orders 督办 (issue 8): HTTP routes. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app';

export function supervisionRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
