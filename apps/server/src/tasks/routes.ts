/**
 * 重点工作 key tasks (issue 8 §1, §5): list with filters (overdue / due soon as of a date), detail,
 * configuration and creation (provincial administrator), dated progress updates, loading the default list.
 * Scopes: tasks are read by whoever they concern (services/tasks/task-access.ts); unreadable = 404.
 */
import {
  LoadDefaultTasksResponse,
  NewTaskInput,
  TaskConfigInput,
  TaskDetailQuery,
  TaskQuery,
  TaskUpdateInput,
  type LoadDefaultTasksResponseDto,
  type TaskDetailDto,
  type TaskListResponseDto,
} from '@suocha/contract';
import {
  addProgressUpdate,
  configureTask,
  createTask,
  getTaskDetail,
  listTasks,
  loadDefaultTasks,
  TaskError,
} from '@suocha/services';
import type { Actor } from '@suocha/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { requireActor, requireAdministrator } from '../access/guard';
import { HttpError, parseInput } from '../errors';

const CodeParams = z.object({ code: z.string().min(1).max(60) });

/** Maps a task use-case error to the HTTP answer. */
export function taskHttpError(e: unknown): unknown {
  if (!(e instanceof TaskError)) return e;
  const problems = e.problems.length > 0 ? e.problems : [{ code: e.code, message: e.message }];
  switch (e.code) {
    case 'TASK_NOT_FOUND':
    case 'MILESTONE_NOT_FOUND':
    case 'DEPARTMENT_NOT_FOUND':
      return new HttpError(404, 'NOT_FOUND', e.message, problems);
    case 'UNIT_NOT_FOUND':
      return new HttpError(404, 'UNIT_NOT_FOUND', e.message, problems);
    case 'TASK_EXISTS':
      return new HttpError(409, 'CONFLICT', e.message, problems);
    case 'FORBIDDEN':
      return new HttpError(403, 'FORBIDDEN', e.message, problems);
    case 'INVALID_TASK':
      return new HttpError(400, 'VALIDATION_FAILED', e.message, problems);
    default:
      return new HttpError(400, 'BAD_REQUEST', e.message, problems);
  }
}

async function mapped<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw taskHttpError(e);
  }
}

export function tasksRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'store' | 'dataDir' | 'now'>): void {
  const { store } = deps;
  const now = deps.now ?? (() => new Date().toISOString());
  const today = () => now().slice(0, 10);
  const detail = (actor: Actor, code: string, asOf?: string, windowDays?: number): Promise<TaskDetailDto> =>
    mapped(() => getTaskDetail(store, actor, code, asOf ?? today(), windowDays));

  app.get('/api/tasks', async (req): Promise<TaskListResponseDto> => {
    const actor = requireActor(req);
    const q = parseInput(TaskQuery, req.query, 'query');
    const due = q.due ?? (q.overdue === true ? 'overdue' : undefined);
    return mapped(() =>
      listTasks(store, actor, {
        ...(q.list === undefined ? {} : { list: q.list }),
        ...(q.plan === undefined ? {} : { plan: q.plan }),
        ...(q.section === undefined ? {} : { section: q.section }),
        ...(q.department === undefined ? {} : { department: q.department }),
        ...(q.unit === undefined ? {} : { unit: q.unit }),
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(due === undefined ? {} : { due }),
        ...(q.q === undefined ? {} : { q: q.q }),
        ...(q.windowDays === undefined ? {} : { windowDays: q.windowDays }),
        asOf: q.asOf ?? today(),
      }),
    );
  });

  app.post('/api/tasks/load-default', async (req): Promise<LoadDefaultTasksResponseDto> => {
    requireAdministrator(req);
    return LoadDefaultTasksResponse.parse(
      await mapped(() => loadDefaultTasks(store, { dataDir: deps.dataDir, now: now() })),
    );
  });

  app.get('/api/tasks/:code', async (req): Promise<TaskDetailDto> => {
    const actor = requireActor(req);
    const { code } = parseInput(CodeParams, req.params, 'task code');
    const q = parseInput(TaskDetailQuery, req.query, 'query');
    return detail(actor, code, q.asOf, q.windowDays);
  });

  app.post('/api/tasks', async (req, reply) => {
    const actor = requireAdministrator(req);
    const body = parseInput(NewTaskInput, req.body, 'task');
    await mapped(() => createTask(store, body, now()));
    return reply.status(201).send(await detail(actor, body.code));
  });

  app.put('/api/tasks/:code', async (req): Promise<TaskDetailDto> => {
    const actor = requireAdministrator(req);
    const { code } = parseInput(CodeParams, req.params, 'task code');
    const body = parseInput(TaskConfigInput, req.body, 'task');
    await mapped(() => configureTask(store, code, body, now()));
    return detail(actor, code);
  });

  app.post('/api/tasks/:code/updates', async (req, reply) => {
    const actor = requireActor(req);
    const { code } = parseInput(CodeParams, req.params, 'task code');
    const body = parseInput(TaskUpdateInput, req.body, 'progress update');
    await mapped(() =>
      addProgressUpdate(
        store,
        actor,
        code,
        {
          date: body.date,
          text: body.text,
          attachments: body.attachments,
          ...(body.milestoneId === undefined ? {} : { milestoneId: body.milestoneId }),
          ...(body.milestoneDone === undefined ? {} : { milestoneDone: body.milestoneDone }),
          ...(body.status === undefined ? {} : { status: body.status }),
        },
        now(),
      ),
    );
    return reply.status(201).send(await detail(actor, code));
  });
}
