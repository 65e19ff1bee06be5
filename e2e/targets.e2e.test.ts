/**
 * 指标与目标 and the indicator drill-down on the default dataset: the chart with its target path and
 * projection and the figures of the progress API, the catalogue of 102 indicators, the plans side by side,
 * a provincial administrator editing a target (saved, and seen by progress), and a read-only analyst who
 * sees no edit controls and whose PUT is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type {
  IndicatorList,
  IndicatorSeries,
  PlanList,
  ProgressReport,
  ProgressRow,
  TargetList,
} from '../apps/web/src/api/types';
import { launchBrowser, logIn, newDesktopContext, screenshotPath } from './browser';
import { startApp, type RunningApp } from './harness';

const ANALYST = { username: 'e2e-analyst', password: 'Analyst-Sanda-2026x' } as const;

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
let asOf: string;

async function apiGet<T>(p: Page, url: string): Promise<T> {
  const response = await p.request.get(`${app.url}${url}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

const attr = (p: Page, selector: string, name: string): Promise<string[]> =>
  p.locator(selector).evaluateAll((els, n) => els.map((el) => el.getAttribute(n) ?? ''), name);

/** zh-CN figures as the page writes them, with an independent formatter. */
const fixed = (x: number, digits: number) =>
  new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  context = await newDesktopContext(browser);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) pageErrors.push(message.text());
  });
  await logIn(page, app.url, '/targets');
  asOf = await page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

describe('indicator drill-down', () => {
  let row: ProgressRow;
  let rows: ProgressRow[];

  beforeAll(async () => {
    const report = await apiGet<ProgressReport>(page, `/api/progress?unit=330000&asOf=${asOf}`);
    rows = report.items.filter((r) => r.indicator.code === 'urban_rural_income_ratio');
    const current = rows.find((r) => r.current);
    if (current === undefined) throw new Error('no current urban-rural target');
    row = current;
    await page.goto(`${app.url}/targets/indicator/urban_rural_income_ratio?unit=330000`);
    await page.getByTestId('indicator-chart').waitFor();
  });

  it('draws the values, the target path from the baseline and the dashed projection, as the API computes them', async () => {
    const chart = page.getByTestId('indicator-chart');
    expect(await page.getByTestId('indicator-title').textContent()).toBe(
      '城乡居民人均可支配收入比值(倍差) · 浙江省',
    );
    const series = (await chart.getAttribute('data-series'))?.split('|') ?? [];
    expect(series).toEqual(
      expect.arrayContaining(['年度值', '1–9月累计', '序时进度路径', '按现有增速推算', '规划目标']),
    );
    expect(row.baseline).not.toBeNull();
    expect(await chart.getAttribute('data-target-path')).toBe(
      `${row.baseline?.period}:${row.baseline?.value}>${row.year}:${row.targetValue}`,
    );
    expect(row.projected).not.toBeNull();
    expect(await chart.getAttribute('data-projection')).toBe(
      `${row.latest?.period}:${row.latest?.value}>${row.year}:${row.projected}`,
    );
    const values = await apiGet<IndicatorSeries>(
      page,
      '/api/indicators/urban_rural_income_ratio/series?unit=330000',
    );
    expect(await chart.getAttribute('data-observed')).toBe(
      String(values.items.filter((i) => i.counted).length),
    );
    expect(await page.locator('[data-testid="series-table"] tbody tr').count()).toBe(values.items.length);
    // The canvas is drawn (not blank).
    const box = await chart.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(300);
    expect(await chart.locator('canvas').count()).toBe(1);
  });

  it('shows the progress row’s numbers and every target of the indicator, the superseded one greyed', async () => {
    const figures = page.getByTestId('progress-figures');
    expect(await figures.getAttribute('data-target-id')).toBe(String(row.targetId));
    expect(await figures.getAttribute('data-status')).toBe(row.status);
    const figure = (key: string) => figures.locator(`[data-figure="${key}"] dd`).textContent();
    expect(await figure('latest')).toBe(`${fixed(row.latest?.value ?? NaN, 2)} 倍 (${row.latest?.period})`);
    expect(await figure('expected')).toBe(`${fixed(row.expected ?? NaN, 2)} 倍`);
    expect(await figure('gap')).toBe(
      `${(row.gap ?? 0) >= 0 ? '+' : '−'}${fixed(Math.abs(row.gap ?? NaN), 2)} 倍`,
    );
    expect(await figure('projected')).toBe(`${fixed(row.projected ?? NaN, 2)} 倍`);
    expect(await figure('ratio')).toBe(fixed(row.ratio ?? NaN, 2));
    expect(await page.getByTestId('annual-judgement').getAttribute('data-status')).toBe(row.annual?.status);

    const targetRows = '[data-testid="indicator-targets-table"] tbody tr';
    expect(await page.locator(targetRows).count()).toBe(rows.length);
    expect(await attr(page, `${targetRows}[data-superseded="true"]`, 'data-target-id')).toEqual(
      rows.filter((r) => r.supersededBy !== null).map((r) => String(r.targetId)),
    );
    expect(await page.locator(`${targetRows}[data-superseded="true"]`).first().textContent()).toContain(
      '已被 zj-2025-sancha 取代',
    );
  });

  it('draws another target when asked, and takes its screenshot', async () => {
    const other = rows.find((r) => r.targetId !== row.targetId && r.supersededBy === null);
    if (other === undefined) throw new Error('one governing target only');
    await page
      .locator(`[data-testid="indicator-targets-table"] tr[data-target-id="${other.targetId}"] a`)
      .click();
    await expect
      .poll(() => page.getByTestId('progress-figures').getAttribute('data-target-id'))
      .toBe(String(other.targetId));
    expect(await page.getByTestId('indicator-chart').getAttribute('data-target-path')).toContain(
      `>${other.year}:${other.targetValue}`,
    );
    await page.goto(`${app.url}/targets/indicator/urban_rural_income_ratio?unit=330000`);
    await page.getByTestId('progress-figures').waitFor();
    await page.mouse.move(1, 1);
    await page.waitForTimeout(600); // the chart's entry animation
    await page.screenshot({ path: screenshotPath('indicator-zh.png'), fullPage: true });
  });

  it('says so for an unknown indicator', async () => {
    await page.goto(`${app.url}/targets/indicator/no_such_indicator?unit=330000`);
    await page.getByTestId('indicator-not-found').waitFor();
  });
});

describe('指标与目标', () => {
  const TARGET_ROWS = '[data-testid="plan-targets-table"] tbody tr';

  beforeAll(async () => {
    await page.goto(`${app.url}/targets`);
    await page.locator('[data-testid="catalogue-table"] tbody tr').first().waitFor();
  });

  it('lists the 102 indicators of the catalogue and searches them', async () => {
    const indicators = await apiGet<IndicatorList>(page, '/api/indicators');
    expect(indicators.items).toHaveLength(102);
    expect(await page.locator('[data-testid="catalogue-table"] tbody tr').count()).toBe(102);
    expect(await page.getByTestId('catalogue-count').getAttribute('data-count')).toBe('102');
    await page.getByTestId('catalogue-search').fill('倍差');
    const ratios = indicators.items.filter((i) => `${i.nameZh}${i.definition}`.includes('倍差'));
    await expect
      .poll(() => page.locator('[data-testid="catalogue-table"] tbody tr').count())
      .toBe(ratios.length);
    await page.getByTestId('catalogue-search').fill('');
    await page.getByTestId('catalogue-domain').selectOption('gap_regional');
    await expect
      .poll(() => page.locator('[data-testid="catalogue-table"] tbody tr').count())
      .toBe(indicators.items.filter((i) => i.domain === 'gap_regional').length);
    await page.getByTestId('catalogue-domain').selectOption('');
  });

  it('shows the plans side by side with their number of targets', async () => {
    const plans = await apiGet<PlanList>(page, '/api/plans');
    const targets = await apiGet<TargetList>(page, '/api/targets');
    expect(await attr(page, '[data-testid="plan-card"]', 'data-plan')).toEqual(
      [...plans.items].sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : 1)).map((p) => p.code),
    );
    for (const plan of plans.items)
      expect(
        await page.locator(`[data-testid="plan-card"][data-plan="${plan.code}"]`).getAttribute('data-count'),
      ).toBe(String(targets.items.filter((t) => t.planCode === plan.code).length));
    // The province's own main plan is open first.
    expect(await page.getByTestId('plan-targets').getAttribute('data-plan')).toBe('zj-2025-sancha');
    const cards = page.locator('[data-testid="plan-card"]');
    const first = await cards.nth(0).boundingBox();
    const second = await cards.nth(1).boundingBox();
    expect(Math.abs((first?.y ?? 0) - (second?.y ?? 1))).toBeLessThan(2);
  });

  it('lets the provincial administrator edit a target inline, and the edit is saved', async () => {
    const before = await apiGet<TargetList>(
      page,
      '/api/targets?unit=330000&indicator=urban_rural_income_ratio&plan=zj-2025-sancha',
    );
    const target = before.items.find((t) => t.year === 2027);
    if (target === undefined) throw new Error('no 2027 target');
    const row = page.locator(`${TARGET_ROWS}[data-target-id="${target.id}"]`);
    expect(await row.getByTestId('target-value').textContent()).toBe('≤ 1.80 倍');
    await row.getByTestId('edit-target').click();
    expect(await attr(page, '[data-testid="edit-comparator"] option', 'value')).toEqual(['<=', '<']);
    await row.getByTestId('edit-value').fill('abc');
    await row.getByTestId('save-target').click();
    expect(await row.locator('.field-error').textContent()).toBe('请输入数值。');
    await row.getByTestId('edit-value').fill('1.78');
    await row.getByTestId('save-target').click();
    await page.getByTestId('edit-saved').waitFor();
    expect(await page.getByTestId('edit-saved').textContent()).toContain('城乡居民人均可支配收入比值(倍差)');
    await expect.poll(() => row.getByTestId('target-value').textContent()).toBe('≤ 1.78 倍');
    const after = await apiGet<TargetList>(
      page,
      '/api/targets?unit=330000&indicator=urban_rural_income_ratio&plan=zj-2025-sancha',
    );
    expect(after.items.find((t) => t.id === target.id)).toEqual({ ...target, value: 1.78 });
    const report = await apiGet<ProgressReport>(page, `/api/progress?unit=330000&asOf=${asOf}`);
    expect(report.items.find((r) => r.targetId === target.id)?.targetValue).toBe(1.78);
    await page.mouse.move(1, 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('targets-zh.png'), fullPage: true });
  });

  it('shows a read-only analyst no edit controls, and the server refuses their edit', async () => {
    const me = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
    const created = await page.request.post(`${app.url}/api/users`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        username: ANALYST.username,
        displayName: '省级分析员',
        role: 'province_analyst',
        scopeUnit: '330000',
        password: ANALYST.password,
      },
    });
    expect(created.status()).toBe(201);
    const other = await newDesktopContext(browser);
    try {
      const analyst = await other.newPage();
      await logIn(analyst, app.url, '/targets', ANALYST);
      await analyst.locator(TARGET_ROWS).first().waitFor();
      expect(await analyst.locator(TARGET_ROWS).count()).toBeGreaterThan(0);
      expect(await analyst.getByTestId('edit-target').count()).toBe(0);
      const targets = await apiGet<TargetList>(analyst, '/api/targets?unit=330000');
      const analystMe = await apiGet<{ csrfToken: string }>(analyst, '/api/auth/me');
      const refused = await analyst.request.put(`${app.url}/api/targets/${targets.items[0]?.id ?? 0}`, {
        headers: { 'x-csrf-token': analystMe.csrfToken },
        data: { comparator: '>=', value: 1, year: 2027 },
      });
      expect(refused.status()).toBe(403);
    } finally {
      await other.close();
    }
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
