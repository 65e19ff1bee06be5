import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mulberry32, normal } from '@suocha/core';
import type { HouseholdJob, ProgressReport, RegionalGaps } from '../apps/web/src/api/types';
import { launchBrowser, logIn, newDesktopContext, screenshotPath } from './browser';
import { startApp } from './harness';

/** Ratios and indices as the page writes them: zh-CN, four decimals (an independent formatter). */
const fourDecimals = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 4, maximumFractionDigits: 4 });

let browser: Browser;
let app: { url: string; close(): Promise<void> };
let context: BrowserContext;
let page: Page;
let dir: string;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
  context = await newDesktopContext(browser);
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  // The server's content security policy must not block anything the page does.
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) errors.push(message.text());
  });
  dir = mkdtempSync(join(tmpdir(), 'suocha-gaps-e2e-'));
  await logIn(page, app.url, '/gaps');
});

afterAll(async () => {
  await context?.close();
  await app?.close();
  await browser?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** The API answer, asked through the browser context so that the session cookie goes along. */
async function apiGet<T>(path: string): Promise<T> {
  const response = await page.request.get(`${app.url}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** Full-page screenshot from the top with tooltips gone. */
async function screenshot(name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(700); // ECharts fades tooltips out and finishes its entry animation
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

const text = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();
const statValue = async (id: string) =>
  ((await page.locator(`[data-testid="stat-${id}"] dd`).first().textContent()) ?? '').trim();

/** Waits for the regional answer of a level to be on screen (not a stale one being replaced). */
async function regionalResults(level: 'city' | 'county') {
  const results = page.locator(`[data-testid="regional-results"][data-level="${level}"][aria-busy="false"]`);
  await results.waitFor();
  return results;
}

describe('三大差距: regional gaps on the real default data', () => {
  it('opens /gaps with the cities compared for the period with most data: 2020Q3-YTD, max/min 1.6935', async () => {
    await page.getByTestId('gaps-page').waitFor();
    expect(await page.title()).toBe('三大差距 · 缩差 suocha');
    expect(await page.locator('[data-nav="gaps"]').getAttribute('aria-current')).toBe('page');
    const results = await regionalResults('city');
    expect(await results.getAttribute('data-period')).toBe('2020Q3-YTD');
    expect(await results.getAttribute('data-indicator')).toBe('resident_income');

    const answer = await apiGet<RegionalGaps>(
      '/api/gaps/regional?indicator=resident_income&of=330000&lineUnit=100000',
    );
    expect(answer.period).toBe('2020Q3-YTD');
    expect(answer.measures.maxMin?.ratio).toBeCloseTo(48735 / 28778, 12);
    expect(await statValue('max-min')).toBe('1.6935');
    expect(await text('max-min-highest')).toBe('杭州市');
    expect(await text('max-min-lowest')).toBe('丽水市');
    // Every headline figure is the server's, formatted.
    const theilT = answer.measures.theil?.theilT.total ?? Number.NaN;
    expect(await statValue('theil-t')).toBe(fourDecimals.format(theilT));
    expect(await statValue('cv')).toBe(fourDecimals.format(answer.measures.cv?.cv ?? Number.NaN));
    expect(await statValue('williamson')).toBe(
      fourDecimals.format(answer.measures.williamsonCv?.cv ?? Number.NaN),
    );

    // Coverage: all 11 cities, and the period list says how many units each period has.
    const coverage = page.getByTestId('coverage');
    expect(await coverage.getAttribute('data-with-data')).toBe('11');
    expect(await coverage.getAttribute('data-units')).toBe('11');
    expect(await coverage.textContent()).toContain('有数据 11/11 个设区市');
    const periods = await page.locator('[data-testid="period-select"] option').allTextContents();
    expect(periods).toContain('2020Q3-YTD · 有数据 11/11');
    expect(periods).toContain('2024 · 有数据 1/11');
    expect(periods[0]).toBe('自动（数据最多的期间）');

    // The map colours the 11 cities on the city boundaries; the ends list 杭州市 first and 丽水市 last.
    const map = page.getByTestId('value-map');
    expect(await map.getAttribute('data-map')).toBe('zhejiang-cities');
    expect(await map.getAttribute('data-coloured-count')).toBe('11');
    expect(await map.getAttribute('data-no-data-count')).toBe('0');
    expect(await page.locator('[data-testid="ends-top"] tbody tr').count()).toBe(5);
    expect(await page.locator('[data-testid="ends-top"] tbody tr').first().getAttribute('data-code')).toBe(
      '330100',
    );
    expect(await page.locator('[data-testid="ends-bottom"] tbody tr').first().getAttribute('data-code')).toBe(
      '331100',
    );
    // No national value for 2020Q3-YTD: no line, said so, nothing invented.
    expect(answer.measures.belowLine).toBeNull();
    await page.getByTestId('below-line-none').waitFor();

    // Urban-rural per city with the share of inequality between town and country.
    expect(await page.locator('[data-testid="urban-rural-table"] tbody tr[data-ratio]').count()).toBe(
      answer.urbanRural.units.length,
    );
    expect(answer.urbanRural.units.length).toBe(11);
    await page.getByTestId('urban-rural-share').waitFor();
    // Cities: no group (groups are made of counties); Theil split between town and country only.
    expect(await page.getByTestId('group-select').isDisabled()).toBe(true);
    expect(
      await page
        .locator('[data-testid="regional-theil"] tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => `${tr.getAttribute('data-by')}-${tr.getAttribute('data-measure')}`),
        ),
    ).toEqual(['area-T', 'area-L']);
    expect(await page.getByTestId('weights').getAttribute('data-kind')).toBe('population');
    expect(await page.getByTestId('synthetic-banner').count()).toBe(0);
    await screenshot('gaps-regional-zh.png');
  });

  it('says honestly how thin the county data are: 8 of 90 for 2024, the rest grey and listed', async () => {
    await page.getByTestId('level-county').click();
    const results = await regionalResults('county');
    expect(new URL(page.url()).searchParams.get('level')).toBe('county');
    const answer = await apiGet<RegionalGaps>(
      '/api/gaps/regional?indicator=resident_income&of=330000&level=county&group=mountain_island&lineUnit=100000',
    );
    expect(await results.getAttribute('data-period')).toBe(answer.period);
    expect(answer.period).toBe('2024');
    expect(answer.coverage).toMatchObject({ units: 90, withData: 8, withoutData: 82 });

    expect(await page.getByTestId('coverage').textContent()).toContain('有数据 8/90 个县(市、区)');
    const thin = (await page.getByTestId('coverage-thin').textContent()) ?? '';
    expect(thin).toContain('只有 8 个县(市、区)有已审核数据');
    expect(thin).toContain('未作填补');

    // Units without data are greyed, not hidden: 90 rows, 82 of them without a value.
    expect(await page.locator('[data-testid="units-table"] tbody tr').count()).toBe(90);
    expect(await page.locator('[data-testid="units-table"] tbody tr[data-has-value="false"]').count()).toBe(
      82,
    );
    const map = page.getByTestId('value-map');
    expect(await map.getAttribute('data-map')).toBe('zhejiang');
    expect(await map.getAttribute('data-coloured-count')).toBe('8');
    expect(await map.getAttribute('data-no-data-count')).toBe('82');
    // The group's members on the answer's date are outlined.
    const members = answer.units.filter((u) => u.inGroup).map((u) => u.code);
    expect(members.length).toBe(answer.group?.members);
    expect((await map.getAttribute('data-outlined-codes'))?.split(',')).toEqual([...members].sort());
    expect(await page.getByTestId('legend-group').textContent()).toContain('山区海岛县');

    // Group ratio to the province and the decompositions by city and by group, as the server has them.
    expect(await statValue('group-ratio')).toBe(
      fourDecimals.format(answer.measures.groupRatio?.ratioToParent ?? Number.NaN),
    );
    expect(
      await page
        .locator('[data-testid="regional-theil"] tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => `${tr.getAttribute('data-by')}-${tr.getAttribute('data-measure')}`),
        ),
    ).toEqual(['parent-T', 'parent-L', 'group-T', 'group-L', 'area-T', 'area-L']);
    const byGroup = answer.measures.decompositions.find((d) => d.by === 'group');
    const groupShare = await page
      .locator('[data-testid="regional-theil"] tr[data-by="group"][data-measure="T"] td[data-share]')
      .getAttribute('data-share');
    expect(Number(groupShare)).toBeCloseTo((byGroup?.theilT.between ?? 0) / (byGroup?.theilT.total ?? 1), 12);
    // The national 2024 value exists: the line is drawn from it.
    expect(answer.measures.belowLine?.lineUnit?.code).toBe('100000');
    expect(await page.getByTestId('below-line').getAttribute('data-count')).toBe(
      String(answer.measures.belowLine?.count),
    );
    await screenshot('gaps-regional-county-zh.png');
  });

  it('shows the three gaps with their targets', async () => {
    const panel = page.locator('[data-testid="gap-targets"]:not([data-progress="loading"])');
    await panel.waitFor();
    expect(await panel.getAttribute('data-progress')).toBe('available');
    const today = await page.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    const report = await apiGet<ProgressReport>(`/api/progress?unit=330000&asOf=${today}`);
    for (const code of [
      'urban_rural_income_ratio',
      'city_income_max_min_ratio',
      'mountain_island_income_ratio',
    ]) {
      const rows = report.items.filter((r) => r.indicator.code === code && r.governing);
      const body = panel.locator(`tbody[data-indicator="${code}"]`);
      expect(await body.locator('tr[data-year]').count()).toBe(rows.length);
      expect(
        await body
          .locator('tr[data-year]')
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status'))),
      ).toEqual([...rows].sort((a, b) => a.year - b.year || a.targetId - b.targetId).map((r) => r.status));
    }
    // The urban-rural ratio has a real latest value; the page shows it with its period.
    const urbanRural = report.items.find((r) => r.indicator.code === 'urban_rural_income_ratio' && r.current);
    if (urbanRural?.latest) {
      const latest = await panel
        .locator('tbody[data-indicator="urban_rural_income_ratio"] [data-testid="gap-latest"]')
        .first()
        .textContent();
      expect(latest).toContain(urbanRural.latest.period);
    }
  });
});

/** Real county codes, households with log-normal incomes (seeded), a few with zero income. */
function householdsCsv(counties: readonly string[], rows: number, seed: number): string {
  const rng = mulberry32(seed);
  const lines = ['id,unit_code,area,household_size,per_capita_income,weight'];
  for (let i = 0; i < rows; i++) {
    const county = counties[i % counties.length] ?? '330102';
    const rural = rng() < 0.35;
    const size = 1 + Math.floor(rng() * 5);
    const income = i % 97 === 13 ? 0 : Math.round(Math.exp(10.7 + (rural ? -0.35 : 0) + 0.55 * normal(rng)));
    const weight = (0.5 + rng() * 1.5).toFixed(3);
    lines.push(
      `h${String(i + 1).padStart(5, '0')},${county},${rural ? 'rural' : 'urban'},${size},${income},${weight}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('三大差距: household data', () => {
  it('uploads a generated CSV, shows its progress, then the measures the API computed', async () => {
    const subtree = await apiGet<{ items: { code: string }[] }>(
      '/api/units/330000/subtree?level=county&asOf=2024-12-31',
    );
    const counties = subtree.items.map((u) => u.code);
    expect(counties.length).toBe(90);
    const file = join(dir, '住户抽样-2024.csv');
    writeFileSync(file, householdsCsv(counties, 400, 20240601));

    await page.getByTestId('tab-households').click();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('households');
    await page.getByTestId('households-empty').waitFor();
    await page.getByTestId('household-file').setInputFiles(file);
    await page.getByTestId('household-submit').click();
    // The progress shows while the file is uploaded and read (the first poll comes after half a second).
    const progress = page.getByTestId('household-progress');
    await progress.waitFor();
    expect(['uploading', 'reading', 'measuring']).toContain(await progress.getAttribute('data-stage'));
    expect(await progress.locator('[role="progressbar"]').count()).toBe(1);

    await page.getByTestId('household-results').waitFor();
    expect(await progress.getAttribute('data-stage')).toBe('finished');
    expect(await progress.getAttribute('data-rows')).toBe('400');
    expect(await progress.textContent()).toContain('分析完成：共读取 400 行');

    const jobId = await page.getByTestId('households-tab').getAttribute('data-job-id');
    expect(jobId).toBeTruthy();
    const job = await apiGet<HouseholdJob>(`/api/gaps/households/jobs/${jobId}`);
    expect(job.status).toBe('done');
    const m = job.result?.measures;
    if (m === undefined) throw new Error('the job has no result');
    expect(m.households).toBe(400);
    const figure = async (id: string) =>
      ((await page.locator(`[data-testid="hh-${id}"] dd`).first().textContent()) ?? '').trim();
    expect(await figure('gini')).toBe(fourDecimals.format(m.gini ?? Number.NaN));
    expect(Number(await page.getByTestId('hh-gini').getAttribute('data-value'))).toBe(m.gini);
    expect(await figure('theil-t')).toBe(fourDecimals.format(m.theil?.theilT ?? Number.NaN));
    expect(await figure('s80s20')).toBe(fourDecimals.format(m.s80s20 ?? Number.NaN));
    expect(await figure('palma')).toBe(fourDecimals.format(m.palma ?? Number.NaN));
    expect(await figure('households')).toBe('400');

    // Lorenz curve and deciles drawn from the answer; Theil decomposed by the three groupings.
    expect(await page.getByTestId('lorenz-chart').getAttribute('data-points')).toBe(
      String(m.lorenz?.population.length),
    );
    expect(await page.getByTestId('decile-chart').getAttribute('data-groups')).toBe('10');
    expect(job.result?.by).toEqual(['urban_rural', 'city', 'county']);
    expect(await page.locator('[data-testid="household-theil"] tbody tr').count()).toBe(6);
    // Zero incomes: counted in the Gini, left out of Theil and Atkinson ε ≥ 1, and the page says how many.
    const excluded = m.theil?.excluded.households ?? 0;
    expect(excluded).toBeGreaterThan(0);
    expect(
      await page
        .locator('[data-testid="treatment-panel"] tr[data-measure="theil"]')
        .getAttribute('data-excluded'),
    ).toBe(String(excluded));
    expect(
      await page
        .locator('[data-testid="treatment-panel"] tr[data-measure="atkinson-0.5"]')
        .getAttribute('data-excluded'),
    ).toBe('0');
    await screenshot('gaps-households-zh.png');
  });

  it('rejects a bad file with its problems located by line and column', async () => {
    const file = join(dir, 'bad-households.csv');
    writeFileSync(
      file,
      [
        'id,unit_code,area,household_size,per_capita_income',
        'h1,330102,urban,3,52000',
        'h2,999999,urban,2,41000',
        'h3,330822,town,0,abc',
        '',
      ].join('\n'),
    );
    await page.getByTestId('household-file').setInputFiles(file);
    await page.getByTestId('household-submit').click();
    const problems = page.getByTestId('household-problems');
    await problems.waitFor();
    expect(await page.getByTestId('household-results').count()).toBe(0);
    const jobId = await page.getByTestId('households-tab').getAttribute('data-job-id');
    const job = await apiGet<HouseholdJob>(`/api/gaps/households/jobs/${jobId}`);
    expect(job.status).toBe('failed');
    expect(await problems.getAttribute('data-count')).toBe(String(job.problemCount));
    const located = await problems
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => `${tr.getAttribute('data-line')}:${tr.getAttribute('data-column')}`),
      );
    expect(located).toEqual((job.problems ?? []).map((p) => `${p.line}:${p.column ?? ''}`));
    expect(located).toEqual(['3:unit_code', '4:area', '4:household_size', '4:per_capita_income']);
    expect(await problems.textContent()).toContain('文件有 4 处问题，未作分析');
    expect(await page.getByTestId('household-progress').getAttribute('data-stage')).toBe('finished');
    await screenshot('gaps-households-problems-zh.png');
  });

  it('refuses a file type the server cannot read before sending it', async () => {
    const file = join(dir, 'households.txt');
    writeFileSync(file, 'id,unit_code\n');
    await page.getByTestId('household-file').setInputFiles(file);
    await page.getByTestId('household-submit').click();
    expect(await text('household-form-error')).toContain('不支持的文件类型：households.txt');
    expect(errors).toEqual([]);
  });
});

describe('三大差距 on the demo database (模拟数据)', () => {
  let demo: { url: string; close(): Promise<void> };
  let demoContext: BrowserContext;

  beforeAll(async () => {
    // Seeded synthetic county values (scripts/demo/make-demo-db.ts); few Monte Carlo samples: setup time.
    demo = await startApp({ demo: { seed: 1, samples: 20 } });
    demoContext = await newDesktopContext(browser);
  });

  afterAll(async () => {
    await demoContext?.close();
    await demo?.close();
  });

  it('puts the 模拟数据 banner above synthetic county values', async () => {
    const demoPage = await demoContext.newPage();
    await logIn(demoPage, demo.url, '/gaps?level=county&indicator=resident_income_province_ratio');
    await demoPage
      .locator('[data-testid="regional-results"][data-level="county"][aria-busy="false"]')
      .waitFor();
    const response = await demoPage.request.get(
      `${demo.url}/api/gaps/regional?indicator=resident_income_province_ratio&of=330000&level=county&group=mountain_island&lineUnit=100000`,
    );
    const answer = (await response.json()) as RegionalGaps;
    expect(answer.synthetic).toBe(true);
    const banner = demoPage.getByTestId('synthetic-banner');
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.getAttribute('data-label')).toBe(answer.syntheticLabel);
    expect(await banner.textContent()).toContain('模拟数据');
    // Above everything computed from it.
    const bannerBox = await banner.boundingBox();
    const resultsBox = await demoPage.getByTestId('regional-results').boundingBox();
    expect(bannerBox?.y ?? 9999).toBeLessThan(resultsBox?.y ?? 0);
    expect(await demoPage.locator('[data-testid="units-table"] .synthetic-tag').count()).toBeGreaterThan(0);
    await demoPage.mouse.move(1, 1);
    await demoPage.waitForTimeout(700);
    await demoPage.screenshot({ path: screenshotPath('gaps-regional-demo-zh.png'), fullPage: true });
  });
});
