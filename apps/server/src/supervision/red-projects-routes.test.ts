/**
 * Proposals from red projects over HTTP (issue 8 §2): `supervisionRoutes` reads the projects module's
 * dispatch board by default, so a red project of the month before is proposed and confirming it issues an
 * order to the project's owner unit. A test-only hook sets the actor named by the `x-test-actor` header.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor } from '@suocha/core';
import { OrderDetailSchema, ProposalListResponse } from '@suocha/contract';
import { insertDepartment, insertUnits, openStore, type Store } from '@suocha/store';
import { dispatchBoard, loadDemoProjects } from '@suocha/services';
import { installErrorHandling } from '../errors';
import { supervisionRoutes } from './routes';
import { testUnit as unit } from '@suocha/store/testing';

const NOW = '2025-12-05T09:00:00.000Z';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const qz = unit('330800', '衢州市', 'city', zj);
const ka = unit('330824', '开化县', 'county', qz);
const js = unit('330881', '江山市', 'county', qz);

const ADMIN: Actor = {
  userId: 1,
  username: 'admin',
  role: 'province_admin',
  scopeUnit: zj.code,
  scopePath: zj.path,
  department: null,
  via: 'session',
};

let dir: string;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-red-projects-api-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'api.db') });
  await insertUnits(store, [cn, zj, qz, ka, js]);
  await insertDepartment(store, { code: 'fgw', nameZh: '省发展改革委', nameEn: 'DRC' }, NOW);
  await loadDemoProjects(store, { seed: 7, count: 60, month: '2025-11', now: NOW });
  app = Fastify();
  installErrorHandling(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    req.actor = req.headers['x-test-actor'] === 'admin' ? ADMIN : null;
  });
  supervisionRoutes(app, { store, now: () => NOW });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('proposals from red projects over HTTP', () => {
  it('proposes every red project of November and issues a confirmed one to its owner unit', async () => {
    const board = await dispatchBoard(store, ADMIN, { month: '2025-11', listLimit: 1000 });
    expect(board.redTotal).toBeGreaterThan(0);
    const res = await app.inject({
      method: 'GET',
      url: '/api/supervision/proposals?kinds=project',
      headers: { 'x-test-actor': 'admin' },
    });
    expect(res.statusCode).toBe(200);
    const list = ProposalListResponse.parse(res.json());
    expect(list.projectsWired).toBe(true);
    expect(list.items.map((p) => p.key).sort()).toEqual(board.red.map((p) => `project:${p.code}`).sort());
    const first = list.items[0];
    const project = board.red.find((p) => `project:${p.code}` === first?.key);
    if (first === undefined || project === undefined) throw new Error('no proposal');
    expect(first.evidence[0]).toMatchObject({ kind: 'project', light: 'red', asOf: '2025-11' });

    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/supervision/proposals/confirm',
      headers: { 'x-test-actor': 'admin' },
      payload: { key: first.key },
    });
    expect(confirmed.statusCode).toBe(201);
    const order = OrderDetailSchema.parse(confirmed.json());
    expect(order.addressee).toMatchObject({ unit: project.ownerUnit, unitName: project.ownerUnitName });
    expect(order.requirement).toContain(project.code);
    expect(order.evidence).toEqual([expect.objectContaining({ kind: 'project', projectCode: project.code })]);
  });
});
