/**
 * HTTP API of the gaps module (issue 5 §1, §5).
 *
 * - `GET /api/gaps/regional?indicator=…&of=…[&level=…&group=…&onlyGroup=…&asOf=…&period=…&line=…|lineUnit=…]`:
 *   the regional measures over the units under `of` (read access to `of`; a reference unit must be
 *   readable or one of the actor's ancestors, e.g. the province or the nation).
 * - `POST /api/gaps/households?filename=…&by=…&middle=…&lowLine=…`: a household file as the raw request body
 *   (`text/csv`, `application/gzip` for .csv.gz, the xlsx MIME type, or `application/octet-stream` with a
 *   file name), at most `maxUploadBytes`; it is written to a temporary file, an analysis job starts and the
 *   answer is `202 { jobId }` at once. Any logged-in user may analyse a file; its unit codes must lie in
 *   the user's scope (other codes are located problems). Nothing is stored in the database, and the
 *   temporary file is deleted when the job finishes.
 * - `GET /api/gaps/households/jobs/:id`: `{ status: running|done|failed, progress: { rowsRead, fraction? },
 *   result?, problems? }`, for the user who started the job. Jobs live in memory (services
 *   household-jobs.ts: bounded in number, forgotten an hour after they finish, lost on restart).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { can } from '@suocha/core';
import { HouseholdUploadQuery, RegionalGapsQuery, type ErrorCode } from '@suocha/contract';
import {
  HouseholdJobs,
  householdUnitLookup,
  measureHouseholdsFile,
  regionalGaps,
  type RegionalGapsErrorCode,
} from '@suocha/services';
import { getUnitPath, type Store } from '@suocha/store';
import type { FastifyInstance } from 'fastify';
import { authorizeUnit, requireActor } from '../access/guard';
import { HttpError, parseInput } from '../errors';

export interface GapsRoutesOptions {
  /** The job registry (default: one per app, see services household-jobs.ts for its bounds). */
  readonly jobs?: HouseholdJobs;
  /** Largest household upload accepted (default 512 MiB: about ten million CSV rows). */
  readonly maxUploadBytes?: number;
  /** Where uploads are written while they are analysed (default the system temp folder). */
  readonly tempDir?: string;
}

export interface GapsRoutesDeps {
  readonly store: Store;
  readonly gaps?: GapsRoutesOptions;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_TYPES = ['text/csv', XLSX, 'application/gzip', 'application/x-gzip', 'application/octet-stream'];
const DEFAULT_MAX_UPLOAD = 512 * 1024 * 1024;

const STATUS: Readonly<Record<RegionalGapsErrorCode, readonly [number, ErrorCode]>> = {
  INVALID_INPUT: [400, 'BAD_REQUEST'],
  INDICATOR_NOT_FOUND: [404, 'INDICATOR_NOT_FOUND'],
  UNIT_NOT_FOUND: [404, 'UNIT_NOT_FOUND'],
  GROUP_NOT_FOUND: [404, 'GROUP_NOT_FOUND'],
  NO_DATA: [409, 'CONFLICT'],
};

/** The file's extension as the reader needs it: from its name, else from the content type. */
function uploadExtension(filename: string | undefined, contentType: string): string | null {
  const name = (filename ?? '').toLowerCase();
  if (name.endsWith('.csv.gz')) return '.csv.gz';
  if (name.endsWith('.csv')) return '.csv';
  if (name.endsWith('.xlsx')) return '.xlsx';
  if (name !== '' && /\.[a-z0-9]+$/.test(name)) return null;
  if (contentType === 'text/csv') return '.csv';
  if (contentType === XLSX) return '.xlsx';
  if (contentType === 'application/gzip' || contentType === 'application/x-gzip') return '.csv.gz';
  return null;
}

/** A file name fit for messages: its last path segment, printable, at most 255 characters. */
function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || 'upload';
}

function headerFilename(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v === '') return undefined;
  try {
    return decodeURIComponent(v);
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'x-filename 应为 URL 编码 (x-filename must be URL-encoded)');
  }
}

/**
 * Streams the body to `path` with backpressure, refusing it (413) once it passes `limit` bytes; the rest of
 * an oversized body is read and discarded rather than cutting the connection, so the client gets the 413.
 * Returns the size.
 */
async function saveBody(body: Readable, path: string, limit: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const stop = () => {
        body.off('data', onData);
        body.off('end', onEnd);
        body.off('error', onError);
        out.off('error', onError);
      };
      const onError = (e: Error) => {
        stop();
        reject(e);
      };
      const onEnd = () => {
        stop();
        resolve();
      };
      const onData = (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > limit) {
          stop();
          body.resume();
          reject(
            new HttpError(
              413,
              'PAYLOAD_TOO_LARGE',
              `文件超过 ${limit} 字节 (the file is larger than ${limit} bytes)`,
            ),
          );
          return;
        }
        if (!out.write(chunk)) {
          body.pause();
          out.once('drain', () => body.resume());
        }
      };
      body.on('data', onData);
      body.on('end', onEnd);
      body.on('error', onError);
      out.on('error', onError);
    });
  } catch (e) {
    // Writes still queued fail once the file is destroyed; the upload is refused anyway.
    out.on('error', () => undefined);
    if (!out.closed)
      await new Promise<void>((resolve) => {
        out.once('close', () => resolve());
        out.destroy();
      });
    throw e;
  }
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(resolve);
  });
  return bytes;
}

export function gapsRoutes(app: FastifyInstance, deps: GapsRoutesDeps): void {
  const { store } = deps;
  const jobs = deps.gaps?.jobs ?? new HouseholdJobs();
  const maxUpload = deps.gaps?.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  const tempDir = deps.gaps?.tempDir ?? tmpdir();
  // Let running analyses finish (and delete their temp files) before the server closes.
  app.addHook('onClose', async () => jobs.settled());

  app.get('/api/gaps/regional', async (req) => {
    const q = parseInput(RegionalGapsQuery, req.query, 'query');
    const { actor } = await authorizeUnit(req, store, 'read', q.of);
    if (q.lineUnit !== undefined) {
      const path = await getUnitPath(store, q.lineUnit);
      // A published figure of an ancestor (the province, the nation) is a fair reference for anyone below it.
      if (path !== undefined && !can(actor, 'read', { unitPath: path }) && !actor.scopePath.startsWith(path))
        throw new HttpError(
          403,
          'FORBIDDEN',
          `参考单位不在您的范围内 (reference unit ${q.lineUnit} is outside your scope ${actor.scopeUnit})`,
        );
    }
    const r = await regionalGaps(store, {
      indicator: q.indicator,
      of: q.of,
      level: q.level,
      group: q.group,
      onlyGroup: q.onlyGroup,
      asOf: q.asOf,
      period: q.period,
      line: q.line,
      lineUnit: q.lineUnit,
    });
    if (!r.ok) {
      const [status, code] = STATUS[r.error.code];
      throw new HttpError(
        status,
        code,
        r.error.message,
        r.error.field !== undefined
          ? [{ code: r.error.code, column: r.error.field, message: r.error.message }]
          : undefined,
      );
    }
    return r.value;
  });

  app.register(async (scope) => {
    // The upload arrives as the raw file and is streamed to disk by the handler; only in this scope, so
    // other modules keep Fastify's body parsing.
    scope.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, payload));

    scope.post('/api/gaps/households', async (req, reply) => {
      const actor = requireActor(req);
      const q = parseInput(HouseholdUploadQuery, req.query, 'query');
      const contentType = String(req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase();
      if (!(req.body instanceof Readable))
        throw new HttpError(
          415,
          'BAD_REQUEST',
          `请以文件本身为请求体 (send the file itself as the body, as text/csv, application/gzip or ${XLSX}; got ${contentType || 'no content type'})`,
        );
      const filename = q.filename ?? headerFilename(req.headers['x-filename']);
      const ext = uploadExtension(filename, contentType);
      if (ext === null)
        throw new HttpError(
          400,
          'BAD_REQUEST',
          `不支持的文件类型 (unsupported file type${filename ? ` "${filename}"` : ''}): send .csv, .csv.gz or .xlsx`,
        );
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxUpload)
        throw new HttpError(
          413,
          'PAYLOAD_TOO_LARGE',
          `文件超过 ${maxUpload} 字节 (the file is larger than ${maxUpload} bytes)`,
        );
      const busy = jobs.canStart();
      if (busy) throw new HttpError(429, 'RATE_LIMITED', busy.message);
      const units = await householdUnitLookup(store, { scopeUnit: actor.scopeUnit });
      if (!units)
        throw new HttpError(403, 'FORBIDDEN', `范围单位 ${actor.scopeUnit} 不存在 (scope unit not found)`);

      const dir = await mkdtemp(join(tempDir, 'suocha-households-'));
      const remove = () => rm(dir, { recursive: true, force: true });
      const path = join(dir, `upload${ext}`);
      let bytes: number;
      try {
        bytes = await saveBody(req.body, path, maxUpload);
      } catch (e) {
        await remove();
        throw e;
      }
      if (bytes === 0) {
        await remove();
        throw new HttpError(400, 'BAD_REQUEST', '文件为空 (the request body is empty: send the file)');
      }
      const name = displayName(filename ?? `upload${ext}`);
      const started = jobs.start(
        String(actor.userId),
        name,
        (onProgress) =>
          measureHouseholdsFile(
            path,
            { units, by: q.by, middle: q.middle, lowLine: q.lowLine, displayName: name },
            onProgress,
          ),
        remove,
      );
      if (!started.ok) throw new HttpError(429, 'RATE_LIMITED', started.error.message);
      return reply
        .status(202)
        .header('location', `/api/gaps/households/jobs/${started.value.id}`)
        .send({ jobId: started.value.id });
    });
  });

  app.get('/api/gaps/households/jobs/:id', async (req) => {
    const actor = requireActor(req);
    const { id } = req.params as { id: string };
    const job = jobs.get(id, String(actor.userId));
    if (!job)
      throw new HttpError(
        404,
        'NOT_FOUND',
        `没有此分析任务 (no analysis job ${id}; jobs are kept for an hour)`,
      );
    return job;
  });
}
