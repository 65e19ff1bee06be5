/**
 * Tasks and 督办单 over HTTP (issue 8 §1–§3, §5) on a small hierarchy, on a Fastify instance of their own:
 * a test-only hook sets the actor named by the `x-test-actor` header. Covers the closed loop, who may
 * respond and who may close, bad input refused with nothing written, escalation, proposals and the inbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, type Role } from '@suocha/core';
import {
  InboxResponse,
  OrderDetailSchema,
  OrderListResponse,
  ProposalListResponse,
  TaskDetailSchema,
  TaskListResponse,
} from '@suocha/contract';
import { insertDepartment, insertUnits, openStore, type Store, type UnitRow } from '@suocha/store';
import { installErrorHandling } from '../errors';
import { tasksRoutes } from '../tasks/routes';
import { supervisionRoutes } from './routes';
import { testUnit as unit } from '@suocha/store/testing';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
let clock = '2025-06-01T09:00:00.000Z';

const zj = unit('330000', '浙江省', 'province', null);
const qz = unit('330800', '衢州市', 'city', zj);
const ka = unit('330824', '开化县', 'county', qz);
const js = unit('330881', '江山市', 'county', qz);
const hz = unit('330100', '杭州市', 'city', zj);

const mk = (id: number, role: Role, u: UnitRow, department: string | null = null): Actor => ({
  userId: id,
  username: `${role}-${u.code}${department ?? ''}`,
  role,
  scopeUnit: u.code,
  scopePath: u.path,
  department,
  via: 'session',
});
const ACTORS: Record<string, Actor> = {
  admin: mk(1, 'province_admin', zj),
  analyst: mk(2, 'province_analyst', zj),
  kaihua: mk(3, 'county', ka),
  jiangshan: mk(4, 'county', js),
  quzhou: mk(5, 'city', qz),
  fgw: mk(6, 'department', zj, 'fgw'),
  czt: mk(7, 'department', zj, 'czt'),
};

let dir: string;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-supervision-api-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'api.db') });
  await insertUnits(store, [zj, qz, ka, js, hz]);
  await insertDepartment(store, { code: 'fgw', nameZh: '省发展改革委', nameEn: 'DRC' }, clock);
  await insertDepartment(store, { code: 'czt', nameZh: '省财政厅', nameEn: 'Finance' }, clock);
  app = Fastify();
  installErrorHandling(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const who = req.headers['x-test-actor'];
    req.actor = typeof who === 'string' ? (ACTORS[who] ?? null) : null;
  });
  tasksRoutes(app, { store, dataDir: DATA, now: () => clock });
  supervisionRoutes(app, { store, now: () => clock });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async (method: 'GET' | 'POST' | 'PUT', url: string, actor: string | null, payload?: unknown) => {
  const r = await app.inject({
    method,
    url,
    headers: actor ? { 'x-test-actor': actor } : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return {
    status: r.statusCode,
    body: r.json() as Record<string, unknown> & { error?: { code: string; problems?: { code: string }[] } },
  };
};
const problem = (b: { error?: { problems?: { code: string }[] } }) => b.error?.problems?.[0]?.code;
const countOrders = async () =>
  (await store.db.selectFrom('supervision_orders').select('id').execute()).length;
const countEvents = async () =>
  (await store.db.selectFrom('supervision_order_events').select('id').execute()).length;

describe('tasks API', () => {
  it('loads the default list idempotently (admin only): 249 tasks with plan and section', async () => {
    expect((await call('POST', '/api/tasks/load-default', 'kaihua')).status).toBe(403);
    const first = await call('POST', '/api/tasks/load-default', 'admin');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ inserted: 249, existing: 0 });
    expect((await call('POST', '/api/tasks/load-default', 'admin')).body).toMatchObject({
      inserted: 0,
      existing: 249,
    });
    const list = TaskListResponse.parse((await call('GET', '/api/tasks?list=key_projects', 'analyst')).body);
    expect(list.items).toHaveLength(30);
    expect(list.items[0]).toMatchObject({ plan: 'zj-2025-sancha', leadDepartment: null });
  });

  it('configures a task, flags it overdue as of a date, and takes a dated progress update', async () => {
    const put = await call('PUT', '/api/tasks/S000-01-01', 'admin', {
      leadDepartment: 'fgw',
      coDepartments: ['czt'],
      dueDate: '2025-05-31',
      milestones: [{ id: 'm1', title: '出台方案', dueDate: '2025-03-31' }],
    });
    expect(put.status).toBe(200);
    const overdue = TaskListResponse.parse(
      (await call('GET', '/api/tasks?overdue=true&asOf=2025-06-01', 'analyst')).body,
    );
    expect(overdue.items.map((t) => [t.code, t.deadline.daysLeft])).toEqual([['S000-01-01', -1]]);
    const soon = TaskListResponse.parse(
      (await call('GET', '/api/tasks?due=due_soon&asOf=2025-05-25&windowDays=7', 'analyst')).body,
    );
    expect(soon.items.map((t) => t.code)).toEqual(['S000-01-01']);
    // a co-department may report; another county may not; empty text is refused
    expect(
      (await call('POST', '/api/tasks/S000-01-01/updates', 'kaihua', { date: '2025-06-01', text: 'x' }))
        .status,
    ).toBe(403);
    expect(
      (await call('POST', '/api/tasks/S000-01-01/updates', 'czt', { date: '2025-06-01', text: '  ' })).status,
    ).toBe(400);
    const up = await call('POST', '/api/tasks/S000-01-01/updates', 'czt', {
      date: '2025-06-01',
      text: '方案已印发',
      attachments: ['方案.pdf'],
      milestoneId: 'm1',
      milestoneDone: true,
    });
    expect(up.status).toBe(201);
    const d = TaskDetailSchema.parse(
      (await call('GET', '/api/tasks/S000-01-01?asOf=2025-06-01', 'czt')).body,
    );
    expect(d.updates.map((u) => [u.date, u.text, u.attachments, u.authorName])).toEqual([
      ['2025-06-01', '方案已印发', ['方案.pdf'], 'department-330000czt'],
    ]);
    expect(d.milestones[0]).toMatchObject({
      completedOn: '2025-06-01',
      deadline: { state: 'done', completedLate: true },
    });
    expect(d.canUpdate).toBe(true);
  });

  it('refuses a configuration naming an unknown department, writing nothing', async () => {
    const r = await call('PUT', '/api/tasks/S000-01-02', 'admin', {
      dueDate: '2025-12-31',
      leadDepartment: 'nope',
    });
    expect(r.status).toBe(404);
    const d = TaskDetailSchema.parse((await call('GET', '/api/tasks/S000-01-02', 'admin')).body);
    expect(d.dueDate).toBeNull();
  });
});

describe('supervision orders API', () => {
  let id = '';

  it('refuses an order without addressee or deadline, or with empty text, writing nothing', async () => {
    const before = [await countOrders(), await countEvents()];
    const base = {
      title: '督办',
      requirement: '请整改',
      addressee: { unit: '330824' },
      dueDate: '2025-07-31',
    };
    const noAddressee = await call('POST', '/api/supervision/orders', 'admin', {
      ...base,
      addressee: undefined,
    });
    expect(noAddressee.status).toBe(400);
    expect(JSON.stringify(noAddressee.body)).toContain('addressee');
    const noDeadline = await call('POST', '/api/supervision/orders', 'admin', {
      ...base,
      dueDate: undefined,
    });
    expect(noDeadline.status).toBe(400);
    expect(JSON.stringify(noDeadline.body)).toContain('dueDate');
    expect(
      (await call('POST', '/api/supervision/orders', 'admin', { ...base, requirement: ' ' })).status,
    ).toBe(400);
    expect(
      (await call('POST', '/api/supervision/orders', 'admin', { ...base, addressee: { unit: '999999' } }))
        .status,
    ).toBe(404);
    // a county cannot issue to another county outside its scope; an analyst cannot issue
    expect(
      (await call('POST', '/api/supervision/orders', 'kaihua', { ...base, addressee: { unit: '330881' } }))
        .status,
    ).toBe(403);
    expect(problem((await call('POST', '/api/supervision/orders', 'analyst', base)).body)).toBe(
      'NOT_ISSUER_LEVEL',
    );
    expect([await countOrders(), await countEvents()]).toEqual(before);
  });

  it('runs the closed loop with every transition kept', async () => {
    const issued = await call('POST', '/api/supervision/orders', 'admin', {
      title: '关于开化县强村富民项目滞后的督办',
      requirement: '请于7月31日前完成整改',
      addressee: { unit: '330824' },
      dueDate: '2025-07-31',
    });
    expect(issued.status).toBe(201);
    const o = OrderDetailSchema.parse(issued.body);
    id = o.id;
    expect(o).toMatchObject({ state: 'issued', stateDeadline: '2025-06-04', allowedActions: [] });
    const kaihuaView = OrderDetailSchema.parse(
      (await call('GET', `/api/supervision/orders/${id}`, 'kaihua')).body,
    );
    expect(kaihuaView.allowedActions).toEqual(['acknowledge']);
    const steps: [string, string, string | undefined][] = [
      ['kaihua', 'acknowledge', undefined],
      ['kaihua', 'submit_plan', '整改方案: 三项措施'],
      ['admin', 'approve_plan', undefined],
      ['kaihua', 'report_progress', '已完成两项'],
      ['kaihua', 'report_resolved', '全部完成'],
      ['admin', 'send_back', '佐证材料不足'],
      ['kaihua', 'report_resolved', '已补充材料'],
    ];
    for (const [who, action, text] of steps) {
      clock = new Date(Date.parse(clock) + 86_400_000).toISOString();
      const r = await call(
        'POST',
        `/api/supervision/orders/${id}/transitions`,
        who,
        text === undefined ? { action } : { action, text },
      );
      expect(r.status, `${who} ${action}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    const d = OrderDetailSchema.parse((await call('GET', `/api/supervision/orders/${id}`, 'admin')).body);
    expect(d.state).toBe('reported_resolved');
    expect(d.sendBackCount).toBe(1);
    expect(d.timeline.map((e) => e.action)).toEqual(['issue', ...steps.map((s) => s[1])]);
    expect(d.timeline[6]).toMatchObject({
      actorName: 'province_admin-330000',
      text: '佐证材料不足',
      from: 'reported_resolved',
      to: 'in_progress',
    });
    expect(d.allowedActions).toEqual(['send_back', 'close']);
  });

  it('a unit that is not the addressee cannot respond', async () => {
    const n = await countEvents();
    const other = await call('POST', `/api/supervision/orders/${id}/transitions`, 'jiangshan', {
      action: 'report_progress',
      text: 'x',
    });
    expect(other.status).toBe(404); // 江山 cannot even see 开化's order
    const city = await call('POST', `/api/supervision/orders/${id}/transitions`, 'quzhou', {
      action: 'report_resolved',
      text: 'x',
    });
    expect(city.status).toBe(409); // not legal from reported_resolved: checked first
    const dept = await call('POST', `/api/supervision/orders/${id}/transitions`, 'fgw', {
      action: 'close',
      text: 'x',
    });
    expect(dept.status).toBe(403);
    expect(problem(dept.body)).toBe('NOT_ISSUER_LEVEL');
    expect(await countEvents()).toBe(n);
  });

  it('not the issuer level cannot close; the issuer closes with a verification note', async () => {
    for (const who of ['kaihua', 'quzhou', 'analyst']) {
      const r = await call('POST', `/api/supervision/orders/${id}/transitions`, who, {
        action: 'close',
        text: '销号',
      });
      expect(r.status, who).toBe(403);
      expect(problem(r.body)).toBe('NOT_ISSUER_LEVEL');
    }
    const empty = await call('POST', `/api/supervision/orders/${id}/transitions`, 'admin', {
      action: 'close',
      text: '',
    });
    expect(empty.status).toBe(400);
    expect(problem(empty.body)).toBe('MISSING_TEXT');
    const ok = await call('POST', `/api/supervision/orders/${id}/transitions`, 'admin', {
      action: 'close',
      text: '核查属实, 销号',
    });
    expect(ok.status).toBe(200);
    const again = await call('POST', `/api/supervision/orders/${id}/transitions`, 'admin', {
      action: 'close',
      text: 'x',
    });
    expect(again.status).toBe(409);
    expect(problem(again.body)).toBe('ILLEGAL_TRANSITION');
  });

  it('only the addressed department responds to an order addressed to it', async () => {
    const r = await call('POST', '/api/supervision/orders', 'admin', {
      title: '关于重点任务逾期的督办',
      requirement: '请说明原因',
      addressee: { unit: '330000', department: 'fgw' },
      dueDate: '2025-08-31',
    });
    expect(r.status).toBe(201);
    const oid = OrderDetailSchema.parse(r.body).id;
    const wrong = await call('POST', `/api/supervision/orders/${oid}/transitions`, 'czt', {
      action: 'acknowledge',
    });
    expect(problem(wrong.body)).toBe('NOT_ADDRESSEE');
    const adminTry = await call('POST', `/api/supervision/orders/${oid}/transitions`, 'admin', {
      action: 'acknowledge',
    });
    expect(problem(adminTry.body)).toBe('NOT_ADDRESSEE');
    expect(
      (await call('POST', `/api/supervision/orders/${oid}/transitions`, 'fgw', { action: 'acknowledge' }))
        .status,
    ).toBe(200);
  });

  it('escalates an order overdue at its step one level up, once, and flags it', async () => {
    const r = await call('POST', '/api/supervision/orders', 'admin', {
      title: '关于江山市任务滞后的督办',
      requirement: '请签收并整改',
      addressee: { unit: '330881' },
      dueDate: '2025-09-30',
      stepDays: { issued: 2 },
    });
    const oid = OrderDetailSchema.parse(r.body).id;
    const issuedDay = clock.slice(0, 10);
    const d0 = OrderDetailSchema.parse(r.body);
    expect(d0.stateDeadline).toBe(
      new Date(Date.parse(`${issuedDay}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10),
    );
    const asOf = new Date(Date.parse(`${issuedDay}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    expect((await call('POST', '/api/supervision/escalations', 'kaihua', { asOf })).status).toBe(403);
    const esc = await call('POST', '/api/supervision/escalations', 'admin', { asOf });
    expect(esc.body).toMatchObject({ escalated: [{ orderId: oid, toUnit: '330800', daysOverdue: 3 }] });
    expect((await call('POST', '/api/supervision/escalations', 'admin', { asOf })).body).toMatchObject({
      escalated: [],
    });
    const d = OrderDetailSchema.parse(
      (await call('GET', `/api/supervision/orders/${oid}?asOf=${asOf}`, 'quzhou')).body,
    );
    expect(d).toMatchObject({ escalatedTo: '330800', overdue: { daysOverdue: 3, responsible: 'addressee' } });
    expect(d.timeline.at(-1)).toMatchObject({ action: 'escalate', actorId: 'system', escalatedTo: '330800' });
    const inboxCity = InboxResponse.parse((await call('GET', `/api/inbox?asOf=${asOf}`, 'quzhou')).body);
    expect(inboxCity.escalatedToMe.map((o) => o.id)).toEqual([oid]);
    const list = OrderListResponse.parse(
      (await call('GET', `/api/supervision/orders?overdue=true&asOf=${asOf}`, 'admin')).body,
    );
    expect(list.items.map((o) => o.id)).toContain(oid);
    // acknowledging clears the flag for the new step
    clock = `${asOf}T10:00:00.000Z`;
    const ack = OrderDetailSchema.parse(
      (
        await call('POST', `/api/supervision/orders/${oid}/transitions`, 'jiangshan', {
          action: 'acknowledge',
        })
      ).body,
    );
    expect(ack.escalatedTo).toBeNull();
  });

  it('proposes an order for an overdue task, citing it; a person confirms; no second proposal', async () => {
    const p = ProposalListResponse.parse(
      (await call('GET', '/api/supervision/proposals?kinds=task', 'admin')).body,
    );
    const mine = p.items.find((x) => x.key === 'task:S000-01-01');
    expect(mine).toMatchObject({ addressee: { unit: '330000', department: 'fgw' } });
    expect(mine?.evidence[0]).toMatchObject({ kind: 'task', taskCode: 'S000-01-01', dueDate: '2025-05-31' });
    expect((await call('GET', '/api/supervision/proposals', 'fgw')).status).toBe(403);
    const c = await call('POST', '/api/supervision/proposals/confirm', 'admin', { key: 'task:S000-01-01' });
    expect(c.status).toBe(201);
    expect(OrderDetailSchema.parse(c.body)).toMatchObject({
      proposalKey: 'task:S000-01-01',
      state: 'issued',
    });
    const after = ProposalListResponse.parse(
      (await call('GET', '/api/supervision/proposals?kinds=task', 'admin')).body,
    );
    expect(after.items.some((x) => x.key === 'task:S000-01-01')).toBe(false);
    expect(
      (await call('POST', '/api/supervision/proposals/confirm', 'admin', { key: 'task:S000-01-01' })).status,
    ).toBe(404);
  });

  it("shows each role its inbox: the department's order to answer and its overdue task", async () => {
    const ib = InboxResponse.parse((await call('GET', '/api/inbox', 'fgw')).body);
    // newest first: the confirmed proposal, then the order it acknowledged (its plan is due)
    expect(ib.toRespond.map((o) => [o.proposalKey, o.state])).toEqual([
      ['task:S000-01-01', 'issued'],
      [null, 'acknowledged'],
    ]);
    expect(ib.tasks.map((t) => t.code)).toEqual(['S000-01-01']);
    expect((await call('GET', '/api/inbox', null)).status).toBe(401);
  });
});
