/**
 * The HTTP API and the web app. Thin: each module's routes parse input (zod), call store/services and
 * answer JSON; errors are JSON with a stable code, never a stack trace.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '@suocha/store';
import { installErrorHandling } from './errors';
import { healthRoutes } from './health';
import { hierarchyRoutes } from './hierarchy/routes';
import { targetsRoutes } from './targets/routes';
import { webApp } from './web';

export interface AppDeps {
  readonly store: Store;
  readonly dataDir: string;
  readonly version: string;
  /** Folder of the built web app (apps/web/dist); the API works without it. */
  readonly webDir?: string;
  readonly logger?: boolean | { level: string };
}

export async function buildServer(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 50 * 1024 * 1024 });
  installErrorHandling(app);
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });
  healthRoutes(app, deps);
  hierarchyRoutes(app, deps);
  targetsRoutes(app, deps);
  await webApp(app, deps.webDir);
  return app;
}
