/**
 * Route guards: who is asking (set on the request by the access plugin from a session cookie or an API
 * token) and whether they may act on a unit. Every data endpoint calls one of these.
 */
import { can, refusal, type Action, type Actor } from '@suocha/core';
import { getUnitPath, type Store } from '@suocha/store';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The authenticated actor, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new HttpError(401, 'UNAUTHENTICATED', '请先登录 (please log in)');
  return req.actor;
}

/** The actor if allowed to do `action` on the unit (404 for an unknown unit, 403 otherwise). */
export async function authorizeUnit(
  req: FastifyRequest,
  store: Store,
  action: Action,
  unitCode: string,
  indicatorDepartment?: string | null,
): Promise<{ actor: Actor; unitPath: string }> {
  const actor = requireActor(req);
  const unitPath = await getUnitPath(store, unitCode);
  if (unitPath === undefined)
    throw new HttpError(404, 'UNIT_NOT_FOUND', `区划 ${unitCode} 不存在 (no unit with code ${unitCode})`);
  const resource = indicatorDepartment === undefined ? { unitPath } : { unitPath, indicatorDepartment };
  if (!can(actor, action, resource)) throw new HttpError(403, 'FORBIDDEN', refusal(actor, action, resource));
  return { actor, unitPath };
}

/** The actor if a provincial administrator (users, departments, catalogue), 403 otherwise. */
export function requireAdministrator(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (actor.role !== 'province_admin')
    throw new HttpError(403, 'FORBIDDEN', '仅省级管理员可操作 (provincial administrators only)');
  return actor;
}

/** The actor if logged in with a session (a person), 403 for API tokens (e.g. tokens cannot mint tokens). */
export function requirePerson(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (actor.via !== 'session')
    throw new HttpError(
      403,
      'FORBIDDEN',
      '此操作需要登录会话，不能使用 API 令牌 (needs a login session, not an API token)',
    );
  return actor;
}
