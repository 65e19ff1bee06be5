/**
 * HTTP API of the index module (issue 6): frameworks, frozen runs and league tables, comparisons, the
 * xlsx export, county health checks (县域体检表) and the classification proposals. Running an index,
 * storing a framework and deciding proposals need `administer`; reading needs `read` on the scope unit
 * of the run (or on the county, for its own health check).
 */
import { can } from '@suocha/core';
import {
  AcceptRequest,
  CompareParams,
  CountyHealthParams,
  CountyHealthQuery,
  IndexRunRequest,
  IndexRunsQuery,
  ProposalParams,
  ProposalsQuery,
  ProposeRequest,
  RejectRequest,
  RunParams,
  type ErrorCode,
} from '@suocha/contract';
import {
  acceptClassification,
  compareIndexRuns,
  countyHealth,
  createIndexRun,
  DEFAULT_INCOME_RULES,
  DEFAULT_INDEX_RULES,
  getIndexRunDto,
  getProposalDto,
  leagueTableWorkbook,
  listFrameworkDtos,
  listIndexRunSummaries,
  listProposalDtos,
  proposeClassifications,
  registerFramework,
  rejectClassification,
  toFrameworkDto,
  type IndexServiceError,
  type IndexServiceErrorCode,
} from '@suocha/services';
import { getUnitPath } from '@suocha/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app';
import { authorizeUnit, requireActor } from '../access/guard';
import { HttpError, parseInput } from '../errors';

const STATUS: Record<IndexServiceErrorCode, readonly [number, ErrorCode]> = {
  INVALID_INPUT: [400, 'BAD_REQUEST'],
  FRAMEWORK_INVALID: [400, 'VALIDATION_FAILED'],
  FRAMEWORK_NOT_FOUND: [404, 'NOT_FOUND'],
  UNIT_NOT_FOUND: [404, 'UNIT_NOT_FOUND'],
  RUN_NOT_FOUND: [404, 'NOT_FOUND'],
  NOT_IN_RUN: [404, 'NOT_FOUND'],
  PROPOSAL_NOT_FOUND: [404, 'NOT_FOUND'],
  NO_UNITS: [409, 'CONFLICT'],
  NO_DATA: [409, 'CONFLICT'],
  PROPOSAL_DECIDED: [409, 'CONFLICT'],
  MEMBERSHIP_CONFLICT: [409, 'CONFLICT'],
  SYNTHETIC_EVIDENCE: [409, 'CONFLICT'],
  DEMO_REFUSED: [409, 'CONFLICT'],
};

/** The service error as an HTTP error; framework issues become located problems (JSON path in `column`). */
export function httpErrorOf(e: IndexServiceError): HttpError {
  const [status, code] = STATUS[e.code];
  return new HttpError(
    status,
    code,
    e.message,
    e.issues?.map((i) => ({ code: i.code, column: i.path, message: i.message })),
  );
}

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: IndexServiceError }): T => {
  if (!r.ok) throw httpErrorOf(r.error);
  return r.value;
};

/** `attachment; filename*=UTF-8''…` so that Chinese file names survive every browser. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function indexRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;
  const now = deps.now ?? (() => new Date().toISOString());

  /** The scope units (of runs) among `codes` that the actor may read. */
  async function readable(req: FastifyRequest, codes: readonly string[]): Promise<Set<string>> {
    const actor = requireActor(req);
    const out = new Set<string>();
    for (const code of new Set(codes)) {
      const unitPath = await getUnitPath(store, code);
      if (unitPath !== undefined && can(actor, 'read', { unitPath })) out.add(code);
    }
    return out;
  }

  async function readRun(req: FastifyRequest, id: number) {
    const run = unwrap(await getIndexRunDto(store, id));
    await authorizeUnit(req, store, 'read', run.scopeUnit.code);
    return run;
  }

  app.get('/api/index/frameworks', async (req) => {
    requireActor(req);
    return { items: await listFrameworkDtos(store) };
  });

  app.post('/api/index/frameworks', async (req, reply) => {
    const actor = requireActor(req);
    await authorizeUnit(req, store, 'administer', actor.scopeUnit);
    const r = unwrap(await registerFramework(store, req.body, { by: actor.username, now: now() }));
    return reply
      .status(r.created ? 201 : 200)
      .send({ framework: toFrameworkDto(r.stored), created: r.created });
  });

  app.post('/api/index/runs', async (req, reply) => {
    const body = parseInput(IndexRunRequest, req.body, 'index run');
    const { actor } = await authorizeUnit(req, store, 'administer', body.of);
    const run = unwrap(
      await createIndexRun(
        store,
        {
          framework: body.framework,
          frameworkVersion: body.frameworkVersion,
          frameworkJson: body.frameworkJson,
          of: body.of,
          level: body.level,
          period: body.period,
          asOf: body.asOf,
          samples: body.samples,
          seed: body.seed,
        },
        { by: actor.username, now: now(), dataDir: deps.dataDir },
      ),
    );
    return reply.status(201).send(run);
  });

  app.get('/api/index/runs', async (req) => {
    const q = parseInput(IndexRunsQuery, req.query, 'query');
    const runs = await listIndexRunSummaries(store, {
      ...(q.framework !== undefined ? { frameworkCode: q.framework } : {}),
      ...(q.of !== undefined ? { scopeUnit: q.of } : {}),
      ...(q.level !== undefined ? { level: q.level } : {}),
      ...(q.period !== undefined ? { period: q.period } : {}),
      limit: q.limit,
    });
    const allowed = await readable(
      req,
      runs.map((r) => r.scopeUnit.code),
    );
    return { items: runs.filter((r) => allowed.has(r.scopeUnit.code)) };
  });

  app.get('/api/index/runs/:id', async (req) => {
    const { id } = parseInput(RunParams, req.params, 'run id');
    return readRun(req, id);
  });

  app.get('/api/index/runs/:a/compare/:b', async (req) => {
    const { a, b } = parseInput(CompareParams, req.params, 'run ids');
    const cmp = unwrap(await compareIndexRuns(store, a, b));
    await authorizeUnit(req, store, 'read', cmp.a.scopeUnit.code);
    await authorizeUnit(req, store, 'read', cmp.b.scopeUnit.code);
    return cmp;
  });

  app.get('/api/index/runs/:id/export.xlsx', async (req, reply) => {
    const { id } = parseInput(RunParams, req.params, 'run id');
    const run = await readRun(req, id);
    const name = `县域排名_${run.framework.code}_v${run.framework.version}_${run.period}_run${run.id}${run.synthetic ? '_模拟数据' : ''}.xlsx`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(name))
      .send(await leagueTableWorkbook(run));
  });

  app.get('/api/index/counties/:code/health', async (req) => {
    const { code } = parseInput(CountyHealthParams, req.params, 'unit code');
    const { run } = parseInput(CountyHealthQuery, req.query, 'query');
    await authorizeUnit(req, store, 'read', code);
    return unwrap(await countyHealth(store, code, run));
  });

  app.get('/api/index/classification/rules', async (req) => {
    requireActor(req);
    return { items: [...DEFAULT_INCOME_RULES, ...DEFAULT_INDEX_RULES] };
  });

  app.get('/api/index/classification/proposals', async (req) => {
    const actor = requireActor(req);
    const q = parseInput(ProposalsQuery, req.query, 'query');
    const of = q.of ?? actor.scopeUnit;
    await authorizeUnit(req, store, 'read', of);
    return {
      items: await listProposalDtos(store, {
        of,
        ...(q.status !== undefined ? { status: q.status } : {}),
        ...(q.group !== undefined ? { group: q.group } : {}),
      }),
    };
  });

  app.post('/api/index/classification/proposals', async (req) => {
    const body = parseInput(ProposeRequest, req.body, 'proposal request');
    const { actor } = await authorizeUnit(req, store, 'administer', body.of);
    return unwrap(
      await proposeClassifications(
        store,
        { of: body.of, period: body.period, asOf: body.asOf, runId: body.runId, rules: body.rules },
        { by: actor.username, now: now() },
      ),
    );
  });

  const decide = async (req: FastifyRequest, accept: boolean) => {
    const { id } = parseInput(ProposalParams, req.params, 'proposal id');
    const proposal = unwrap(await getProposalDto(store, id));
    const { actor } = await authorizeUnit(req, store, 'administer', proposal.unitCode);
    if (accept) {
      const body = parseInput(AcceptRequest, req.body ?? {}, 'decision');
      return unwrap(
        await acceptClassification(store, id, {
          effectiveDate: body.effectiveDate,
          note: body.note,
          by: actor.username,
          now: now(),
        }),
      );
    }
    const body = parseInput(RejectRequest, req.body ?? {}, 'decision');
    return unwrap(await rejectClassification(store, id, { note: body.note, by: actor.username, now: now() }));
  };
  app.post('/api/index/classification/proposals/:id/accept', (req) => decide(req, true));
  app.post('/api/index/classification/proposals/:id/reject', (req) => decide(req, false));
}
