import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DispatchBoardDto } from '@suocha/contract';
import type { CountyHealth, IndexRun, IndexRunList } from '../apps/web/src/api/types';
import { launchBrowser, logIn, newDesktopContext, screenshotPath } from './browser';
import { startApp } from './harness';

// The demo database: seeded synthetic county values (模拟数据) and frozen runs for 2023, 2024 and 2025
// built by scripts/demo/make-demo-db.ts; 200 Monte Carlo samples keep the setup to a few seconds.
const DEMO = { seed: 1, samples: 200 } as const;
const QUZHOU = '330800';
// 衢州市's six counties in data/divisions_zhejiang.csv.
const QUZHOU_COUNTIES = ['330802', '330803', '330822', '330824', '330825', '330881'];
const CHANGSHAN = '330822';

/** Scores as the page writes them: zh-CN, one decimal (an independent formatter, not the app's). */
const oneDecimal = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Session {
  readonly app: { url: string; close(): Promise<void> };
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
}

async function openSession(app: Session['app'], path: string): Promise<Session> {
  const context = await newDesktopContext(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The server's content security policy must not block anything the app itself does.
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) errors.push(message.text());
  });
  await logIn(page, app.url, path);
  return { app, context, page, errors };
}

async function closeSession(session: Session | undefined): Promise<void> {
  await session?.context.close();
  await session?.app.close();
}

/** Full-page screenshot from the top with tooltips gone. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(600); // ECharts fades tooltips out and finishes its entry animation
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

/** The API answer, asked through the browser context so that the session cookie goes along. */
async function apiGet<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

const attr = async (page: Page, selector: string, name: string): Promise<string[]> =>
  page.locator(selector).evaluateAll((elements, n) => elements.map((el) => el.getAttribute(n) ?? ''), name);

describe('县域评价 on the demo database (模拟数据)', () => {
  let s: Session;
  let run: IndexRun;
  const rowsSelector = '[data-testid="league-table"] tbody tr';

  beforeAll(async () => {
    const app = await startApp({ demo: DEMO });
    s = await openSession(app, '/evaluation');
    const runs = await apiGet<IndexRunList>(s.page, `${app.url}/api/index/runs`);
    const newest = runs.items[0];
    if (newest === undefined) throw new Error('the demo database has no runs');
    run = await apiGet<IndexRun>(s.page, `${app.url}/api/index/runs/${newest.id}`);
  });

  afterAll(() => closeSession(s));

  it('opens the newest run: 90 counties with their ranks, under the 模拟数据 banner', async () => {
    const { page } = s;
    expect(new URL(page.url()).pathname).toBe('/evaluation');
    await page.getByTestId('league-table').waitFor();
    expect(run.period).toBe('2025');
    expect(run.synthetic).toBe(true);
    expect(await page.getByTestId('run-select').inputValue()).toBe(String(run.id));
    expect(await page.locator('[data-testid="run-select"] option').count()).toBe(3);

    const banner = page.getByTestId('synthetic-banner');
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toContain('模拟数据');
    expect(await banner.getAttribute('data-label')).toBe(run.syntheticLabel);
    const box = await banner.boundingBox();
    // Unmissable: at the top of the page, across the content, not a footnote.
    expect(box?.y ?? 999).toBeLessThan(120);
    expect(box?.width ?? 0).toBeGreaterThan(900);

    expect(await page.locator(rowsSelector).count()).toBe(90);
    expect(await page.getByTestId('league-count').getAttribute('data-count')).toBe('90');
    // Ranked counties first, 1…ranked in order, as the server ranked them; then the unranked ones.
    const ranks = await attr(page, rowsSelector, 'data-rank');
    expect(ranks).toEqual(run.rows.map((r) => (r.rank === null ? '' : String(r.rank))));
    expect(ranks.filter((r) => r !== '').length).toBe(run.ranked);
    expect(run.ranked).toBeGreaterThan(80);
    expect(await attr(page, rowsSelector, 'data-code')).toEqual(run.rows.map((r) => r.unitCode));

    // Below-coverage counties are marked and not ranked.
    const unranked = page.locator(`${rowsSelector}[data-below-coverage="true"]`);
    expect(await unranked.count()).toBe(run.belowCoverage);
    expect(run.belowCoverage).toBeGreaterThan(0);
    expect(await unranked.first().locator('.rank-cell').textContent()).toBe('未排名');

    // Rank change with arrows and numbers (against the 2024 run).
    const first = run.rows[0];
    if (first === undefined) throw new Error('no rows');
    const firstChange = page.locator(`${rowsSelector}[data-code="${first.unitCode}"] .change`);
    const expected =
      first.rankChange === null || first.rankChange === 0
        ? /^(—|→)$/
        : new RegExp(`^${first.rankChange > 0 ? '↑' : '↓'}${Math.abs(first.rankChange)}$`);
    expect(await firstChange.textContent()).toMatch(expected);
    const arrows = await page.locator(`${rowsSelector} .change`).allTextContents();
    expect(arrows.some((a) => a.startsWith('↑'))).toBe(true);
    expect(arrows.some((a) => a.startsWith('↓'))).toBe(true);

    // Score and the three weakest indicators (短板) of the leader.
    const firstRow = page.locator(`${rowsSelector}[data-code="${first.unitCode}"]`);
    expect(await firstRow.locator('.score-cell').textContent()).toBe(oneDecimal.format(first.score ?? NaN));
    expect(await firstRow.locator('.weakest-list li').allTextContents()).toEqual(
      first.weakest.map((w) => w.nameZh),
    );
    expect(await page.getByTestId('run-counts').getAttribute('data-ranked')).toBe(String(run.ranked));
  });

  it('links the xlsx export, labelled 模拟数据', async () => {
    const { page, app } = s;
    const href = await page.getByTestId('export-link').getAttribute('href');
    expect(href).toBe(`/api/index/runs/${run.id}/export.xlsx`);
    const response = await page.request.get(`${app.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(response.headers()['content-disposition'] ?? '')).toContain('模拟数据');
  });

  it('sorts by score, both ways, unranked counties included', async () => {
    const { page } = s;
    const scoreHeader = page.locator('[data-testid="league-table"] th[data-sort-key="score"]');
    await scoreHeader.locator('button').click();
    expect(await scoreHeader.getAttribute('aria-sort')).toBe('descending');
    const down = (await attr(page, rowsSelector, 'data-score')).map(Number);
    expect(down).toHaveLength(90);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    const best = [...run.rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[0];
    expect((await attr(page, rowsSelector, 'data-code'))[0]).toBe(best?.unitCode);

    await scoreHeader.locator('button').click();
    expect(await scoreHeader.getAttribute('aria-sort')).toBe('ascending');
    const up = (await attr(page, rowsSelector, 'data-score')).map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    // The sort is part of the address, so the view can be shared.
    expect(new URL(page.url()).searchParams.get('sort')).toBe('score');

    await page.locator('[data-testid="league-table"] th[data-sort-key="rank"] button').click();
    expect(await attr(page, rowsSelector, 'data-code')).toEqual(run.rows.map((r) => r.unitCode));
  });

  it('filters by city (衢州市 leaves 6) and by group, on the table and on the map', async () => {
    const { page } = s;
    const map = page.getByTestId('score-map');
    await map.locator('canvas').waitFor();
    expect(await map.getAttribute('data-coloured-count')).toBe('90');

    await page.getByTestId('city-filter').selectOption({ label: '衢州市' });
    await expect.poll(() => page.getByTestId('league-count').getAttribute('data-count')).toBe('6');
    expect((await attr(page, rowsSelector, 'data-code')).sort()).toEqual(QUZHOU_COUNTIES);
    expect(await page.getByTestId('league-count').textContent()).toBe('显示 6 / 90 个县(市、区)');
    expect(await map.getAttribute('data-coloured-count')).toBe('6');
    expect(await map.getAttribute('data-coloured-codes')).toBe(QUZHOU_COUNTIES.join(','));

    await page.getByTestId('group-filter').selectOption('mountain_island');
    const quzhouIsland = run.rows.filter((r) => r.parentCode === QUZHOU && r.mountainIsland);
    await expect
      .poll(() => page.getByTestId('league-count').getAttribute('data-count'))
      .toBe(String(quzhouIsland.length));
    expect(quzhouIsland.length).toBeGreaterThan(0);
    expect(quzhouIsland.length).toBeLessThan(6);

    await page.getByTestId('city-filter').selectOption('');
    const island = run.rows.filter((r) => r.mountainIsland);
    await expect
      .poll(() => page.getByTestId('league-count').getAttribute('data-count'))
      .toBe(String(island.length));
    await page.getByTestId('group-filter').selectOption('all');
    await expect.poll(() => page.getByTestId('league-count').getAttribute('data-count')).toBe('90');
  });

  it('colours the map by score, with the below-coverage counties marked and a no-data legend entry', async () => {
    const { page } = s;
    const map = page.getByTestId('score-map');
    await expect.poll(() => map.getAttribute('data-coloured-count')).toBe('90');
    expect(await map.getAttribute('data-no-data-count')).toBe('0');
    const below = run.rows
      .filter((r) => r.belowCoverage)
      .map((r) => r.unitCode)
      .sort();
    expect(await map.getAttribute('data-below-coverage-codes')).toBe(below.join(','));
    const scores = run.rows.flatMap((r) => (r.score === null ? [] : [r.score]));
    expect(Number(await map.getAttribute('data-min'))).toBe(Math.floor(Math.min(...scores)));
    expect(Number(await map.getAttribute('data-max'))).toBe(Math.ceil(Math.max(...scores)));
    expect(await page.getByTestId('legend-no-data').textContent()).toContain('无数据');
  });

  it('shows the rank intervals, the choices that move ranks most and the data gaps', async () => {
    const { page } = s;
    const chart = page.getByTestId('interval-chart');
    await chart.locator('canvas').waitFor();
    const withInterval = run.rows.filter((r) => r.rank !== null && r.rankInterval !== null);
    expect(await chart.getAttribute('data-count')).toBe(String(withInterval.length));
    expect(withInterval.length).toBe(run.ranked);

    const factors = page.locator('[data-testid="factors-table"] tbody tr[data-factor]');
    const top = run.uncertainty?.factors[0];
    if (top === undefined) throw new Error('the run has no sensitivity analysis');
    expect(await factors.first().getAttribute('data-option')).toBe(top.option);
    expect(await factors.count()).toBe(Math.min(8, run.uncertainty?.factors.length ?? 0));

    const notes = await page.locator('[data-testid="run-notes"] li').allTextContents();
    expect(notes).toEqual(run.notes);
    expect(notes[0]).toContain('模拟数据');
    expect(await page.locator('[data-testid="coverage-table"] tbody tr').count()).toBe(run.indicators.length);
    await screenshot(page, 'evaluation-zh.png');
  });

  it('opens a county health check (县域体检表) from the table', async () => {
    const { page, app } = s;
    await page.locator(`${rowsSelector}[data-code="${CHANGSHAN}"] a.county-link`).click();
    await page.locator(`[data-testid="health-page"][data-code="${CHANGSHAN}"]`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/evaluation/county/${CHANGSHAN}`);
    expect(await page.getByTestId('health-title').textContent()).toContain('常山县');
    expect(await page.getByTestId('synthetic-banner').isVisible()).toBe(true);

    const health = await apiGet<CountyHealth>(
      page,
      `${app.url}/api/index/counties/${CHANGSHAN}/health?run=${run.id}`,
    );
    const domainRows = page.locator('[data-testid="domain-scores"] tbody tr');
    expect(await domainRows.count()).toBe(4);
    expect(await attr(page, '[data-testid="domain-scores"] tbody tr', 'data-domain')).toEqual(
      health.domains.map((d) => d.code),
    );
    expect(await attr(page, '[data-testid="domain-scores"] tbody tr', 'data-score')).toEqual(
      health.domains.map((d) => String(d.score)),
    );
    expect(await page.locator('[data-testid="domain-scores"] .domain-score').allTextContents()).toEqual(
      health.domains.map((d) => oneDecimal.format(d.score ?? NaN)),
    );
    await page.getByTestId('domain-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('health-score').textContent()).toBe(
      oneDecimal.format(health.row.score ?? NaN),
    );

    expect(
      await page
        .locator('[data-testid="health-weakest"] li[data-indicator]')
        .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-indicator'))),
    ).toEqual(health.weakest.map((w) => w.indicator));
    const indicatorRows = page.locator('[data-testid="health-indicators"] tbody tr');
    expect(await indicatorRows.count()).toBe(health.indicators.length);
    const missing = health.indicators.filter((i) => i.missing).length;
    expect(await page.locator('[data-testid="health-indicators"] tr[data-status="missing"]').count()).toBe(
      missing,
    );
    // One row per demo run (2023, 2024, 2025), the current one marked.
    expect(await page.locator('[data-testid="health-history"] tbody tr').count()).toBe(3);
    expect(await page.locator('[data-testid="health-history"] tr.current-run').getAttribute('data-run')).toBe(
      String(run.id),
    );

    // Targets: the plans' real target for 常山县, judged by the progress engine row by row.
    const targets = page.getByTestId('targets-panel');
    await expect.poll(() => targets.getAttribute('data-progress')).toBe('available');
    expect(await targets.locator('[data-testid="progress-table"] tbody tr').count()).toBeGreaterThan(0);
    // Projects: the demo database has none registered, and the panel says so (no figures).
    const projects = page.getByTestId('projects-panel');
    await expect.poll(() => projects.getAttribute('data-status')).toBe('empty');
    expect(await page.getByTestId('projects-none').textContent()).toBe('本县(市、区)尚未登记重大项目。');
    expect(await projects.locator('table, [data-testid="projects-stats"]').count()).toBe(0);
    await screenshot(page, 'evaluation-county-zh.png');

    await page.locator('.back-link a').click();
    await page.getByTestId('league-table').waitFor();
    expect(new URL(page.url()).searchParams.get('run')).toBe(String(run.id));
  });

  it("shows the county's major projects once demo projects are loaded, labelled 模拟数据", async () => {
    const { page, app } = s;
    const me = await apiGet<{ csrfToken: string }>(page, `${app.url}/api/auth/me`);
    // No month: the demo's reports end at the month the board judges by default (the previous one).
    const loaded = await page.request.post(`${app.url}/api/projects/demo`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { seed: 3, count: 900 },
    });
    expect(loaded.status()).toBe(200);
    expect(((await loaded.json()) as { projects: number }).projects).toBe(900);
    const board = await apiGet<DispatchBoardDto>(
      page,
      `${app.url}/api/projects/board?unit=${CHANGSHAN}&listLimit=10`,
    );
    expect(board.total.count).toBeGreaterThan(0);
    expect(board.redTotal + board.yellowTotal).toBeGreaterThan(0);

    await page.goto(`${app.url}/evaluation/county/${CHANGSHAN}?run=${run.id}`);
    const panel = page.getByTestId('projects-panel');
    await expect.poll(() => panel.getAttribute('data-status')).toBe('projects');
    expect(await panel.getAttribute('data-month')).toBe(board.month);
    expect(await page.getByTestId('projects-count').getAttribute('data-count')).toBe(
      String(board.total.count),
    );
    expect(Number(await page.getByTestId('projects-planned').getAttribute('data-value'))).toBe(
      board.total.annualPlan,
    );
    expect(Number(await page.getByTestId('projects-completed').getAttribute('data-value'))).toBe(
      board.total.ytdCompleted,
    );
    // Completion against 序时进度, written as the page writes shares (one decimal, per cent).
    const percent = (x: number | null) => (x === null ? '—' : `${oneDecimal.format(x * 100)}%`);
    expect(await page.getByTestId('projects-completion').textContent()).toBe(
      percent(board.total.completionRate),
    );
    expect(await page.getByTestId('projects-schedule').textContent()).toBe(percent(board.scheduleShare));
    for (const light of ['red', 'yellow', 'green', 'none'] as const)
      expect(
        await panel
          .locator(`[data-testid="projects-lights"] li[data-light="${light}"]`)
          .getAttribute('data-count'),
      ).toBe(String(board.total.lights[light].count));
    expect(await page.getByTestId('projects-synthetic').textContent()).toBe('模拟数据');

    // Red projects first, then yellow ones, as the board lists them, each linked to its page.
    const listed = [...board.red, ...board.yellow];
    expect(await attr(page, '[data-testid="projects-flagged"] tbody tr', 'data-code')).toEqual(
      listed.map((p) => p.code),
    );
    const first = listed[0];
    if (first === undefined) throw new Error('no red or yellow project');
    await screenshot(page, 'evaluation-county-projects-zh.png');
    await page
      .locator(`[data-testid="projects-flagged"] tr[data-code="${first.code}"] a.project-link`)
      .click();
    await page.waitForURL((url) => url.pathname === `/projects/project/${first.code}`);
    expect(new URL(page.url()).searchParams.get('month')).toBe(board.month);
    await page.getByTestId('projects-page').waitFor();

    await page.goto(`${app.url}/evaluation?run=${run.id}`);
    await page.getByTestId('league-table').waitFor();
  });

  it('switches to English and keeps the SYNTHETIC banner', async () => {
    const { page } = s;
    await page.getByTestId('lang-switch').click();
    await page.locator('h1', { hasText: 'County evaluation' }).waitFor();
    expect(await page.getByTestId('synthetic-banner').textContent()).toContain('SYNTHETIC');
    expect(await page.getByTestId('league-count').textContent()).toBe('Showing 90 of 90 counties');
    expect(
      await page.locator('[data-testid="league-table"] th[data-sort-key="score"]').textContent(),
    ).toContain('Score');
    await page.getByTestId('score-map').locator('canvas').waitFor();
    await page.getByTestId('interval-chart').locator('canvas').waitFor();
    await screenshot(page, 'evaluation-en.png');
    await page.getByTestId('lang-switch').click();
    await page.locator('h1', { hasText: '县域评价' }).waitFor();
  });

  it('lets a province administrator start a run, showing that it is busy, then shows it', async () => {
    const { page } = s;
    // With runs to look at, the form starts folded.
    expect(await page.getByTestId('run-period').isVisible()).toBe(false);
    await page.getByTestId('start-run-toggle').click();
    await page.getByTestId('run-period').fill('2024');
    // Hold the request at the browser so that the busy state can be seen however fast the server is.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/index/runs', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    await page.getByTestId('run-start').click();
    await page.getByTestId('run-busy').waitFor();
    expect(await page.getByTestId('run-start').isDisabled()).toBe(true);
    expect(await page.getByTestId('run-period').isDisabled()).toBe(true);
    release();
    await page.getByTestId('run-done').waitFor({ timeout: 60_000 });
    await page.unroute('**/api/index/runs');
    expect(await page.getByTestId('run-busy').count()).toBe(0);
    expect(await page.getByTestId('run-done').textContent()).toContain(`#${run.id + 1}`);
    await expect.poll(() => page.getByTestId('run-select').inputValue()).toBe(String(run.id + 1));
    await page.locator(`[data-testid="run-summary"][data-run="${run.id + 1}"]`).waitFor();
    expect(await page.locator(rowsSelector).count()).toBe(90);
    expect(await page.locator('[data-testid="run-select"] option').count()).toBe(4);
    expect(await page.getByTestId('synthetic-banner').isVisible()).toBe(true);
  });

  it('raised no uncaught errors in the page', () => {
    expect(s.errors).toEqual([]);
  });
});

describe('县域评价 on a real-data database without runs', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession(await startApp(), '/evaluation');
  });

  afterAll(() => closeSession(s));

  it('says clearly that there are no results, with no figures, no charts and no synthetic banner', async () => {
    const { page } = s;
    const empty = page.getByTestId('evaluation-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('尚无县域评价计算结果');
    expect(await empty.textContent()).not.toMatch(/\d/);
    const main = page.locator('main');
    expect(await main.locator('table, canvas').count()).toBe(0);
    expect(await page.getByTestId('synthetic-banner').count()).toBe(0);
    // The administrator is offered to compute one.
    expect(await page.getByTestId('start-run').isVisible()).toBe(true);
    await screenshot(page, 'evaluation-empty-zh.png');
  });

  it('refuses to compute an index where there is no data, and says why', async () => {
    const { page, app } = s;
    await page.getByTestId('run-period').fill('2025');
    await page.getByTestId('run-start').click();
    const banner = page.locator('[data-testid="start-run"] [data-testid="error-banner"]');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.locator('code').textContent()).toBe('CONFLICT');
    expect(await banner.textContent()).toContain('没有');
    expect(await page.getByTestId('evaluation-empty').isVisible()).toBe(true);
    expect((await apiGet<IndexRunList>(page, `${app.url}/api/index/runs`)).items).toEqual([]);
  });

  it('raised no uncaught errors in the page', () => {
    expect(s.errors).toEqual([]);
  });
});
