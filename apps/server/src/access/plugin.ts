/**
 * Who is asking, on every request under /api: the session cookie or an `Authorization: Bearer sc_…` token
 * sets `req.actor`. Deny by default: every /api route answers 401 without an actor unless it is declared
 * public (`config: { public: true }`), so a new route cannot be forgotten. State-changing requests made
 * with the session cookie must carry the session's CSRF token in `x-csrf-token` (SameSite=Strict is the
 * first defence, the token the second); bearer tokens are not sent by browsers on their own and need none.
 */
import fastifyCookie from '@fastify/cookie';
import {
  authenticateToken,
  getSession,
  safeEqual,
  type AccessPolicy,
  type SessionContext,
} from '@suocha/services';
import type { Store } from '@suocha/store';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { HttpError } from '../errors';

export const SESSION_COOKIE = 'suocha_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without logging in (health, login). Everything else under /api needs an actor. */
    public?: boolean;
    /** Exempt from the CSRF check (only login: it has no session yet, and takes JSON only). */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    /** The session behind `req.actor` when it came from the cookie, with its raw token. */
    session: (SessionContext & { readonly token: string }) | null;
  }
}

export interface AccessOptions {
  readonly policy: AccessPolicy;
  readonly now: () => string;
  /** Secure flag of the session cookie: true, false, or 'auto' (when the request came over https). */
  readonly cookieSecure: boolean | 'auto';
}

export interface RouteInfo {
  readonly method: HTTPMethods;
  readonly url: string;
  readonly public: boolean;
}

const routeTables = new WeakMap<FastifyInstance, RouteInfo[]>();

/** Every route registered after the access plugin, with its public flag (for the guard-coverage test). */
export function listRoutes(app: FastifyInstance): readonly RouteInfo[] {
  return routeTables.get(app) ?? [];
}

export function setSessionCookie(reply: FastifyReply, token: string, options: AccessOptions): FastifyReply {
  // No Max-Age: a browser-session cookie; the server ends the session itself (idle and maximum lifetime).
  return reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: options.cookieSecure,
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply, options: AccessOptions): FastifyReply {
  return reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: options.cookieSecure,
    path: '/',
  });
}

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m?.[1] ?? '';
}

export async function installAccess(
  app: FastifyInstance,
  deps: { readonly store: Store },
  options: AccessOptions,
): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  const table: RouteInfo[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) table.push({ method, url: r.url, public: r.config?.public === true });
  });

  app.addHook('onRequest', async (req, reply) => {
    // The matched route decides (so no spelling of the URL can reach an /api handler unguarded); unmatched
    // /api URLs are guarded too, so that probing them says nothing without credentials.
    const route = req.routeOptions.url ?? '';
    if (!route.startsWith('/api/') && !req.url.startsWith('/api/') && req.url !== '/api') return;
    const now = options.now();
    const secret = bearer(req);
    if (secret !== undefined) {
      const auth = secret ? await authenticateToken(deps.store, secret, now, options.policy) : undefined;
      if (auth) req.actor = auth.actor;
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        const session = await getSession(deps.store, token, now, options.policy);
        if (session) {
          req.actor = session.actor;
          req.session = { ...session, token };
        } else {
          clearSessionCookie(reply, options);
        }
      }
    }

    const config = req.routeOptions.config;
    if (req.session && !SAFE_METHODS.has(req.method) && config.csrfExempt !== true) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, req.session.csrfToken))
        throw new HttpError(
          403,
          'CSRF_REJECTED',
          `缺少或错误的 CSRF 令牌，请刷新页面后重试 (missing or wrong ${CSRF_HEADER} header)`,
        );
    }
    if (!req.actor && config.public !== true) {
      throw new HttpError(
        401,
        'UNAUTHENTICATED',
        secret !== undefined
          ? '令牌无效、已过期或已撤销 (the API token is invalid, expired or revoked)'
          : '请先登录 (please log in)',
      );
    }
  });
}
