/**
 * Pilots and the case library (issue 8 §3): HTTP routes.
 *
 *   GET  /api/pilots              every pilot with its units and number of linked cases
 *   GET  /api/pilots/:code        one pilot and its cases (its lessons: 一地创新、全省共享)
 *   GET  /api/cases?q&unit&tag&pilot&limit&offset   search (or list) with highlighted matches
 *   GET  /api/cases/:id           one case with its full text
 *   POST /api/cases               create: the province, or a user whose scope holds the case's unit
 *   PUT  /api/cases/:id           update (whole case + version): scope must hold the old and the new unit
 *   POST /api/pilots/load         (provincial administrators) load <dataDir>/pilots.csv, all rows or none
 *
 * Reading is open to every logged-in user: the library exists to share lessons province-wide.
 */
import { CaseInputSchema, CaseSearchQuerySchema, CaseUpdateSchema } from '@suocha/contract';
import {
  createCase,
  editCase,
  loadPilotsFile,
  pilotDetail,
  searchCases,
  type CaseProblem,
} from '@suocha/services';
import { join } from 'node:path';
import { getCase, listPilots, type Store } from '@suocha/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorizeUnit, requireActor, requireAdministrator } from '../../access/guard';
import { HttpError, parseInput } from '../../errors';

export interface CasesDeps {
  readonly store: Store;
  /** Folder of the dataset (data/), where `POST /api/pilots/load` reads pilots.csv. */
  readonly dataDir?: string;
  readonly now?: () => string;
}

const IdParams = z.object({ id: z.coerce.number().int().min(1) });
const CodeParams = z.object({ code: z.string().min(1).max(64) });

/** A use-case problem as an HTTP error. */
function problemError(p: CaseProblem): HttpError {
  switch (p.code) {
    case 'NOT_FOUND':
      return new HttpError(404, 'NOT_FOUND', p.message);
    case 'UNIT_NOT_FOUND':
      return new HttpError(404, 'UNIT_NOT_FOUND', p.message);
    case 'VERSION_CONFLICT':
      return new HttpError(409, 'CONFLICT', p.message);
    default:
      return new HttpError(422, 'VALIDATION_FAILED', p.message, [
        { code: p.code, message: p.message, ...(p.field !== undefined ? { column: p.field } : {}) },
      ]);
  }
}

export function casesRoutes(app: FastifyInstance, deps: CasesDeps): void {
  const { store } = deps;
  const now = deps.now ?? (() => new Date().toISOString());

  app.get('/api/pilots', async (req) => {
    requireActor(req);
    return { items: await listPilots(store) };
  });

  app.get('/api/pilots/:code', async (req) => {
    requireActor(req);
    const { code } = parseInput(CodeParams, req.params, 'path');
    const detail = await pilotDetail(store, code);
    if (!detail) throw new HttpError(404, 'NOT_FOUND', `试点 ${code} 不存在 (no pilot ${code})`);
    return detail;
  });

  app.post('/api/pilots/load', async (req) => {
    requireAdministrator(req);
    if (deps.dataDir === undefined)
      throw new HttpError(404, 'NOT_FOUND', '未配置数据目录 (no data folder configured)');
    const r = await loadPilotsFile(store, join(deps.dataDir, 'pilots.csv'));
    if (!r.ok)
      throw new HttpError(
        422,
        'VALIDATION_FAILED',
        '试点文件有误，未写入 (pilots.csv has problems; nothing loaded)',
        r.error.problems.map((p) => ({
          code: p.code,
          message: p.message,
          file: p.file,
          line: p.line,
          ...(p.column !== undefined ? { column: p.column } : {}),
        })),
      );
    return { loaded: r.value.pilots };
  });

  app.get('/api/cases', async (req) => {
    requireActor(req);
    const q = parseInput(CaseSearchQuerySchema, req.query, 'query');
    return searchCases(store, {
      ...(q.q !== undefined ? { q: q.q } : {}),
      ...(q.unit !== undefined ? { unitCode: q.unit } : {}),
      ...(q.tag !== undefined ? { tag: q.tag } : {}),
      ...(q.pilot !== undefined ? { pilotCode: q.pilot } : {}),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
      ...(q.offset !== undefined ? { offset: q.offset } : {}),
    });
  });

  app.get('/api/cases/:id', async (req) => {
    requireActor(req);
    const { id } = parseInput(IdParams, req.params, 'path');
    const found = await getCase(store, id);
    if (!found) throw new HttpError(404, 'NOT_FOUND', `案例 ${id} 不存在 (no case ${id})`);
    return found;
  });

  app.post('/api/cases', async (req, reply) => {
    const body = parseInput(CaseInputSchema, req.body, 'case');
    const { actor } = await authorizeUnit(req, store, 'write', body.unitCode);
    const r = await createCase(store, body, { at: now(), by: actor.username });
    if (!r.ok) throw problemError(r.error);
    return reply.status(201).send(r.value);
  });

  app.put('/api/cases/:id', async (req) => {
    const { id } = parseInput(IdParams, req.params, 'path');
    const body = parseInput(CaseUpdateSchema, req.body, 'case');
    requireActor(req);
    const current = await getCase(store, id);
    if (!current) throw new HttpError(404, 'NOT_FOUND', `案例 ${id} 不存在 (no case ${id})`);
    // The writer must hold the case where it is and where it goes.
    const { actor } = await authorizeUnit(req, store, 'write', current.unitCode);
    if (body.unitCode !== current.unitCode) await authorizeUnit(req, store, 'write', body.unitCode);
    const { version, ...input } = body;
    const r = await editCase(store, id, version, input, { at: now(), by: actor.username });
    if (!r.ok) throw problemError(r.error);
    return r.value;
  });
}
