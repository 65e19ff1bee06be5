/**
 * The monthly bulletin 月度通报 (issue 8 §4–5): the published months, a month's bulletin as JSON (the
 * published snapshot, or a preview from the data as they are now), its .docx, .xlsx and printable .html,
 * and publication. The bulletin covers the whole province: provincial roles read it, provincial
 * administrators publish it. The issuing body is the default
 * (浙江省缩小三大差距工作专班办公室); the CLI's --issuer sets another.
 */
import type { Actor } from '@suocha/core';
import { BulletinFileParams, BulletinMonthParams } from '@suocha/contract';
import {
  BulletinError,
  bulletinForMonth,
  collectionSubmissions,
  listBulletins,
  publishBulletin,
  renderBulletin,
  type AssembleOptions,
} from '@suocha/services';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app';
import { requireActor } from '../access/guard';
import { HttpError, parseInput } from '../errors';

/** Maps a bulletin use-case error to the HTTP answer. */
export function bulletinHttpError(e: unknown): unknown {
  if (!(e instanceof BulletinError)) return e;
  // The bulletin's own code travels in `problems` (the API's codes are a closed list).
  const problems = [{ code: e.code, message: e.message }];
  switch (e.code) {
    case 'BAD_MONTH':
    case 'MONTH_NOT_ENDED':
      return new HttpError(400, 'BAD_REQUEST', e.message, problems);
    case 'NO_DATA':
      return new HttpError(404, 'NOT_FOUND', e.message, problems);
    case 'ALREADY_PUBLISHED':
      return new HttpError(409, 'CONFLICT', e.message, problems);
  }
}

async function mapped<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw bulletinHttpError(e);
  }
}

function requireProvincial(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (actor.role !== 'province_admin' && actor.role !== 'province_analyst')
    throw new HttpError(
      403,
      'FORBIDDEN',
      '月度通报仅限省级用户 (the monthly bulletin is for provincial users)',
    );
  return actor;
}

function requirePublisher(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (actor.role !== 'province_admin')
    throw new HttpError(
      403,
      'FORBIDDEN',
      '仅省级管理员可发布月度通报 (only provincial administrators publish the bulletin)',
    );
  return actor;
}

/** `filename*` (RFC 6266/5987) for the Chinese name, with an ASCII fallback. */
function disposition(kind: 'attachment' | 'inline', filename: string, month: string, ext: string): string {
  return `${kind}; filename="bulletin-${month}.${ext}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function bulletinsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;
  const now = deps.now ?? (() => new Date().toISOString());
  const submissions = collectionSubmissions(store);
  const options = (month: string): AssembleOptions => ({
    month,
    now: now(),
    submissions,
  });

  app.get('/api/bulletins', async (req) => {
    requireProvincial(req);
    return { items: await listBulletins(store) };
  });

  app.get('/api/bulletins/:month', async (req) => {
    requireProvincial(req);
    const p = parseInput(BulletinMonthParams, req.params, 'path');
    return mapped(() => bulletinForMonth(store, options(p.month)));
  });

  app.get('/api/bulletins/:month/:format', async (req, reply) => {
    requireProvincial(req);
    const p = parseInput(BulletinFileParams, req.params, 'path');
    const view = await mapped(() => bulletinForMonth(store, options(p.month)));
    const file = await renderBulletin(view.content, p.format);
    return reply
      .header(
        'content-disposition',
        disposition(p.format === 'html' ? 'inline' : 'attachment', file.filename, view.month, p.format),
      )
      .header('x-content-hash', view.contentHash)
      .type(file.contentType)
      .send(file.bytes);
  });

  app.post('/api/bulletins/:month/publish', async (req, reply) => {
    const actor = requirePublisher(req);
    const p = parseInput(BulletinMonthParams, req.params, 'path');
    const view = await mapped(() =>
      publishBulletin(store, { ...options(p.month), publishedBy: actor.username }),
    );
    return reply.code(201).send(view);
  });
}
