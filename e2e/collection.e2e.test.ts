/**
 * 数据填报 end to end on the default dataset: the administrator (over the API) defines a monthly county
 * data set with two income indicators and the rule urban ≥ rural, and creates a county user (常山县) and
 * its city user (衢州市). In the browser the county user opens the form, breaks the rule and sees the
 * error beside both fields, meets a value changed meanwhile by someone else ("yours vs theirs", reload),
 * enters an outlier that asks for a comment, comments and submits; the city user sees the unit in the
 * reporting rate, approves and locks; the value is then locked and read-only, with its history.
 *
 * The values typed are test inputs (模拟数据), entered into a temporary database only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DataSetInputDto } from '@suocha/contract';
import type { FormView, ReportingView } from '../apps/web/src/collection/collection-types';
import { launchBrowser, logIn, newDesktopContext, screenshotPath } from './browser';
import { startApp, type RunningApp } from './harness';

const COUNTY = { username: 'e2e-changshan', password: 'Changshan-Tianbao-2026' } as const;
const CITY = { username: 'e2e-quzhou', password: 'Quzhou-Shenhe-2026x' } as const;
const DATASET = 'e2e_county_income';

const DEFINITION: DataSetInputDto = {
  code: DATASET,
  nameZh: '县级居民收入月报',
  nameEn: 'County income (monthly)',
  periodKind: 'month',
  ytd: false,
  dueDay: 5,
  dueOffsetMonths: 1,
  level: 'county',
  scopeUnit: '330000',
  fields: [
    {
      indicatorCode: 'urban_income',
      valueType: 'number',
      min: 0,
      max: 1_000_000,
      required: true,
      softMin: null,
      // Above this an urban income needs a comment (min–max outlier band).
      softMax: 100_000,
    },
    {
      indicatorCode: 'rural_income',
      valueType: 'number',
      min: 0,
      max: 1_000_000,
      required: true,
      softMin: null,
      softMax: null,
    },
  ],
  rules: [
    {
      code: 'urban_ge_rural',
      expression: 'urban_income >= rural_income',
      messageZh: '城镇居民收入应不低于农村居民收入',
      messageEn: 'urban income must not be below rural income',
      severity: 'error',
      missing: 'skip_if_any_missing',
    },
  ],
  outlier: { method: 'minmax', threshold: 3, minHistory: 3 },
};

let app: RunningApp;
let browser: Browser;
let adminContext: BrowserContext;
let admin: Page;
let adminCsrf: string;
const pageErrors: string[] = [];
/** The period the page offers by default (the month before today's, Beijing time). */
let period: string;

async function csrfOf(p: Page): Promise<string> {
  const response = await p.request.get(`${app.url}/api/auth/me`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function getJson<T>(p: Page, url: string): Promise<T> {
  const response = await p.request.get(`${app.url}${url}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

function watch(p: Page): void {
  p.on('pageerror', (error) => pageErrors.push(error.message));
  p.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) pageErrors.push(message.text());
  });
}

async function shoot(p: Page, name: string): Promise<void> {
  await p.mouse.move(1, 1);
  // From the top: a scrolled full-page shot draws the sticky top bar mid-page.
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.screenshot({ path: screenshotPath(name), fullPage: true });
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  adminContext = await newDesktopContext(browser);
  admin = await adminContext.newPage();
  watch(admin);
  await logIn(admin, app.url, '/');
  adminCsrf = await csrfOf(admin);
  const created = await admin.request.post(`${app.url}/api/collection/datasets`, {
    headers: { 'x-csrf-token': adminCsrf },
    data: DEFINITION,
  });
  expect(created.status()).toBe(201);
  for (const [user, displayName, role, scopeUnit] of [
    [COUNTY, '常山县填报员', 'county', '330822'],
    [CITY, '衢州市审核员', 'city', '330800'],
  ] as const) {
    const response = await admin.request.post(`${app.url}/api/users`, {
      headers: { 'x-csrf-token': adminCsrf },
      data: { username: user.username, displayName, role, scopeUnit, password: user.password },
    });
    expect(response.status()).toBe(201);
  }
});

afterAll(async () => {
  await adminContext?.close();
  await browser?.close();
  await app?.close();
});

describe('the county user fills in and submits the form', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newDesktopContext(browser);
    page = await context.newPage();
    watch(page);
    await logIn(page, app.url, '/collection', COUNTY);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('chooses the data set, its own county and the current period by default', async () => {
    await page.getByTestId('collection-page').waitFor();
    await page.locator('[data-testid="choose-unit"] option').first().waitFor({ state: 'attached' });
    expect(await page.getByTestId('choose-dataset').inputValue()).toBe(DATASET);
    expect(await page.getByTestId('choose-unit').inputValue()).toBe('330822');
    period = await page.getByTestId('choose-period').inputValue();
    const today = await page.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7));
    // The month before this one: 2026-11 → 2026-10, 2027-01 → 2026-12.
    const [y, mo] = today.split('-').map(Number) as [number, number];
    expect(period).toBe(mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`);
    // The county's own reporting rate: one unit expected, not reported yet.
    const counts = page.getByTestId('reporting-counts');
    await counts.waitFor();
    expect(await counts.locator('[data-count="expected"] dd').textContent()).toBe('1');
    expect(await counts.locator('[data-count="not_yet"] dd').textContent()).toBe('1');
    expect(await page.locator('[data-testid="reporting-table"] tbody tr').getAttribute('data-unit')).toBe(
      '330822',
    );
    await shoot(page, 'collection-1-choice-zh.png');
  });

  it('opens an empty draft form with one row per indicator', async () => {
    await page.getByTestId('open-form').click();
    await page.getByTestId('form-table').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/collection/form/${DATASET}/330822/${period}`);
    expect(await page.getByTestId('form-state').getAttribute('data-state')).toBe('draft');
    expect(await page.getByTestId('form-state').textContent()).toBe('草稿');
    expect(
      await page
        .locator('[data-testid="field-row"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code'))),
    ).toEqual(['urban_income', 'rural_income']);
    expect(await page.locator('[data-code="urban_income"] th').textContent()).toContain(
      '城镇居民人均可支配收入',
    );
    expect(await page.locator('[data-code="urban_income"] .band-cell').textContent()).toContain('100,000');
    expect(await page.getByTestId('action-submit').isVisible()).toBe(true);
    expect(await page.getByTestId('action-approve').count()).toBe(0);
  });

  it('shows a broken rule beside both fields and in the summary, and stores nothing', async () => {
    await page.getByTestId('input-urban_income').fill('30000');
    await page.getByTestId('input-rural_income').fill('45000');
    await page.getByTestId('action-save').click();
    const summary = page.getByTestId('problem-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('城镇居民收入应不低于农村居民收入');
    for (const code of ['urban_income', 'rural_income']) {
      const error = page.getByTestId(`field-error-${code}`);
      expect(await error.textContent()).toContain('城镇居民收入应不低于农村居民收入');
      expect(await page.getByTestId(`input-${code}`).getAttribute('aria-invalid')).toBe('true');
    }
    await shoot(page, 'collection-2-rule-error-zh.png');
    const form = await getJson<FormView>(page, `/api/collection/forms/${DATASET}/330822/${period}`);
    expect(form.fields.map((f) => f.current)).toEqual([null, null]);
  });

  it('shows "yours vs theirs" when someone else saved a value meanwhile, and reloads', async () => {
    // The administrator stores the rural income while the county user's page still has none.
    const other = await admin.request.put(
      `${app.url}/api/collection/forms/${DATASET}/330822/${period}/values`,
      {
        headers: { 'x-csrf-token': adminCsrf },
        data: { values: [{ indicatorCode: 'rural_income', value: 44000, version: 0 }] },
      },
    );
    expect(other.status()).toBe(200);
    await page.getByTestId('input-urban_income').fill('68000');
    await page.getByTestId('action-save').click();
    const panel = page.getByTestId('conflict-panel');
    await panel.waitFor();
    const row = panel.locator('tr[data-code="rural_income"]');
    expect(await row.getByTestId('conflict-yours').textContent()).toBe('45,000');
    expect(await row.getByTestId('conflict-theirs').textContent()).toBe('44,000');
    expect(await row.textContent()).toContain('e2e-admin');
    await shoot(page, 'collection-3-conflict-zh.png');
    await page.getByTestId('conflict-reload').click();
    await expect.poll(() => page.getByTestId('conflict-panel').count()).toBe(0);
    expect(await page.getByTestId('input-rural_income').inputValue()).toBe('44000');
    expect(await page.getByTestId('input-urban_income').inputValue()).toBe('');
  });

  it('asks for a comment on an outlier, then submits with it', async () => {
    await page.getByTestId('input-urban_income').fill('168000');
    // Told before saving…
    await page.getByTestId('outlier-hint-urban_income').waitFor();
    await page.getByTestId('action-save').click();
    // …and refused by the server without a comment.
    const error = page.getByTestId('field-error-urban_income');
    await error.waitFor();
    expect(await error.locator('li').getAttribute('data-code')).toBe('OUTLIER_NEEDS_COMMENT');
    expect(await page.getByTestId('comment-urban_income').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'collection-4-outlier-zh.png');
    await page.getByTestId('comment-urban_income').fill('含一次性拆迁安置补偿');
    await page.getByTestId('action-submit').click();
    await expect.poll(() => page.getByTestId('form-state').getAttribute('data-state')).toBe('submitted');
    expect(await page.getByTestId('form-state').textContent()).toBe('已上报');
    expect(await page.getByTestId('readonly-notice').textContent()).toContain('等待上级审核');
    expect(await page.getByTestId('value-urban_income').textContent()).toBe('168,000');
    expect(await page.getByTestId('input-urban_income').count()).toBe(0);
    expect(await page.getByTestId('action-submit').count()).toBe(0);
    await shoot(page, 'collection-5-submitted-zh.png');
  });
});

describe('the city user approves and locks', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newDesktopContext(browser);
    page = await context.newPage();
    watch(page);
    await logIn(page, app.url, `/collection?dataset=${DATASET}&period=${period}`, CITY);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('imports a file: the dry run lists every located problem, a clean file is checked then written', async () => {
    const csv = (rows: readonly string[]) => ({
      name: '开化县填报.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`unit_code,indicator,period,value\n${rows.join('\n')}\n`, 'utf8'),
    });
    await page.getByTestId('import-panel').waitFor();
    // Not a number, and a county of another city (outside 衢州's scope).
    await page
      .getByTestId('import-file')
      .setInputFiles(
        csv([
          `330824,urban_income,${period},abc`,
          `330824,rural_income,${period},30000`,
          `330102,urban_income,${period},50000`,
        ]),
      );
    await page.getByTestId('import-dry-run').click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const rows = problems.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const located = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-line'), tr.getAttribute('data-column')]),
    );
    expect(located).toContainEqual(['2', 'value']);
    expect(located.some(([line]) => line === '4')).toBe(true);
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await shoot(page, 'collection-6a-import-problems-zh.png');

    await page
      .getByTestId('import-file')
      .setInputFiles(csv([`330824,urban_income,${period},52000`, `330824,rural_income,${period},30000`]));
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-checked').waitFor();
    const form = `/api/collection/forms/${DATASET}/330824/${period}`;
    expect((await getJson<FormView>(page, form)).fields.map((f) => f.current)).toEqual([null, null]);
    await page.getByTestId('import-run').click();
    expect(await page.getByTestId('import-done').textContent()).toContain('新增 2 个数值');
    expect((await getJson<FormView>(page, form)).fields.map((f) => f.current?.value)).toEqual([52000, 30000]);
    // The reporting view is read again: 开化县 now has a draft (imported, not submitted).
    await expect
      .poll(() =>
        page.locator('[data-testid="reporting-table"] tr[data-unit="330824"]').getAttribute('data-state'),
      )
      .toBe('draft');
  });

  it('sees which counties reported, as the reporting API counts them', async () => {
    const table = page.getByTestId('reporting-table');
    await table.waitFor();
    const view = await getJson<ReportingView>(page, `/api/collection/reporting/${DATASET}/${period}`);
    expect(view.root.code).toBe('330800');
    const counts = page.getByTestId('reporting-counts');
    expect(await counts.locator('[data-count="expected"] dd').textContent()).toBe(String(view.units.length));
    const reported = view.units.filter((u) => u.status === 'on_time' || u.status === 'late');
    expect(reported.map((u) => u.code)).toEqual(['330822']);
    const row = table.locator('tr[data-unit="330822"]');
    expect(await row.getAttribute('data-status')).toBe(reported[0]?.status);
    expect(await row.textContent()).toContain('已上报');
    expect(await table.locator('tbody tr[data-group="not_yet"]').count()).toBe(view.units.length - 1);
    await shoot(page, 'collection-6-reporting-city-zh.png');
    await row.getByRole('link').click();
    await page.getByTestId('form-table').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/collection/form/${DATASET}/330822/${period}`);
  });

  it('approves, then locks; the locked form is read-only and says so', async () => {
    expect(await page.getByTestId('form-state').getAttribute('data-state')).toBe('submitted');
    await page.getByTestId('action-approve').click();
    await expect.poll(() => page.getByTestId('form-state').getAttribute('data-state')).toBe('approved');
    expect(await page.getByTestId('form-state').textContent()).toBe('已审核');
    await page.getByTestId('action-lock').click();
    await expect.poll(() => page.getByTestId('form-state').getAttribute('data-state')).toBe('locked');
    expect(await page.getByTestId('form-state').textContent()).toBe('已锁定');
    expect(await page.getByTestId('locked-notice').textContent()).toContain('本表已锁定，只读');
    expect(await page.locator('[data-testid="form-table"] input').count()).toBe(0);
    expect(await page.getByTestId('value-urban_income').textContent()).toBe('168,000');
    // Reopening is offered (with a reason); approving or locking again is not.
    expect(await page.getByTestId('action-reopen').isVisible()).toBe(true);
    expect(await page.getByTestId('action-lock').count()).toBe(0);
    const form = await getJson<FormView>(page, `/api/collection/forms/${DATASET}/330822/${period}`);
    expect(form.state).toBe('locked');
    expect(form.fields.map((f) => [f.indicatorCode, f.current?.value, f.current?.status])).toEqual([
      ['urban_income', 168000, 'locked'],
      ['rural_income', 44000, 'locked'],
    ]);
    expect(form.fields[0]?.current?.comment).toBe('含一次性拆迁安置补偿');
    expect(
      await page
        .locator('[data-testid="form-events"] tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))),
    ).toEqual(['lock', 'approve', 'submit']);
  });

  it('shows a value’s history on demand: who, when, old → new, source', async () => {
    await page.getByTestId('history-toggle-rural_income').click();
    const history = page.getByTestId('history-rural_income');
    await history.locator('tbody tr').first().waitFor();
    const text = await history.textContent();
    expect(text).toContain('e2e-admin');
    expect(text).toContain('— → 44,000');
    await shoot(page, 'collection-7-locked-city-zh.png');
  });

  it('asks for a reason before reopening', async () => {
    await page.getByTestId('action-reopen').click();
    await page.getByTestId('reason-form').waitFor();
    await page.getByTestId('reason-confirm').click();
    expect(await page.getByTestId('reason-input').getAttribute('aria-invalid')).toBe('true');
    // Still locked: nothing was sent without a reason.
    expect(await page.getByTestId('form-state').getAttribute('data-state')).toBe('locked');
    await page.getByTestId('reason-cancel').click();
    expect(await page.getByTestId('reason-form').count()).toBe(0);
  });

  it('reads in English through the language switch', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('form-state').textContent()).toBe('Locked');
    expect(await page.getByTestId('locked-notice').textContent()).toContain('locked and read-only');
    expect(await page.getByTestId('form-notice').textContent()).toBe('Lock: done.');
    expect(await page.locator('[data-testid="form-table"] > thead').textContent()).toContain(
      'Same period last year',
    );
    await shoot(page, 'collection-8-locked-en.png');
    await page.getByTestId('lang-switch').click();
  });
});

describe('afterwards', () => {
  it('shows the county user the locked form read-only', async () => {
    const context = await newDesktopContext(browser);
    try {
      const page = await context.newPage();
      watch(page);
      await logIn(page, app.url, `/collection/form/${DATASET}/330822/${period}`, COUNTY);
      await page.getByTestId('locked-notice').waitFor();
      expect(await page.getByTestId('form-state').getAttribute('data-state')).toBe('locked');
      expect(await page.getByTestId('workflow-bar').locator('button').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
