/**
 * 总览 on the default dataset (real figures only): the three gaps' headline cards, the table of every target
 * of a unit with its status, the filters by plan, domain and unit, the warnings summary, and screenshots in
 * both languages. Expected figures come from the API answered to the same browser session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Browser, Page } from 'playwright-core';
import type { IndicatorSeries, ProgressReport, ProgressRow, WarningsReport } from '../apps/web/src/api/types';
import { launchBrowser, logIn, newDesktopContext, screenshotPath } from './browser';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
let asOf: string;
let report: ProgressReport;

/** The API answer, asked through the browser context so that the session cookie goes along. */
async function apiGet<T>(url: string): Promise<T> {
  const response = await page.request.get(`${app.url}${url}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

const attr = (selector: string, name: string): Promise<string[]> =>
  page.locator(selector).evaluateAll((els, n) => els.map((el) => el.getAttribute(n) ?? ''), name);

const ROWS = '[data-testid="progress-table"] tbody tr';

/** The chips' labels (written out here, not taken from the app's catalogue). */
const STATUS_ZH: Record<ProgressRow['status'], string> = {
  achieved: '已实现',
  on_track: '按进度',
  needs_acceleration: '需加快',
  limited_progress: '进展有限',
  moving_away: '背离目标',
  no_data: '无数据',
};

/** The row the page shows as "the" target of an indicator: the one judged now. */
const currentRow = (code: string): ProgressRow => {
  const row = report.items.find((r) => r.indicator.code === code && r.current);
  if (row === undefined) throw new Error(`no current target for ${code}`);
  return row;
};

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  context = await newDesktopContext(browser);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) pageErrors.push(message.text());
  });
  await logIn(page, app.url, '/');
  // "Today" as the page computes it: the browser's local date (Asia/Shanghai in these tests).
  asOf = await page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
  report = await apiGet<ProgressReport>(`/api/progress?unit=330000&asOf=${asOf}`);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

describe('总览 headline cards', () => {
  it('shows the urban-rural income ratio 1.73 for 2025Q3-YTD against its 2027 target, with status and trend', async () => {
    await page.getByTestId('headlines').waitFor();
    const card = page.locator('[data-testid="headline-metric"][data-indicator="urban_rural_income_ratio"]');
    const row = currentRow('urban_rural_income_ratio');
    expect(row.latest).toMatchObject({ period: '2025Q3-YTD', value: 1.73 });
    expect(await card.getAttribute('data-latest')).toBe('1.73');
    expect(await card.getAttribute('data-period')).toBe('2025Q3-YTD');
    expect(await card.getByTestId('headline-value').textContent()).toBe('1.73');
    expect(await card.getByTestId('headline-period').textContent()).toBe('2025Q3-YTD');
    expect(await card.getByTestId('headline-target').textContent()).toContain(`${row.year} 年 ≤ 1.80 倍`);
    expect(await card.getAttribute('data-status')).toBe(row.status);
    expect(await card.locator('.progress-chip').first().textContent()).toBe(STATUS_ZH[row.status]);
    // The 1–9月 series is judged; the annual series has its own status beside it.
    expect(row.annual).not.toBeNull();
    expect(await card.getByTestId('headline-annual').getAttribute('data-status')).toBe(row.annual?.status);
    // The sparkline draws the judged 1–9月 values: as many as the API's series has of that seasonality.
    const series = await apiGet<IndicatorSeries>(
      '/api/indicators/urban_rural_income_ratio/series?unit=330000',
    );
    const ytd = series.items.filter((i) => i.counted && i.period.endsWith('Q3-YTD'));
    expect(await card.getByTestId('headline-sparkline').getAttribute('data-points')).toBe(String(ytd.length));
  });

  it('says 暂无数据 where there is no real value, never inventing one, and shows the target anyway', async () => {
    for (const code of ['city_income_max_min_ratio', 'mountain_island_income_ratio']) {
      const series = await apiGet<IndicatorSeries>(`/api/indicators/${code}/series?unit=330000`);
      expect(series.items.filter((i) => i.counted)).toEqual([]);
      const card = page.locator(`[data-testid="headline-metric"][data-indicator="${code}"]`);
      expect(await card.getByTestId('headline-no-data').textContent()).toBe('暂无数据');
      expect(await card.getAttribute('data-latest')).toBe('');
      expect(await card.getByTestId('headline-target').textContent()).toContain(
        String(currentRow(code).year),
      );
      expect(await card.getByTestId('headline-sparkline').count()).toBe(0);
    }
  });

  it('shows resident income with its latest approved value and no invented target', async () => {
    const series = await apiGet<IndicatorSeries>('/api/indicators/resident_income/series?unit=330000');
    const annual = series.items.filter((i) => i.counted && /^\d{4}$/.test(i.period));
    const latest = annual[annual.length - 1];
    const card = page.locator('[data-testid="headline-metric"][data-indicator="resident_income"]');
    expect(await card.getAttribute('data-latest')).toBe(String(latest?.value));
    expect(await card.getAttribute('data-status')).toBe('no_target');
    expect(await card.textContent()).toContain('规划未设定该区划的目标');
    expect(await page.getByTestId('headlines').locator('.headline-card').count()).toBe(3);
  });
});

describe('总览 target table', () => {
  it('lists the 42 targets of 浙江省 with the API’s statuses, superseded ones labelled', async () => {
    expect(report.items).toHaveLength(42);
    expect(await page.locator(ROWS).count()).toBe(42);
    expect(await page.getByTestId('progress-count').getAttribute('data-count')).toBe('42');
    const ids = await attr(ROWS, 'data-target-id');
    const statuses = await attr(ROWS, 'data-status');
    const byId = new Map(report.items.map((r) => [String(r.targetId), r]));
    expect(new Set(ids)).toEqual(new Set(byId.keys()));
    ids.forEach((id, i) => expect(statuses[i]).toBe(byId.get(id)?.status));
    const superseded = report.items.filter((r) => r.supersededBy !== null);
    expect(superseded.length).toBeGreaterThan(0);
    expect(await page.locator(`${ROWS}[data-superseded="true"]`).count()).toBe(superseded.length);
    const labels = await page.locator(`${ROWS} [data-testid="superseded-label"]`).allTextContents();
    expect(labels).toEqual(superseded.map((r) => `已被 ${r.supersededBy} 取代`));
    // The counts of the targets judged now are the API's.
    for (const [status, count] of Object.entries(report.counts))
      expect(
        await page
          .locator(`[data-testid="status-counts"] .status-count[data-status="${status}"]`)
          .getAttribute('data-count'),
      ).toBe(String(count));
    // The 2027 urban-rural target row: latest 1.73 (2025Q3-YTD) and a sparkline.
    const row = page.locator(`${ROWS}[data-target-id="${currentRow('urban_rural_income_ratio').targetId}"]`);
    expect(await row.getByTestId('cell-latest').textContent()).toBe('1.73 倍2025Q3-YTD');
    expect(await row.getByTestId('row-sparkline').count()).toBe(1);
  });

  it('filters by plan and by domain, and keeps the filter in the address', async () => {
    await page.getByTestId('plan-filter').selectOption('zj-2023-qianwan');
    const qianwan = report.items.filter((r) => r.plan.code === 'zj-2023-qianwan');
    expect(qianwan.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator(ROWS).count()).toBe(qianwan.length);
    expect((await attr(ROWS, 'data-plan')).every((p) => p === 'zj-2023-qianwan')).toBe(true);
    expect(new URL(page.url()).searchParams.get('plan')).toBe('zj-2023-qianwan');

    await page.getByTestId('plan-filter').selectOption('');
    await page.getByTestId('domain-filter').selectOption('gap_regional');
    const indicators = await apiGet<{ items: { code: string; domain: string }[] }>('/api/indicators');
    const regional = new Set(indicators.items.filter((i) => i.domain === 'gap_regional').map((i) => i.code));
    const expected = report.items.filter((r) => regional.has(r.indicator.code));
    await expect.poll(() => page.locator(ROWS).count()).toBe(expected.length);
    expect(new Set(await attr(ROWS, 'data-indicator'))).toEqual(
      new Set(expected.map((r) => r.indicator.code)),
    );
    await page.getByTestId('domain-filter').selectOption('');
    await expect.poll(() => page.locator(ROWS).count()).toBe(42);
  });

  it('switches the unit to 衢州市 (its own 42 targets) and its counties', async () => {
    const options = await attr('[data-testid="unit-filter"] option', 'value');
    expect(options).toEqual(['330000', '330800', '330822', '330824', '330825', '330881']);
    await page.getByTestId('unit-filter').selectOption('330800');
    const quzhou = await apiGet<ProgressReport>(`/api/progress?unit=330800&asOf=${asOf}`);
    await expect.poll(() => page.locator(ROWS).count()).toBe(quzhou.items.length);
    expect(await page.getByTestId('progress-panel').locator('h2').textContent()).toContain('衢州市');
    expect(new URL(page.url()).searchParams.get('unit')).toBe('330800');
    await page.getByTestId('unit-filter').selectOption('330824');
    await expect.poll(() => page.locator(ROWS).count()).toBe(1);
    await page.getByTestId('unit-filter').selectOption('330000');
    await expect.poll(() => page.locator(ROWS).count()).toBe(42);
  });

  it('summarises the warnings by severity as the API does', async () => {
    const warnings = await apiGet<WarningsReport>(`/api/warnings?unit=330000&asOf=${asOf}`);
    await page.getByTestId('warnings-summary').waitFor();
    for (const severity of ['red', 'orange', 'yellow'] as const)
      expect(await page.getByTestId(`severity-open-${severity}`).textContent()).toBe(
        String(warnings.open.filter((w) => w.severity === severity).length),
      );
    expect(await page.getByTestId('warnings-open').getAttribute('data-count')).toBe(
      String(warnings.open.length),
    );
    expect(await page.getByTestId('warnings-raised').getAttribute('data-count')).toBe(
      String(warnings.raised.length),
    );
    expect(await page.getByTestId('warnings-closed').getAttribute('data-count')).toBe(
      String(warnings.closed.length),
    );
  });

  it('opens the drill-down from a row', async () => {
    const target = currentRow('urban_rural_income_ratio').targetId;
    await page.locator(`${ROWS}[data-target-id="${target}"] .indicator-name a`).click();
    await page.getByTestId('indicator-chart').waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/targets/indicator/urban_rural_income_ratio');
    expect(url.searchParams.get('unit')).toBe('330000');
    expect(url.searchParams.get('target')).toBe(String(target));
    await page.goBack();
    await page.getByTestId('headlines').waitFor();
  });
});

describe('总览 screenshots', () => {
  async function screenshot(name: string): Promise<void> {
    await page.locator(ROWS).first().waitFor();
    await page.getByTestId('warnings-summary').waitFor();
    await page.mouse.move(1, 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath(name), fullPage: true });
  }

  it('in Chinese and in English', async () => {
    await page.goto(app.url);
    await page.getByTestId('headlines').waitFor();
    await screenshot('overview-zh.png');
    await page.getByTestId('lang-switch').click();
    await page.locator('h1', { hasText: 'Overview' }).waitFor();
    expect(await page.getByTestId('headline-urbanRural').locator('h2').textContent()).toBe('Urban-rural gap');
    expect(
      await page
        .locator('[data-testid="headline-metric"][data-indicator="city_income_max_min_ratio"]')
        .textContent(),
    ).toContain('No data yet');
    await screenshot('overview-en.png');
    await page.getByTestId('lang-switch').click();
    await page.locator('h1', { hasText: '总览' }).waitFor();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
