/**
 * Project dispatch (issue 7 §5): HTTP routes under /api/projects. Scope: a user sees and reports only
 * projects whose owner unit is in their subtree (department users: the projects their department leads);
 * a project outside one's scope answers 404, so its existence is not revealed.
 */
import {
  AnnualPlanInput,
  DispatchBoardQuery,
  MonthlyReportInput,
  ProjectDemoInput,
  ProjectFilterQuery,
  ProjectImportQuery,
  ProjectInput,
  ProjectListQuery,
  ProjectStatusQuery,
  ProjectTemplateQuery,
  ProjectUpdate,
  StageChangeInput,
} from '@suocha/contract';
import {
  changeProjectStage,
  defaultMonth,
  dispatchBoard,
  enterMonthlyReport,
  importProjectReports,
  listProjects,
  loadDemoProjects,
  ProjectError,
  projectPage,
  projectStatus,
  projectTemplate,
  registerProject,
  setAnnualPlan,
  updateProjectFields,
} from '@suocha/services';
import { listProjectCategories } from '@suocha/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { requireActor, requireAdministrator } from '../access/guard';
import { HttpError, parseInput } from '../errors';
import { acceptsGzip, MemoBodies } from './memo-body';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

const STATUS: Readonly<Record<ProjectError['code'], number>> = {
  NOT_FOUND: 404,
  UNIT_NOT_FOUND: 404,
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 422,
  CONFLICT: 409,
  FORBIDDEN: 403,
};

const CodeParam = z.object({ code: z.string().min(1).max(64) });
const YearParam = CodeParam.extend({ year: z.coerce.number().int().min(2000).max(2100) });
const MonthQuery = z.object({ month: ProjectFilterQuery.shape.month });

export function projectsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;
  const boardBodies = new MemoBodies();
  const now = () => deps.now?.() ?? new Date().toISOString();

  const handled =
    <T>(fn: (req: FastifyRequest, reply: FastifyReply) => Promise<T>) =>
    async (req: FastifyRequest, reply: FastifyReply): Promise<T | FastifyReply> => {
      try {
        return await fn(req, reply);
      } catch (e) {
        if (e instanceof ProjectError)
          return reply.status(STATUS[e.code]).send({ error: { code: e.code, message: e.message } });
        throw e;
      }
    };

  app.register(async (scope) => {
    for (const type of ['text/csv', XLSX, 'application/octet-stream', 'application/vnd.ms-excel']) {
      if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
      scope.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
        (_req, body, done) => done(null, body),
      );
    }

    scope.get('/api/projects/categories', async (req) => {
      requireActor(req);
      return { items: await listProjectCategories(store) };
    });

    scope.get(
      '/api/projects',
      handled(async (req) => {
        const actor = requireActor(req);
        const q = parseInput(ProjectListQuery, req.query, 'query');
        return listProjects(store, actor, { ...q, month: q.month ?? defaultMonth(now()) });
      }),
    );

    scope.get(
      '/api/projects/board',
      handled(async (req, reply) => {
        const actor = requireActor(req);
        const q = parseInput(DispatchBoardQuery, req.query, 'query');
        const board = await dispatchBoard(store, actor, { ...q, month: q.month ?? defaultMonth(now()) });
        const gzip = acceptsGzip(req.headers['accept-encoding']);
        reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
        if (gzip) reply.header('content-encoding', 'gzip');
        return reply.send(boardBodies.body(board, gzip));
      }),
    );

    scope.get(
      '/api/projects/status',
      handled(async (req) => {
        const actor = requireActor(req);
        const q = parseInput(ProjectStatusQuery, req.query, 'query');
        return projectStatus(store, actor, {
          ...q,
          month: q.month ?? defaultMonth(now()),
          includeProjects: q.projects,
        });
      }),
    );

    scope.get(
      '/api/projects/template',
      handled(async (req, reply) => {
        const actor = requireActor(req);
        const q = parseInput(ProjectTemplateQuery, req.query, 'query');
        const buf = await projectTemplate(store, actor, q.unit, q.month);
        const name = `projects-${q.unit}-${q.month}.xlsx`;
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(buf);
      }),
    );

    scope.post(
      '/api/projects/import',
      { bodyLimit: IMPORT_BODY_LIMIT },
      handled(async (req, reply) => {
        const actor = requireActor(req);
        const q = parseInput(ProjectImportQuery, req.query, 'query');
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw new HttpError(
            400,
            'BAD_REQUEST',
            `请以文件内容作为请求体上传 (send the file as the body, Content-Type text/csv or ${XLSX})`,
          );
        const type = String(req.headers['content-type'] ?? '');
        const format =
          q.format ?? (type.startsWith(XLSX) ? 'xlsx' : type.startsWith('text/csv') ? 'csv' : undefined);
        const report = await importProjectReports(store, actor, req.body, {
          month: q.month,
          dryRun: q.dryRun,
          format,
          name: q.name,
          now: now(),
        });
        if (report.dryRun || report.ok) return report;
        return reply.status(422).send({
          error: {
            code: 'VALIDATION_FAILED',
            message: `导入未通过, 未写入任何数据 (${report.problemCount} problem(s); nothing was written)`,
            problems: report.problems,
          },
          report,
        });
      }),
    );

    scope.post(
      '/api/projects/demo',
      handled(async (req) => {
        const actor = requireAdministrator(req);
        const b = parseInput(ProjectDemoInput, req.body ?? {}, 'body');
        return loadDemoProjects(store, {
          seed: b.seed,
          count: b.count,
          month: b.month ?? defaultMonth(now()),
          by: actor.username,
          now: now(),
        });
      }),
    );

    scope.post(
      '/api/projects',
      handled(async (req, reply) => {
        const actor = requireActor(req);
        const b = parseInput(ProjectInput, req.body, 'body');
        return reply.status(201).send(await registerProject(store, actor, b, now()));
      }),
    );

    scope.get(
      '/api/projects/:code',
      handled(async (req) => {
        const actor = requireActor(req);
        const { code } = parseInput(CodeParam, req.params, 'path');
        const q = parseInput(MonthQuery, req.query, 'query');
        return projectPage(store, actor, code, q.month ?? defaultMonth(now()));
      }),
    );

    scope.put(
      '/api/projects/:code',
      handled(async (req) => {
        const actor = requireActor(req);
        const { code } = parseInput(CodeParam, req.params, 'path');
        return updateProjectFields(store, actor, code, parseInput(ProjectUpdate, req.body, 'body'), now());
      }),
    );

    scope.post(
      '/api/projects/:code/stage',
      handled(async (req) => {
        const actor = requireActor(req);
        const { code } = parseInput(CodeParam, req.params, 'path');
        return changeProjectStage(store, actor, code, parseInput(StageChangeInput, req.body, 'body'), now());
      }),
    );

    scope.put(
      '/api/projects/:code/plans/:year',
      handled(async (req) => {
        const actor = requireActor(req);
        const { code, year } = parseInput(YearParam, req.params, 'path');
        return setAnnualPlan(store, actor, code, year, parseInput(AnnualPlanInput, req.body, 'body'), now());
      }),
    );

    scope.post(
      '/api/projects/:code/reports',
      handled(async (req, reply) => {
        const actor = requireActor(req);
        const { code } = parseInput(CodeParam, req.params, 'path');
        const b = parseInput(MonthlyReportInput, req.body, 'body');
        return reply.status(201).send(await enterMonthlyReport(store, actor, code, b, now()));
      }),
    );
  });
}
