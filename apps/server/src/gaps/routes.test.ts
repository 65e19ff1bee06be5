/**
 * The gaps API over the real default dataset (SQLite), behind the real access plugin: users log in with
 * `loginAs` and send their session cookie and CSRF token. Household golden values were computed with
 * numpy from the six rows below (persons p = size·weight; Gini = ΣΣ p_i p_j |y_i − y_j| / 2μ; Theil T/L
 * and their urban/rural between parts by METHODS.md §2–3).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HouseholdJobSchema,
  HouseholdJobStartedSchema,
  RegionalGapsSchema,
  type HouseholdJobDto,
} from '@suocha/contract';
import { accessPolicy, createUser, HouseholdJobs, loadDefaultDataset } from '@suocha/services';
import { openStore, type Store } from '@suocha/store';
import { accessModule } from '../access';
import { loginAs, type TestSession } from '../access/test-support';
import { installErrorHandling } from '../errors';
import { gapsRoutes } from './routes';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
const PW = 'Sanda-chaju-2026';
const ACCESS = { argon2: { memoryCost: 1024, timeCost: 1 } };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD = 64 * 1024;

let dir: string;
let uploads: string;
let store: Store;
let app: FastifyInstance;
const jobs = new HouseholdJobs({ maxRunning: 4 });
const s: Record<string, TestSession> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-gaps-api-'));
  uploads = mkdtempSync(join(tmpdir(), 'suocha-gaps-uploads-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'api.db') });
  await loadDefaultDataset(store, { dataDir: DATA, divisions: 'zhejiang', now: '2026-01-01T00:00:00.000Z' });
  const users = [
    ['admin', 'province_admin', '330000'],
    ['analyst', 'province_analyst', '330000'],
    ['quzhou', 'city', '330800'],
    ['kaihua', 'county', '330824'],
  ] as const;
  for (const [username, role, scopeUnit] of users) {
    const r = await createUser(
      store,
      { username, displayName: username, role, scopeUnit, password: PW },
      new Date().toISOString(),
      accessPolicy(ACCESS),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  app = Fastify();
  installErrorHandling(app);
  await accessModule(
    app,
    { store },
    { policy: accessPolicy(ACCESS), now: () => new Date().toISOString(), cookieSecure: false },
  );
  gapsRoutes(app, { store, gaps: { jobs, maxUploadBytes: MAX_UPLOAD, tempDir: uploads } });
  await app.ready();
  for (const [username] of users) s[username] = await loginAs(app, username, PW);
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(uploads, { recursive: true, force: true });
});

const get = async (url: string, who: string | null) => {
  const r = await app.inject({ method: 'GET', url, headers: who ? s[who]!.headers() : {} });
  return { status: r.statusCode, body: r.json() as Record<string, unknown> };
};
const errorOf = (b: unknown) =>
  (b as { error: { code: string; message: string; problems?: unknown[] } }).error;

async function upload(
  who: string,
  body: string | Buffer,
  query = 'filename=survey.csv',
  contentType = 'text/csv',
  csrf = true,
) {
  const r = await app.inject({
    method: 'POST',
    url: `/api/gaps/households?${query}`,
    headers: { ...s[who]!.headers({ csrf }), 'content-type': contentType },
    payload: body,
  });
  return { status: r.statusCode, body: r.json() as Record<string, unknown>, headers: r.headers };
}

/** Polls the job until it has finished. */
async function finished(who: string, id: string): Promise<HouseholdJobDto> {
  for (let i = 0; i < 500; i++) {
    const r = await get(`/api/gaps/households/jobs/${id}`, who);
    if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    const job = HouseholdJobSchema.parse(r.body);
    if (job.status !== 'running') return job;
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error('job did not finish');
}

async function analyse(who: string, body: string | Buffer, query?: string, contentType?: string) {
  const r = await upload(who, body, query, contentType);
  expect(r.status).toBe(202);
  const { jobId } = HouseholdJobStartedSchema.parse(r.body);
  expect(r.headers.location).toBe(`/api/gaps/households/jobs/${jobId}`);
  return { jobId, job: await finished(who, jobId) };
}

const HEADER = 'id,unit_code,area,household_size,per_capita_income,weight';
const GOOD = [
  HEADER,
  'h1,330824106200,农村,3,21000,100',
  'h2,330824106200,城镇,2,52000,80',
  'h3,330822001001,农村,4,18500,120',
  'h4,330106002051,城镇,3,88000,60',
  'h5,330106002052,城镇,1,135000,40',
  'h6,331181001001,农村,5,26000,90',
].join('\n');

describe('GET /api/gaps/regional', () => {
  it('answers the regional measures of the 11 cities, as the contract says', async () => {
    const r = await get('/api/gaps/regional?indicator=resident_income&of=330000', 'analyst');
    expect(r.status).toBe(200);
    const g = RegionalGapsSchema.parse(r.body);
    expect(g.period).toBe('2020Q3-YTD');
    expect(g.measures.maxMin?.ratio).toBeCloseTo(48735 / 28778, 12);
    expect(g.measures.maxMin?.highest[0]?.name).toBe('杭州市');
    expect(g.measures.maxMin?.lowest[0]?.name).toBe('丽水市');
  });

  it('takes level, group, asOf, period and a reference unit from the query', async () => {
    const r = await get(
      '/api/gaps/regional?indicator=resident_income&of=330000&level=county&group=mountain_island&asOf=2025-06-01&period=2024Q3-YTD&onlyGroup=true&lineUnit=100000',
      'admin',
    );
    expect(r.status).toBe(200);
    const g = RegionalGapsSchema.parse(r.body);
    expect(g).toMatchObject({
      set: 'group',
      period: '2024Q3-YTD',
      asOf: '2025-06-01',
      coverage: { units: 22 },
    });
    expect(g.measures.belowLine).toMatchObject({ line: 30941, lineSource: 'unit', count: 0 });
  });

  it('needs a session, read access to the unit, and a reference unit the user may see', async () => {
    expect((await get('/api/gaps/regional?indicator=resident_income&of=330000', null)).status).toBe(401);
    const other = await get('/api/gaps/regional?indicator=resident_income&of=330000', 'kaihua');
    expect(other.status).toBe(403);
    expect(errorOf(other.body).code).toBe('FORBIDDEN');
    // 衢州 may compare its counties with the national figure (an ancestor), not with 杭州.
    const national = await get(
      '/api/gaps/regional?indicator=resident_income&of=330800&lineUnit=100000',
      'quzhou',
    );
    expect(national.status).not.toBe(403);
    const hangzhou = await get(
      '/api/gaps/regional?indicator=resident_income&of=330800&lineUnit=330100',
      'quzhou',
    );
    expect(hangzhou.status).toBe(403);
  });

  it('says clearly when there is no data, and names bad parameters', async () => {
    const none = await get('/api/gaps/regional?indicator=resident_income&of=330824', 'kaihua');
    expect(none.status).toBe(409);
    expect(errorOf(none.body).message).toContain('no approved value of resident_income');
    const bad = await get('/api/gaps/regional?indicator=resident_income&of=33&level=shire&line=abc', 'admin');
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).code).toBe('BAD_REQUEST');
    const cols = (errorOf(bad.body).problems as { column: string }[]).map((p) => p.column).sort();
    expect(cols).toEqual(['level', 'line', 'of']);
    const unknown = await get('/api/gaps/regional?indicator=nope&of=330000', 'admin');
    expect([unknown.status, errorOf(unknown.body).code]).toEqual([404, 'INDICATOR_NOT_FOUND']);
    const group = await get('/api/gaps/regional?indicator=resident_income&of=330000&group=nope', 'admin');
    expect([group.status, errorOf(group.body).code]).toEqual([404, 'GROUP_NOT_FOUND']);
  });
});

describe('POST /api/gaps/households', () => {
  it('starts a job at once; the job gives progress, then every measure with its decomposition', async () => {
    const { job } = await analyse('admin', GOOD, 'filename=survey.csv&by=urban_rural,city&lowLine=25000');
    expect(job.status).toBe('done');
    expect(job.file).toBe('survey.csv');
    expect(job.progress).toMatchObject({ rowsRead: 6, fraction: 1, stage: 'finished' });
    expect(job.expiresAt).not.toBeNull();
    const m = job.result!.measures;
    expect(job.result!.households).toBe(6);
    expect(m.persons).toBe(1610);
    expect(m.mean).toBeCloseTo(35055.90062111801, 8);
    expect(m.gini).toBeCloseTo(0.33791505077672773, 12);
    expect(m.theil!.theilT).toBeCloseTo(0.2257256416098642, 12);
    expect(m.theil!.theilL).toBeCloseTo(0.19398696814737787, 12);
    const ur = m.theil!.decompositions.urban_rural!;
    expect(ur.theilT.between).toBeCloseTo(0.19238706059034077, 12);
    expect(ur.theilL.between).toBeCloseTo(0.17290954276916423, 12);
    expect(m.theil!.decompositions.city!.groups.map((g) => g.key)).toEqual(['330800', '330100', '331100']);
    expect(m.middleIncome.share).toBeCloseTo(0.2360248447204969, 12);
    expect(m.lowIncome!.share).toBeCloseTo(0.484472049689441, 12);
    // The upload is deleted once the job is done, and nothing else is left behind.
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('reads an xlsx upload and honours the middle-income band', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('住户').addRows(
      GOOD.split('\n').map((l, i) => l.split(',').map((c, j) => (i > 0 && j >= 3 ? Number(c) : c))),
    );
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const { job } = await analyse(
      'admin',
      buffer,
      `filename=${encodeURIComponent('住户调查.xlsx')}&middle=60000-200000`,
      XLSX,
    );
    expect(job.status).toBe('done');
    expect(job.file).toBe('住户调查.xlsx');
    expect(job.result!.measures.middleIncome).toMatchObject({ lower: 60000, upper: 200000 });
    expect(job.result!.measures.gini).toBeCloseTo(0.33791505077672773, 12);
  });

  it('rejects a bad file with the file, line and column of each problem, and stores nothing', async () => {
    const bad = [
      HEADER,
      'h1,330824106200,农村,3,abc,100', // non-numeric income
      'h2,999999999999,城镇,2,52000,80', // unknown unit
      'h3,330822001001,农村,4,18500,-5', // negative weight
    ].join('\n');
    const before = (
      await store.db
        .selectFrom('observations')
        .select(store.db.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    const { job } = await analyse('admin', bad, 'filename=bad.csv');
    expect(job.status).toBe('failed');
    expect(job.result).toBeUndefined();
    expect(job.problemCount).toBe(3);
    expect(job.problems!.map((p) => [p.file, p.line, p.column, p.code])).toEqual([
      ['bad.csv', 2, 'per_capita_income', 'NOT_A_NUMBER'],
      ['bad.csv', 3, 'unit_code', 'UNKNOWN_UNIT'],
      ['bad.csv', 4, 'weight', 'NEGATIVE_WEIGHT'],
    ]);
    const after = (
      await store.db
        .selectFrom('observations')
        .select(store.db.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(after).toBe(before);

    const missing = await analyse(
      'admin',
      'id,unit_code,area,per_capita_income\nh1,330824106200,农村,1000\n',
      'filename=m.csv',
    );
    expect(missing.job.problems).toEqual([
      expect.objectContaining({ file: 'm.csv', line: 1, column: 'household_size', code: 'MISSING_COLUMN' }),
    ]);
  });

  it('lists the first 100 problems and counts them all', async () => {
    const rows = [HEADER];
    for (let i = 0; i < 150; i++) rows.push(`h${i},330824106200,农村,2,n/a,1`);
    const { job } = await analyse('admin', rows.join('\n'), 'filename=many.csv');
    expect(job.problems).toHaveLength(100);
    expect(job.problemCount).toBe(150);
    expect(job.problems![99]!.line).toBe(101);
  });

  it('refuses households outside the user’s scope (a county cannot analyse another county)', async () => {
    const { job } = await analyse('kaihua', GOOD, 'filename=mixed.csv');
    expect(job.status).toBe('failed');
    expect(job.problems!.map((p) => [p.line, p.column, p.code])).toEqual([
      [4, 'unit_code', 'OUT_OF_SCOPE'],
      [5, 'unit_code', 'OUT_OF_SCOPE'],
      [6, 'unit_code', 'OUT_OF_SCOPE'],
      [7, 'unit_code', 'OUT_OF_SCOPE'],
    ]);
    const own = [HEADER, 'h1,330824106200,农村,3,21000,100', 'h2,330824106200,城镇,2,52000,80'].join('\n');
    expect((await analyse('kaihua', own, 'filename=own.csv')).job.status).toBe('done');
    const city = await analyse('admin', `${HEADER}\nh1,330800,农村,3,21000,100\n`, 'filename=city.csv');
    expect(city.job.problems?.[0]).toMatchObject({ line: 2, column: 'unit_code', code: 'UNIT_ABOVE_COUNTY' });
  });

  it('over a real connection, a client streaming too much gets the 413 (the rest is discarded, not cut off)', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const line = new TextEncoder().encode('h1,330824106200,农村,3,21000,100\n'.repeat(1000));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(line);
        else controller.close();
      },
    });
    const r = await fetch(`${address}/api/gaps/households?filename=big.csv`, {
      method: 'POST',
      headers: { ...s.admin!.headers(), 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(readdirSync(uploads)).toEqual([]);
  });

  it('shows a job only to the user who started it', async () => {
    const { jobId } = await analyse('admin', GOOD);
    expect((await get(`/api/gaps/households/jobs/${jobId}`, 'analyst')).status).toBe(404);
    expect((await get(`/api/gaps/households/jobs/${jobId}`, null)).status).toBe(401);
    expect((await get('/api/gaps/households/jobs/nope', 'admin')).status).toBe(404);
  });

  it('needs a session and the CSRF token; refuses a body too large, empty, or of an unknown type', async () => {
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/gaps/households?filename=a.csv',
      headers: { 'content-type': 'text/csv' },
      payload: GOOD,
    });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await upload('admin', GOOD, 'filename=a.csv', 'text/csv', false);
    expect([noCsrf.status, errorOf(noCsrf.body).code]).toEqual([403, 'CSRF_REJECTED']);
    const big = await upload('admin', `${HEADER}\n${'h1,330824106200,农村,3,21000,100\n'.repeat(3000)}`);
    expect([big.status, errorOf(big.body).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    // Without a content-length (a streamed body) the limit is enforced while the bytes arrive.
    const streamed = await app.inject({
      method: 'POST',
      url: '/api/gaps/households?filename=big.csv',
      headers: { ...s.admin!.headers(), 'content-type': 'text/csv' },
      payload: Readable.from(
        (function* () {
          yield `${HEADER}\n`;
          for (let i = 0; i < 3000; i++) yield 'h1,330824106200,农村,3,21000,100\n';
        })(),
      ),
    });
    expect(streamed.headers['content-length'] === undefined || streamed.statusCode === 413).toBe(true);
    expect([streamed.statusCode, errorOf(streamed.json()).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const empty = await upload('admin', '');
    expect(empty.status).toBe(400);
    const json = await upload('admin', JSON.stringify({ a: 1 }), 'filename=a.json', 'application/json');
    expect(json.status).toBe(415);
    const type = await upload('admin', GOOD, 'filename=a.txt', 'application/octet-stream');
    expect([type.status, errorOf(type.body).message]).toEqual([
      400,
      expect.stringContaining('unsupported file type'),
    ]);
    const badQuery = await upload('admin', GOOD, 'filename=a.csv&by=town&middle=5-1');
    expect(badQuery.status).toBe(400);
    expect(readdirSync(uploads)).toEqual([]);
  });
});
