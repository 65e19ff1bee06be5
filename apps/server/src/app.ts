/**
 * The HTTP API and the web app. Thin: each module's routes parse input (zod), call store/services and
 * answer JSON; errors are JSON with a stable code, never a stack trace. Every /api route needs a logged-in
 * actor unless it declares itself public (access/plugin.ts).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { accessPolicy, type AccessPolicyOverrides } from '@suocha/services';
import type { Store } from '@suocha/store';
import { accessModule } from './access';
import { installErrorHandling } from './errors';
import { healthRoutes } from './health';
import { hierarchyRoutes } from './hierarchy/routes';
import { collectionRoutes } from './collection/routes';
import { gapsRoutes } from './gaps/routes';
import { indexRoutes } from './index/routes';
import { progressRoutes } from './progress/routes';
import { projectsRoutes } from './projects/routes';
import { tasksRoutes } from './tasks/routes';
import { casesRoutes } from './tasks/cases/routes';
import { supervisionRoutes } from './supervision/routes';
import { bulletinsRoutes } from './bulletins/routes';
import { installSecurityHeaders } from './access/security-headers';
import { targetEditRoutes } from './targets/edit-routes';
import { targetsRoutes } from './targets/routes';
import { webApp } from './web';

export interface AppDeps {
  readonly store: Store;
  readonly dataDir: string;
  readonly version: string;
  /** Folder of the built web app (apps/web/dist); the API works without it. */
  readonly webDir?: string;
  readonly logger?: boolean | { level: string };
  /** Lock-out, rate-limit, session and argon2 settings (defaults in services/access/policy.ts). */
  readonly access?: AccessPolicyOverrides;
  /** The clock, as an ISO timestamp; a parameter so that tests can move time. */
  readonly now?: () => string;
  /** Secure flag of the session cookie; 'auto' (default): set when the request came over https. */
  readonly cookieSecure?: boolean | 'auto';
  /** Behind a reverse proxy: take the client address and protocol from X-Forwarded-* headers. */
  readonly trustProxy?: boolean;
}

export async function buildServer(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 50 * 1024 * 1024,
    trustProxy: deps.trustProxy ?? false,
  });
  installErrorHandling(app);
  installSecurityHeaders(app);
  await accessModule(app, deps, {
    policy: accessPolicy(deps.access),
    now: deps.now ?? (() => new Date().toISOString()),
    cookieSecure: deps.cookieSecure ?? 'auto',
  });
  healthRoutes(app, deps);
  hierarchyRoutes(app, deps);
  targetsRoutes(app, deps);
  targetEditRoutes(app, deps);
  indexRoutes(app, deps);
  gapsRoutes(app, deps);
  collectionRoutes(app, deps);
  progressRoutes(app, { store: deps.store });
  projectsRoutes(app, deps);
  tasksRoutes(app, deps);
  casesRoutes(app, deps);
  supervisionRoutes(app, deps);
  bulletinsRoutes(app, deps);
  await webApp(app, deps.webDir);
  return app;
}
