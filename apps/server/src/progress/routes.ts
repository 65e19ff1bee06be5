/**
 * Progress to targets, warnings and indicator series (issue 4 §5). Every route needs an actor and read
 * access to the unit asked about; the warnings of a caller default to those of their scope unit.
 */
import { ProgressQuery, IndicatorSeriesParams, IndicatorSeriesQuery, WarningsQuery } from '@suocha/contract';
import {
  collectionSubmissions,
  indicatorSeries,
  ProgressError,
  progressReportBody,
  warningsReport,
  type SubmissionSource,
} from '@suocha/services';
import type { Store } from '@suocha/store';
import type { FastifyInstance } from 'fastify';
import { authorizeUnit, requireActor } from '../access/guard';
import { HttpError, parseInput } from '../errors';

export interface ProgressDeps {
  readonly store: Store;
  /** Expected submissions, for `missing_submission` warnings; default: the collection module's data sets. */
  readonly submissions?: SubmissionSource;
  /** "Now" for the evaluation record (tests fix it). */
  readonly now?: () => string;
}

/** Maps a progress use-case error to the HTTP answer. */
export function progressHttpError(e: unknown): unknown {
  if (!(e instanceof ProgressError)) return e;
  switch (e.code) {
    case 'UNIT_NOT_FOUND':
      return new HttpError(404, 'UNIT_NOT_FOUND', e.message);
    case 'INDICATOR_NOT_FOUND':
      return new HttpError(404, 'INDICATOR_NOT_FOUND', e.message);
    case 'VERSION_CONFLICT':
      return new HttpError(409, 'CONFLICT', e.message);
    default:
      return new HttpError(400, 'BAD_REQUEST', e.message, e.problems);
  }
}

async function mapped<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw progressHttpError(e);
  }
}

export function progressRoutes(app: FastifyInstance, deps: ProgressDeps): void {
  const { store } = deps;
  const now = deps.now ?? (() => new Date().toISOString());
  const submissions = deps.submissions ?? collectionSubmissions(store);

  app.get('/api/progress', async (req, reply) => {
    const q = parseInput(ProgressQuery, req.query, 'query');
    await authorizeUnit(req, store, 'read', q.unit);
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const { body, encoding } = await mapped(() =>
      progressReportBody(
        store,
        {
          unitCode: q.unit,
          asOf: q.asOf,
          ...(q.level ? { level: q.level } : {}),
          ...(q.alternatives ? { alternatives: true } : {}),
        },
        { gzip },
      ),
    );
    reply.header('vary', 'accept-encoding');
    if (encoding === 'gzip') reply.header('content-encoding', 'gzip');
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.get('/api/warnings', async (req) => {
    const q = parseInput(WarningsQuery, req.query, 'query');
    const unit = q.unit ?? requireActor(req).scopeUnit;
    await authorizeUnit(req, store, 'read', unit);
    return mapped(() =>
      warningsReport(store, {
        unitCode: unit,
        asOf: q.asOf,
        ...(q.since ? { since: q.since } : {}),
        now: now(),
        submissions,
      }),
    );
  });

  app.get('/api/indicators/:code/series', async (req) => {
    const p = parseInput(IndicatorSeriesParams, req.params, 'path');
    const q = parseInput(IndicatorSeriesQuery, req.query, 'query');
    await authorizeUnit(req, store, 'read', q.unit);
    return mapped(() => indicatorSeries(store, p.code, q.unit));
  });
}
