/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/password. */
import { ChangePasswordBody, LoginBody, type MeDto } from '@suocha/contract';
import { changePassword, getUserView, login, revokeSession } from '@suocha/services';
import type { Store } from '@suocha/store';
import type { FastifyInstance } from 'fastify';
import { HttpError, parseInput } from '../errors';
import { requireActor, requirePerson } from './guard';
import { accessHttpError } from './http-errors';
import { clearSessionCookie, setSessionCookie, type AccessOptions } from './plugin';

export function authRoutes(
  app: FastifyInstance,
  deps: { readonly store: Store },
  options: AccessOptions,
): void {
  const { store } = deps;

  app.post(
    '/api/auth/login',
    { config: { public: true, csrfExempt: true }, bodyLimit: 16 * 1024 },
    async (req, reply): Promise<MeDto> => {
      const body = parseInput(LoginBody, req.body, 'login');
      // A new session on every login, never the one the browser came with (session fixation).
      if (req.session) await revokeSession(store, req.session.token);
      const now = options.now();
      const r = await login(
        store,
        { ...body, ip: req.ip, userAgent: req.headers['user-agent'] ?? '' },
        now,
        options.policy,
      );
      if (!r.ok) throw accessHttpError(r.error, reply);
      const { session, context } = r.value;
      setSessionCookie(reply, session.token, options);
      const user = await getUserView(store, context.user.id, now);
      if (!user) throw new Error('user vanished during login');
      return { user, via: 'session', csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  // Needs the session (and its CSRF token, so no other site can log the user out). A stale cookie is
  // cleared by the access plugin with the 401.
  app.post('/api/auth/logout', async (req, reply) => {
    requireActor(req);
    if (req.session) await revokeSession(store, req.session.token);
    clearSessionCookie(reply, options);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', async (req): Promise<MeDto> => {
    const actor = requireActor(req);
    const user = await getUserView(store, actor.userId, options.now());
    if (!user) throw new HttpError(401, 'UNAUTHENTICATED', '请先登录 (please log in)');
    return {
      user,
      via: actor.via,
      csrfToken: req.session?.csrfToken ?? null,
      expiresAt: req.session?.expiresAt ?? null,
    };
  });

  app.post('/api/auth/password', { bodyLimit: 16 * 1024 }, async (req, reply) => {
    const actor = requirePerson(req);
    const body = parseInput(ChangePasswordBody, req.body, 'password change');
    const r = await changePassword(
      store,
      actor.userId,
      body,
      options.now(),
      options.policy,
      req.session?.sessionId,
    );
    if (!r.ok) {
      // A wrong current password is a bad request here, not a 401: the session itself is fine.
      if (r.error.code === 'INVALID_CREDENTIALS')
        throw new HttpError(400, 'INVALID_CREDENTIALS', r.error.message);
      throw accessHttpError(r.error);
    }
    return reply.status(204).send();
  });
}
