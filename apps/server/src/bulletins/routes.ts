/** The monthly bulletin 月度通报 (issue 8): HTTP routes. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app';

export function bulletinsRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app;
  void deps;
}
