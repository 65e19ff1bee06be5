import type { Store } from '@suocha/store';
import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth-routes';
import { installAccess, type AccessOptions } from './plugin';
import { tokensRoutes } from './tokens-routes';
import { usersRoutes } from './users-routes';

/** The access plugin (actor, CSRF, deny by default) and the auth, users and tokens routes. */
export async function accessModule(
  app: FastifyInstance,
  deps: { readonly store: Store },
  options: AccessOptions,
): Promise<void> {
  await installAccess(app, deps, options);
  authRoutes(app, deps, options);
  usersRoutes(app, deps, options);
  tokensRoutes(app, deps, options);
}
