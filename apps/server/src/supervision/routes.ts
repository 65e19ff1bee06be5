/**
 * 督办单 supervision orders (issue 8 §2, §5) and my inbox. Domain refusals keep their code in
 * `problems[0].code`: NOT_ADDRESSEE / NOT_ISSUER_LEVEL (403), ILLEGAL_TRANSITION / STALE (409),
 * MISSING_TEXT, NO_ADDRESSEE, NO_DEADLINE, INVALID_TIME (400).
 */
import {
  ConfirmProposalInput,
  EscalationInput,
  InboxQuery,
  IssueOrderInput,
  OrderQuery,
  ProposalQuery,
  TransitionInput,
  type EscalationResponseDto,
  type InboxResponseDto,
  type OrderDetailDto,
  type OrderListResponseDto,
  type ProposalListResponseDto,
} from '@suocha/contract';
import {
  confirmProposal,
  getSupervisionOrder,
  inbox,
  issueSupervisionOrder,
  listProposals,
  listSupervisionOrders,
  OrderError,
  redProjectSource,
  runEscalations,
  transitionSupervisionOrder,
  type EvidenceKind,
  type RedProjectSource,
} from '@suocha/services';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { requireActor, requireAdministrator } from '../access/guard';
import { HttpError, parseInput } from '../errors';

const IdParams = z.object({
  id: z.string().regex(/^\d{1,12}$/, '督办单编号应为数字 (order id must be digits)'),
});

/** Maps a supervision use-case error to the HTTP answer (the domain code kept in problems[0].code). */
export function orderHttpError(e: unknown): unknown {
  if (!(e instanceof OrderError)) return e;
  const problems = [{ code: e.code, message: e.message }];
  switch (e.code) {
    case 'ORDER_NOT_FOUND':
    case 'PROPOSAL_NOT_FOUND':
    case 'DEPARTMENT_NOT_FOUND':
      return new HttpError(404, 'NOT_FOUND', e.message, problems);
    case 'UNIT_NOT_FOUND':
      return new HttpError(404, 'UNIT_NOT_FOUND', e.message, problems);
    case 'NOT_ADDRESSEE':
    case 'NOT_ISSUER_LEVEL':
    case 'FORBIDDEN':
      return new HttpError(403, 'FORBIDDEN', e.message, problems);
    case 'ILLEGAL_TRANSITION':
    case 'STALE':
    case 'PROPOSAL_TAKEN':
      return new HttpError(409, 'CONFLICT', e.message, problems);
    default:
      return new HttpError(400, 'BAD_REQUEST', e.message, problems);
  }
}

async function mapped<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw orderHttpError(e);
  }
}

export interface SupervisionRouteOptions {
  /** Red projects for proposals; default the projects module's dispatch board (`redProjectSource`). */
  readonly projects?: RedProjectSource;
}

export function supervisionRoutes(
  app: FastifyInstance,
  deps: Pick<AppDeps, 'store' | 'now'>,
  options: SupervisionRouteOptions = {},
): void {
  const { store } = deps;
  const now = deps.now ?? (() => new Date().toISOString());
  const today = () => now().slice(0, 10);
  const source = options.projects ?? redProjectSource;

  app.get('/api/inbox', async (req): Promise<InboxResponseDto> => {
    const actor = requireActor(req);
    const q = parseInput(InboxQuery, req.query, 'query');
    return mapped(() => inbox(store, actor, q.asOf ?? today(), q.windowDays));
  });

  app.get('/api/supervision/orders', async (req): Promise<OrderListResponseDto> => {
    const actor = requireActor(req);
    const q = parseInput(OrderQuery, req.query, 'query');
    const asOf = q.asOf ?? today();
    const items = await mapped(() =>
      listSupervisionOrders(store, actor, {
        ...(q.state === undefined ? {} : { state: q.state }),
        ...(q.open === undefined ? {} : { open: q.open }),
        ...(q.overdue === undefined ? {} : { overdue: q.overdue }),
        ...(q.escalated === undefined ? {} : { escalated: q.escalated }),
        ...(q.role === undefined ? {} : { role: q.role }),
        ...(q.unit === undefined ? {} : { unit: q.unit }),
        asOf,
      }),
    );
    return { asOf, items };
  });

  app.post('/api/supervision/orders', async (req, reply) => {
    const actor = requireActor(req);
    const body = parseInput(IssueOrderInput, req.body, 'order');
    if (
      body.issuer !== undefined &&
      (body.issuer.unit !== actor.scopeUnit || body.issuer.department !== undefined)
    )
      throw new HttpError(403, 'FORBIDDEN', '只能以本级名义交办 (you may issue only for your own level)', [
        { code: 'NOT_ISSUER_LEVEL', message: 'issuer must be your own unit' },
      ]);
    const order: OrderDetailDto = await mapped(() => issueSupervisionOrder(store, actor, body, now()));
    return reply.status(201).send(order);
  });

  app.get('/api/supervision/orders/:id', async (req): Promise<OrderDetailDto> => {
    const actor = requireActor(req);
    const { id } = parseInput(IdParams, req.params, 'order id');
    const q = parseInput(z.object({ asOf: OrderQuery.shape.asOf }), req.query, 'query');
    return mapped(() => getSupervisionOrder(store, actor, id, q.asOf ?? today()));
  });

  app.post('/api/supervision/orders/:id/transitions', async (req): Promise<OrderDetailDto> => {
    const actor = requireActor(req);
    const { id } = parseInput(IdParams, req.params, 'order id');
    const body = parseInput(TransitionInput, req.body, 'transition');
    return mapped(() =>
      transitionSupervisionOrder(
        store,
        actor,
        id,
        body.text === undefined ? { type: body.action } : { type: body.action, text: body.text },
        now(),
      ),
    );
  });

  app.get('/api/supervision/proposals', async (req): Promise<ProposalListResponseDto> => {
    const actor = requireActor(req);
    const q = parseInput(ProposalQuery, req.query, 'query');
    const asOf = q.asOf ?? today();
    const kinds = q.kinds === undefined ? undefined : new Set(q.kinds.split(',') as EvidenceKind[]);
    const items = await mapped(() =>
      listProposals(store, actor, { asOf, ...(kinds === undefined ? {} : { kinds }), projects: source }),
    );
    return { asOf, items, projectsWired: true };
  });

  app.post('/api/supervision/proposals/confirm', async (req, reply) => {
    const actor = requireActor(req);
    const body = parseInput(ConfirmProposalInput, req.body, 'proposal');
    const order: OrderDetailDto = await mapped(() =>
      confirmProposal(store, actor, { ...body, asOf: body.asOf ?? today() }, now(), source),
    );
    return reply.status(201).send(order);
  });

  app.post('/api/supervision/escalations', async (req): Promise<EscalationResponseDto> => {
    requireAdministrator(req);
    const body = parseInput(EscalationInput, req.body ?? {}, 'escalation');
    const asOf = body.asOf ?? today();
    return { asOf, escalated: await mapped(() => runEscalations(store, { asOf, now: now() })) };
  });
}
