/**
 * The data-collection API (issue 3 §2–§6; shapes in contract/collection). Every route checks access with
 * the guards: `administer` on the data set's scope for definitions, `write` on the unit (and the owning
 * department of each indicator) for entry and submission, `approve` for approve/return/lock, `reopen`
 * for reopening, `read` for forms, history, reporting and exports; an import checks `write` row by row.
 */
import {
  CollectionErrorSchema,
  DataSetInput,
  DataSetUpdate,
  ExportQuery,
  FormActionBody,
  FormParams,
  HistoryQuery,
  ImportQuery,
  ReportingQuery,
  SaveValuesBody,
  TemplateQuery,
  type DataSetInputDto,
} from '@suocha/contract';
import {
  can,
  FORM_TRANSITIONS,
  inScope,
  type Actor,
  type DataSetDefinition,
  type FormAction,
} from '@suocha/core';
import {
  actOnForm,
  buildTemplate,
  changeDataSet,
  CollectionError,
  CONTENT_TYPES,
  defineDataSet,
  exportHistory,
  exportValues,
  importValues,
  loadForm,
  removeDataSet,
  reportingRate,
  requireDataSet,
  saveForm,
  valueHistory,
  type FormView,
} from '@suocha/services';
import { getIndicatorDepartments, getReportingUnit, listDataSets, listReportingUnits } from '@suocha/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../app';
import { HttpError, parseInput } from '../errors';
import { authorizeUnit, requireActor } from '../access/guard';

const STATUS: Readonly<Record<CollectionError['code'], number>> = {
  NOT_FOUND: 404,
  UNIT_NOT_FOUND: 404,
  INDICATOR_NOT_FOUND: 404,
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 422,
  CONFLICT: 409,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
};

const XLSX = CONTENT_TYPES.xlsx;
/** Largest import body; a 600,000-value CSV is about 26 MB. */
export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

/** A service failure as the API's JSON error, with the conflicting values when there are any. */
function sendCollectionError(reply: FastifyReply, e: CollectionError): FastifyReply {
  const body: z.infer<typeof CollectionErrorSchema> = {
    error: {
      code: e.code,
      message: e.message,
      ...(e.details.problems ? { problems: [...e.details.problems] } : {}),
      ...(e.details.conflicts ? { conflicts: e.details.conflicts.map((c) => ({ ...c })) } : {}),
      ...(e.details.form ? { form: { state: e.details.form.state, version: e.details.form.version } } : {}),
    },
  };
  return reply.status(STATUS[e.code]).send(body);
}

const toDefinition = (d: DataSetInputDto): DataSetDefinition => ({ ...d });

/** The department common to a data set's fields, or null when they differ or have none. */
function commonDepartment(
  fields: readonly string[],
  departments: ReadonlyMap<string, string>,
): string | null {
  const ds = new Set(fields.map((f) => departments.get(f) ?? null));
  return ds.size === 1 ? ([...ds][0] ?? null) : null;
}

function attachment(reply: FastifyReply, fileName: string, contentType: string): FastifyReply {
  // RFC 6266/5987: an ASCII fallback and the UTF-8 name.
  const ascii = fileName.replace(/[^\w.-]/g, '_');
  return reply
    .header('content-type', contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
}

export function collectionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { store } = deps;
  const now = () => deps.now?.() ?? new Date().toISOString();

  /** Runs a handler; service failures become JSON errors with their stable code. */
  const handled =
    <T>(fn: (req: FastifyRequest, reply: FastifyReply) => Promise<T>) =>
    async (req: FastifyRequest, reply: FastifyReply): Promise<T | FastifyReply> => {
      try {
        return await fn(req, reply);
      } catch (e) {
        if (e instanceof CollectionError) return sendCollectionError(reply, e);
        throw e;
      }
    };

  /** The form with what this actor may do: workflow actions and editable fields. */
  async function withPermissions(view: FormView, actor: Actor, unitPath: string) {
    const departments = await getIndicatorDepartments(store);
    const dept = commonDepartment(
      view.fields.map((f) => f.indicatorCode),
      departments,
    );
    const allowed = view.actions.filter(
      (a: FormAction) =>
        can(actor, FORM_TRANSITIONS[a].permission, {
          unitPath,
          indicatorDepartment: a === 'save' || a === 'submit' ? dept : null,
        }) ||
        (a === 'save' &&
          view.fields.some((f) => can(actor, 'write', { unitPath, indicatorDepartment: f.departmentCode }))),
    );
    const draft = view.state === 'draft';
    return {
      ...view,
      allowed,
      fields: view.fields.map((f) => ({
        ...f,
        editable: draft && can(actor, 'write', { unitPath, indicatorDepartment: f.departmentCode }),
      })),
    };
  }

  app.register(async (scope) => {
    // Imports arrive as the raw file; only here, so other modules keep Fastify's defaults.
    for (const type of ['text/csv', XLSX, 'application/octet-stream', 'application/vnd.ms-excel']) {
      // Replaces, in this scope only, a parser another module may have set for the same type.
      if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
      scope.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
        (_req, body, done) => done(null, body),
      );
    }

    // Data sets ---------------------------------------------------------------------------------
    scope.get('/api/collection/datasets', async (req) => {
      requireActor(req);
      return { items: await listDataSets(store) };
    });
    scope.get(
      '/api/collection/datasets/:code',
      handled(async (req) => {
        requireActor(req);
        return requireDataSet(
          store,
          parseInput(
            FormParams.pick({ dataset: true }),
            { dataset: (req.params as { code: string }).code },
            'path',
          ).dataset,
        );
      }),
    );
    scope.post(
      '/api/collection/datasets',
      handled(async (req, reply) => {
        const body = parseInput(DataSetInput, req.body, 'data set');
        const { actor } = await authorizeUnit(req, store, 'administer', body.scopeUnit);
        const created = await defineDataSet(store, toDefinition(body), { by: actor.username, at: now() });
        return reply.status(201).send(created);
      }),
    );
    scope.put(
      '/api/collection/datasets/:code',
      handled(async (req) => {
        const body = parseInput(DataSetUpdate, req.body, 'data set');
        const code = (req.params as { code: string }).code;
        if (body.code !== code)
          throw new HttpError(
            400,
            'BAD_REQUEST',
            `路径与数据中的代码不一致 (code in path ${code}, in body ${body.code})`,
          );
        const old = await requireDataSet(store, code);
        await authorizeUnit(req, store, 'administer', old.scopeUnit);
        const { actor } = await authorizeUnit(req, store, 'administer', body.scopeUnit);
        const { version, ...def } = body;
        return changeDataSet(store, toDefinition(def), version, { by: actor.username, at: now() });
      }),
    );
    scope.delete(
      '/api/collection/datasets/:code',
      handled(async (req, reply) => {
        const ds = await requireDataSet(store, (req.params as { code: string }).code);
        await authorizeUnit(req, store, 'administer', ds.scopeUnit);
        await removeDataSet(store, ds.code);
        return reply.status(204).send();
      }),
    );

    // Forms -------------------------------------------------------------------------------------
    const formPath = '/api/collection/forms/:dataset/:unit/:period';
    scope.get(
      formPath,
      handled(async (req) => {
        const p = parseInput(FormParams, req.params, 'path');
        const { actor, unitPath } = await authorizeUnit(req, store, 'read', p.unit);
        return withPermissions(await loadForm(store, p.dataset, p.unit, p.period), actor, unitPath);
      }),
    );
    scope.put(
      `${formPath}/values`,
      handled(async (req) => {
        const p = parseInput(FormParams, req.params, 'path');
        const body = parseInput(SaveValuesBody, req.body, 'values');
        const departments = await getIndicatorDepartments(store);
        // Write permission on the unit for each owning department among the values sent.
        const depts = new Set(body.values.map((v) => departments.get(v.indicatorCode) ?? null));
        let who: { actor: Actor; unitPath: string } | undefined;
        for (const d of depts) who = await authorizeUnit(req, store, 'write', p.unit, d);
        if (!who) throw new HttpError(400, 'BAD_REQUEST', 'no values');
        const r = await saveForm(store, {
          datasetCode: p.dataset,
          unitCode: p.unit,
          period: p.period,
          values: body.values.map((v) => ({
            indicatorCode: v.indicatorCode,
            value: v.value,
            version: v.version,
            ...(v.comment === undefined ? {} : { comment: v.comment }),
          })),
          ...(body.formVersion === undefined ? {} : { formVersion: body.formVersion }),
          ...(body.reason === undefined ? {} : { reason: body.reason }),
          by: who.actor.username,
          at: now(),
          source: who.actor.via === 'token' ? `api ${p.dataset}` : `填报 ${p.dataset}`,
        });
        return { ...r, form: await withPermissions(r.form, who.actor, who.unitPath) };
      }),
    );
    for (const action of ['submit', 'approve', 'return', 'lock', 'reopen'] as const) {
      scope.post(
        `${formPath}/${action}`,
        handled(async (req) => {
          const p = parseInput(FormParams, req.params, 'path');
          const body = parseInput(FormActionBody, req.body ?? {}, 'body');
          const ds = await requireDataSet(store, p.dataset);
          const dept =
            action === 'submit'
              ? commonDepartment(
                  ds.fields.map((f) => f.indicatorCode),
                  await getIndicatorDepartments(store),
                )
              : null;
          const { actor, unitPath } = await authorizeUnit(
            req,
            store,
            FORM_TRANSITIONS[action].permission,
            p.unit,
            dept,
          );
          const r = await actOnForm(store, {
            datasetCode: p.dataset,
            unitCode: p.unit,
            period: p.period,
            action,
            ...(body.reason === undefined ? {} : { reason: body.reason }),
            ...(body.formVersion === undefined ? {} : { formVersion: body.formVersion }),
            by: actor.username,
            at: now(),
          });
          return { ...r, form: await withPermissions(r.form, actor, unitPath) };
        }),
      );
    }

    // History -----------------------------------------------------------------------------------
    scope.get(
      '/api/collection/history',
      handled(async (req, reply) => {
        const q = parseInput(HistoryQuery, req.query, 'query');
        await authorizeUnit(req, store, 'read', q.unit);
        const key = {
          unitCode: q.unit,
          period: q.period,
          ...(q.indicator === undefined ? {} : { indicatorCode: q.indicator }),
          ...(q.dataset === undefined ? {} : { datasetCode: q.dataset }),
        };
        if (q.format === 'json') return { items: await valueHistory(store, key) };
        const f = await exportHistory(store, { ...key, format: q.format });
        return attachment(reply, f.fileName, f.contentType).send(f.bytes);
      }),
    );

    // Reporting rate ----------------------------------------------------------------------------
    scope.get(
      '/api/collection/reporting/:dataset/:period',
      handled(async (req) => {
        const p = parseInput(FormParams.pick({ dataset: true, period: true }), req.params, 'path');
        const q = parseInput(ReportingQuery, req.query, 'query');
        const actor = requireActor(req);
        const ds = await requireDataSet(store, p.dataset);
        const scopeUnit = await getReportingUnit(store, ds.scopeUnit);
        // Default root: the actor's own scope when it lies inside the data set's, else the data set's.
        const root =
          q.unit ?? (scopeUnit && inScope(scopeUnit.path, actor.scopePath) ? actor.scopeUnit : ds.scopeUnit);
        await authorizeUnit(req, store, 'read', root);
        return reportingRate(store, { datasetCode: p.dataset, period: p.period, rootUnit: root, now: now() });
      }),
    );

    // Import, template, export ------------------------------------------------------------------
    scope.post(
      '/api/collection/import',
      { bodyLimit: IMPORT_BODY_LIMIT },
      handled(async (req, reply) => {
        const q = parseInput(ImportQuery, req.query, 'query');
        const actor = requireActor(req);
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw new HttpError(
            400,
            'BAD_REQUEST',
            `请以文件内容作为请求体上传 (send the file as the body, Content-Type text/csv or ${XLSX})`,
          );
        const type = String(req.headers['content-type'] ?? '');
        const format =
          q.format ?? (type.startsWith(XLSX) ? 'xlsx' : type.startsWith('text/csv') ? 'csv' : undefined);
        const report = await importValues(store, {
          file: { name: q.name ?? `upload.${format ?? 'csv'}`, bytes: req.body },
          ...(format === undefined ? {} : { format }),
          ...(q.dataset === undefined ? {} : { datasetCode: q.dataset }),
          dryRun: q.dryRun,
          by: actor.username,
          at: now(),
          authorize: (unitPath, indicatorDepartment) =>
            can(actor, 'write', { unitPath, indicatorDepartment }),
        });
        if (report.dryRun || report.ok) return report;
        const conflict = report.problems.some((p) => p.code === 'CONFLICT');
        return reply.status(conflict ? 409 : 422).send({
          error: {
            code: conflict ? 'CONFLICT' : 'VALIDATION_FAILED',
            message: `导入未通过, 未写入任何数据 (${report.problemCount} problem(s); nothing was written)`,
            problems: report.problems,
          },
          report,
        });
      }),
    );
    scope.get(
      '/api/collection/template',
      handled(async (req, reply) => {
        const q = parseInput(TemplateQuery, req.query, 'query');
        const ds = await requireDataSet(store, q.dataset);
        let units: string[];
        if (q.unit !== undefined) units = q.unit.split(',');
        else {
          const under = await getReportingUnit(store, q.under ?? '');
          if (!under) throw new HttpError(404, 'UNIT_NOT_FOUND', `区划 ${q.under ?? ''} 不存在`);
          units = (await listReportingUnits(store, under.path, ds.level))
            .filter((u) => u.validTo === null)
            .map((u) => u.code);
        }
        for (const u of new Set(units)) await authorizeUnit(req, store, 'read', u);
        const t = await buildTemplate(store, {
          datasetCode: q.dataset,
          period: q.period,
          unitCodes: [...new Set(units)],
        });
        return attachment(reply, t.fileName, XLSX).send(t.bytes);
      }),
    );
    scope.get(
      '/api/collection/export',
      handled(async (req, reply) => {
        const q = parseInput(ExportQuery, req.query, 'query');
        const actor = requireActor(req);
        const ds = await requireDataSet(store, q.dataset);
        const scopeUnit = await getReportingUnit(store, ds.scopeUnit);
        const root =
          q.unit ?? (scopeUnit && inScope(scopeUnit.path, actor.scopePath) ? actor.scopeUnit : ds.scopeUnit);
        await authorizeUnit(req, store, 'read', root);
        const f = await exportValues(store, {
          datasetCode: q.dataset,
          period: q.period,
          rootUnit: root,
          format: q.format,
        });
        return attachment(reply, f.fileName, f.contentType).send(f.bytes);
      }),
    );
  });
}
