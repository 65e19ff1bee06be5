/**
 * 重大项目调度 in the browser (issue 7 §6): seeded synthetic projects (模拟数据) are loaded through the demo
 * API, then the dispatch board (totals, reported figures, red and yellow lists, roll-ups) is checked against
 * the board API, filtered, and a project opened (S-curve drawn, reports, lights with their rule); finally the
 * import page: the unit's template is downloaded, filled badly (unknown code, negative amount, YTD below last
 * month's) — the dry run lists every problem and nothing is written — then filled correctly, checked and
 * imported, and the new reports are seen by the API.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DispatchBoardDto, ProjectPageDto } from '@suocha/contract';
import { launchBrowser, logIn, newDesktopContext, screenshotPath } from './browser';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** Months relative to the server's clock (UTC): the demo reports end two months back, imports are for last month. */
function monthBack(n: number): string {
  const d = new Date();
  const i = d.getUTCFullYear() * 12 + d.getUTCMonth() - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
const DEMO_MONTH = monthBack(2);
const IMPORT_MONTH = monthBack(1);

async function apiGet<T>(url: string): Promise<T> {
  const response = await page.request.get(`${app.url}${url}`);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

async function csrf(): Promise<string> {
  return (await apiGet<{ csrfToken: string }>('/api/auth/me')).csrfToken;
}

const attr = (selector: string, name: string): Promise<string[]> =>
  page.locator(selector).evaluateAll((els, n) => els.map((el) => el.getAttribute(n) ?? ''), name);

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  context = await newDesktopContext(browser);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await logIn(page, app.url, '/projects');
  const response = await page.request.post(`${app.url}/api/projects/demo`, {
    headers: { 'x-csrf-token': await csrf() },
    data: { seed: 7, count: 300, month: DEMO_MONTH },
  });
  expect(response.status()).toBe(200);
  expect(((await response.json()) as { projects: number }).projects).toBe(300);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

describe('dispatch board', () => {
  let board: DispatchBoardDto;

  beforeAll(async () => {
    board = await apiGet<DispatchBoardDto>(`/api/projects/board?month=${DEMO_MONTH}&listLimit=20`);
    await page.goto(`${app.url}/projects?month=${DEMO_MONTH}`);
    await page.locator('[data-testid="projects-board"][data-loading="false"]').waitFor();
  });

  it('shows the totals, lists and roll-ups of the board API, labelled 模拟数据', async () => {
    const total = page.getByTestId('board-total');
    expect(await total.getAttribute('data-count')).toBe('300');
    expect(await total.getAttribute('data-month')).toBe(DEMO_MONTH);
    expect(await page.getByTestId('synthetic-banner').textContent()).toContain('模拟数据');
    for (const light of ['red', 'yellow', 'green', 'none'] as const)
      expect(
        await page.locator(`[data-testid="light-tiles"] [data-light="${light}"]`).getAttribute('data-count'),
      ).toBe(String(board.total.lights[light].count));
    expect(await page.getByTestId('red-panel').getAttribute('data-total')).toBe(String(board.redTotal));
    expect(await attr('[data-testid="red-list"] tbody tr', 'data-code')).toEqual(
      board.red.map((r) => r.code),
    );
    expect(await attr('[data-testid="yellow-list"] tbody tr', 'data-code')).toEqual(
      board.yellow.map((r) => r.code),
    );
    expect(await attr('[data-testid="by-unit"] tbody tr', 'data-key')).toEqual(
      board.byUnit.map((r) => r.key),
    );
    expect(await attr('[data-testid="by-category"] tbody tr', 'data-key')).toEqual(
      board.byCategory.map((r) => r.key),
    );
    // Red and yellow lists come before the roll-ups.
    const order = await page
      .locator('[data-testid="red-panel"], [data-testid="yellow-panel"], [data-testid="by-unit"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(order).toEqual(['red-panel', 'yellow-panel', 'by-unit']);
    // The province's reported figures (seed 003: 59.1%, 87.1%) beside the registry's roll-up.
    const reported = await attr('[data-testid="reported-list"] li', 'data-value');
    expect(reported).toEqual(board.reported.map((f) => String(f.value)));
    expect(reported).toEqual(expect.arrayContaining(['59.1', '87.1']));
    await page.screenshot({ path: screenshotPath('projects-board-zh.png'), fullPage: true });
  });

  it('lists every red project on request', async () => {
    expect(board.redTotal).toBeGreaterThan(20);
    await page.getByTestId('red-more').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="red-list"] tbody tr').length === n,
      Math.min(board.redTotal, 500),
    );
  });

  it('filters by light and by city, in the URL, as the API does', async () => {
    await page.getByTestId('filter-light').selectOption('red');
    await page.waitForURL(/light=red/);
    await page.locator('[data-testid="projects-board"][data-loading="false"]').waitFor();
    expect(await page.getByTestId('board-total').getAttribute('data-count')).toBe(String(board.redTotal));
    expect(await page.locator('[data-testid="yellow-list"]').count()).toBe(0);

    const city = board.byUnit[0];
    if (city === undefined) throw new Error('no city in the roll-up');
    await page.getByTestId('filter-unit').selectOption(city.key);
    await page.waitForURL(new RegExp(`unit=${city.key}`));
    await page.locator('[data-testid="projects-board"][data-loading="false"]').waitFor();
    const filtered = await apiGet<DispatchBoardDto>(
      `/api/projects/board?unit=${city.key}&light=red&month=${DEMO_MONTH}&listLimit=20`,
    );
    expect(await page.getByTestId('board-total').getAttribute('data-count')).toBe(
      String(filtered.total.count),
    );
    expect(await attr('[data-testid="red-list"] tbody tr', 'data-code')).toEqual(
      filtered.red.map((r) => r.code),
    );
    await page.screenshot({ path: screenshotPath('projects-board-filtered.png'), fullPage: true });
    await page.getByTestId('filter-clear').click();
    await page.waitForURL((url) => !url.search.includes('light='));
  });
});

describe('project page', () => {
  it('opens from the red list with its S-curve, report versions, stage history and the rule behind its light', async () => {
    const board = await apiGet<DispatchBoardDto>(`/api/projects/board?month=${DEMO_MONTH}&listLimit=500`);
    const row = [...board.red, ...board.yellow].find(
      (r) => r.metrics.ytdCompleted > 0 && r.stage === 'under_construction',
    );
    if (row === undefined) throw new Error('no red or yellow project under construction with investment');
    const code = row.code;
    const path = `/api/projects/${encodeURIComponent(code)}`;
    const before = await apiGet<ProjectPageDto>(`${path}?month=${DEMO_MONTH}`);
    const last = before.reports.find((r) => r.current && r.month === DEMO_MONTH);
    if (last === undefined) throw new Error(`no report of ${DEMO_MONTH}`);
    const headers = { 'x-csrf-token': await csrf() };
    // A corrected report (version 2 of the month) and a suspension and resumption, each with its reason.
    const corrected = await page.request.post(`${app.url}${path}/reports`, {
      headers,
      data: {
        month: DEMO_MONTH,
        completedThisMonth: last.completedThisMonth,
        ytdCompleted: last.ytdCompleted,
        started: true,
        note: '主体结构施工（更正形象进度）',
        problems: '征地拆迁进度滞后',
        reason: '县发改局核对后更正形象进度',
      },
    });
    expect(corrected.status()).toBe(201);
    const today = new Date().toISOString().slice(0, 10);
    for (const [to, reason] of [
      ['suspended', '环评批复调整，暂缓施工'],
      ['under_construction', '批复已下达，恢复施工'],
    ] as const) {
      const moved = await page.request.post(`${app.url}${path}/stage`, {
        headers,
        data: { to, date: today, reason },
      });
      expect(moved.status()).toBe(200);
    }

    // Found on the board by its light and code (the free-text filter), then opened from its list.
    const light = row.metrics.light;
    await page.goto(`${app.url}/projects?light=${light}&month=${DEMO_MONTH}`);
    await page.locator('[data-testid="projects-board"][data-loading="false"]').waitFor();
    await page.getByTestId('filter-q').fill(code);
    await page.getByTestId('filter-q').press('Enter');
    await page.waitForURL(new RegExp(`q=${code}`));
    const rows = page.locator(`[data-testid="${light}-list"] tbody tr`);
    await page.waitForFunction(
      (sel) => document.querySelectorAll(sel).length === 1,
      `[data-testid="${light}-list"] tbody tr`,
    );
    await rows.first().locator('a.pj-code').click();
    await page.locator('[data-testid="project-page"][data-state="ready"]').waitFor();
    expect(await page.getByTestId('project-page').getAttribute('data-code')).toBe(code);
    const data = await apiGet<ProjectPageDto>(`${path}?month=${DEMO_MONTH}`);

    const chart = page.getByTestId('s-curve');
    await chart.locator('canvas').waitFor();
    expect((await chart.boundingBox())?.height ?? 0).toBeGreaterThan(300);
    const series = (await chart.getAttribute('data-series'))?.split('|') ?? [];
    expect(series).toContain('累计完成投资');
    const reported = data.sCurve.points.filter((pt) => pt.completedCumulative !== null).length;
    expect(reported).toBeGreaterThan(0);
    expect(await chart.getAttribute('data-reported')).toBe(String(reported));
    expect(await chart.getAttribute('data-last-completed')).toBe(String(data.metrics.ytdCompleted));

    expect(await page.getByTestId('project-metrics').getAttribute('data-light')).toBe(data.metrics.light);
    const schedule = page.getByTestId('light-schedule');
    expect(await schedule.getAttribute('data-rule')).toBe(data.metrics.scheduleLight.ruleId);
    expect(await schedule.textContent()).toContain(data.metrics.scheduleLight.zh);
    expect(await page.getByTestId('light-start').getAttribute('data-rule')).toBe(
      data.metrics.startLight.ruleId,
    );

    expect(await page.locator('[data-testid="reports-table"] tbody tr').count()).toBe(data.reports.length);
    const month = page.locator(`[data-testid="reports-table"] tbody[data-month="${DEMO_MONTH}"] tr`);
    expect(await month.evaluateAll((els) => els.map((el) => el.getAttribute('data-version')))).toEqual([
      '2',
      '1',
    ]);
    expect(await month.first().getAttribute('data-current')).toBe('true');
    expect(await month.first().textContent()).toContain('县发改局核对后更正形象进度');
    const stages = page.locator('[data-testid="stage-history"] tbody tr');
    expect(await stages.count()).toBe(2);
    expect(await page.getByTestId('stage-history').textContent()).toContain('环评批复调整，暂缓施工');
    expect(await page.getByTestId('synthetic-banner').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('projects-project-zh.png'), fullPage: true });
  });
});

describe('import', () => {
  interface Pick {
    readonly row: number;
    readonly code: string;
    readonly prevYtd: number;
  }
  let template: Buffer;
  const picks: Pick[] = [];

  /** The latest current report of the import month's year before it (0 in January or without one). */
  async function previousYtd(code: string): Promise<number> {
    const data = await apiGet<ProjectPageDto>(
      `/api/projects/${encodeURIComponent(code)}?month=${IMPORT_MONTH}`,
    );
    const year = IMPORT_MONTH.slice(0, 4);
    const before = data.reports
      .filter((r) => r.current && r.month.startsWith(year) && r.month < IMPORT_MONTH)
      .sort((a, b) => b.month.localeCompare(a.month));
    return before[0]?.ytdCompleted ?? 0;
  }

  async function filled(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(template).buffer);
    const sheet = wb.worksheets.find((ws) => ws.state === 'visible');
    if (sheet === undefined) throw new Error('no visible sheet in the template');
    fill(sheet);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function reportsOf(code: string): Promise<string[]> {
    const data = await apiGet<ProjectPageDto>(
      `/api/projects/${encodeURIComponent(code)}?month=${IMPORT_MONTH}`,
    );
    return data.reports.filter((r) => r.month === IMPORT_MONTH).map((r) => `${r.month}v${r.version}`);
  }

  beforeAll(async () => {
    await page.goto(`${app.url}/projects/import?month=${IMPORT_MONTH}`);
    await page.getByTestId('projects-import').waitFor();
    const href = (await page.getByTestId('template-download').getAttribute('href')) ?? '';
    expect(href).toBe(`/api/projects/template?unit=330000&month=${IMPORT_MONTH}`);
    const response = await page.request.get(`${app.url}${href}`);
    expect(response.status()).toBe(200);
    template = await response.body();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(template).buffer);
    const sheet = wb.worksheets.find((ws) => ws.state === 'visible');
    if (sheet === undefined) throw new Error('no visible sheet in the template');
    // Four projects that already reported this year (so a YTD below last month's is possible).
    for (let row = 2; row <= sheet.rowCount && picks.length < 4; row++) {
      const code = String(sheet.getRow(row).getCell(1).value ?? '');
      if (code === '') continue;
      const prevYtd = await previousYtd(code);
      if (prevYtd > 0) picks.push({ row, code, prevYtd });
    }
    expect(picks).toHaveLength(4);
  }, 60_000);

  it('lists every problem of a bad file with sheet, row and column, and writes nothing', async () => {
    const [a, b, c, d] = picks;
    if (a === undefined || b === undefined || c === undefined || d === undefined) throw new Error('picks');
    const bad = await filled((sheet) => {
      sheet.getRow(a.row).getCell(1).value = 'NOPE-9999';
      sheet.getRow(a.row).getCell(5).value = 10;
      sheet.getRow(a.row).getCell(6).value = a.prevYtd + 10;
      sheet.getRow(a.row).getCell(7).value = '是';
      sheet.getRow(b.row).getCell(5).value = -5;
      sheet.getRow(b.row).getCell(6).value = b.prevYtd;
      sheet.getRow(b.row).getCell(7).value = '是';
      sheet.getRow(c.row).getCell(5).value = 0;
      sheet.getRow(c.row).getCell(6).value = c.prevYtd - 1;
      sheet.getRow(c.row).getCell(7).value = '是';
      sheet.getRow(d.row).getCell(5).value = 20;
      sheet.getRow(d.row).getCell(6).value = d.prevYtd + 20;
      sheet.getRow(d.row).getCell(7).value = '是';
    });
    await page.getByTestId('import-file').setInputFiles({
      name: '月报-有错.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bad,
    });
    await page.getByTestId('import-dry-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.getAttribute('data-ok')).toBe('false');
    expect(await report.getAttribute('data-written')).toBe('false');
    const codes = await attr('[data-testid="import-problems"] tbody tr', 'data-code');
    expect(codes).toEqual(
      expect.arrayContaining([
        'IMPORT_UNKNOWN_PROJECT',
        'REPORT_NEGATIVE_INVESTMENT',
        'REPORT_YTD_DECREASED',
      ]),
    );
    const rows = (await attr('[data-testid="import-problems"] tbody tr', 'data-row')).map(Number);
    expect(rows).toEqual(expect.arrayContaining([a.row, b.row, c.row]));
    const negative = page.locator(
      '[data-testid="import-problems"] tbody tr[data-code="REPORT_NEGATIVE_INVESTMENT"]',
    );
    expect(await negative.locator('td').nth(2).textContent()).toContain('E');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('projects-import-bad.png'), fullPage: true });
    // Nothing was written, not even the valid row.
    expect(await reportsOf(d.code)).toEqual([]);
  });

  it('checks a good file, then imports it all or nothing', async () => {
    const good = await filled((sheet) => {
      for (const [i, p] of picks.entries()) {
        const row = sheet.getRow(p.row);
        row.getCell(5).value = 100 + i;
        row.getCell(6).value = p.prevYtd + 100 + i;
        row.getCell(7).value = '是';
        row.getCell(8).value = '主体施工';
      }
    });
    await page.getByTestId('import-file').setInputFiles({
      name: '月报.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: good,
    });
    await page.getByTestId('import-dry-run').click();
    await page.locator('[data-testid="projects-import"][data-phase="checked"]').waitFor();
    const report = page.getByTestId('import-report');
    expect(await report.getAttribute('data-ok')).toBe('true');
    expect(await report.getAttribute('data-problems')).toBe('0');
    expect(await page.getByTestId('import-summary').textContent()).toContain('预检通过');
    for (const p of picks) expect(await reportsOf(p.code)).toEqual([]);
    await page.screenshot({ path: screenshotPath('projects-import-checked.png'), fullPage: true });

    await page.getByTestId('import-commit').click();
    await page.locator('[data-testid="projects-import"][data-phase="imported"]').waitFor();
    expect(await report.getAttribute('data-written')).toBe('true');
    for (const p of picks) expect(await reportsOf(p.code)).toEqual([`${IMPORT_MONTH}v1`]);
    const first = picks[0];
    if (first === undefined) throw new Error('picks');
    const data = await apiGet<ProjectPageDto>(
      `/api/projects/${encodeURIComponent(first.code)}?month=${IMPORT_MONTH}`,
    );
    expect(data.metrics.ytdCompleted).toBe(first.prevYtd + 100);
    await page.screenshot({ path: screenshotPath('projects-import-done.png'), fullPage: true });
  });
});

describe('English', () => {
  it('switches the board to English', async () => {
    await page.goto(`${app.url}/projects?month=${DEMO_MONTH}`);
    await page.locator('[data-testid="projects-board"][data-loading="false"]').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByText('Red projects').waitFor();
    expect(await page.getByTestId('synthetic-banner').textContent()).toContain('SYNTHETIC');
    await page.screenshot({ path: screenshotPath('projects-board-en.png'), fullPage: true });
    await page.getByTestId('lang-switch').click();
    expect(pageErrors).toEqual([]);
  });
});
