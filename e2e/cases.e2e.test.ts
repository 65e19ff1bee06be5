/**
 * 试点与案例 on the tasks page (/tasks?tab=cases): the pilots of data/pilots.csv (loaded through
 * POST /api/pilots/load), a Chinese search with a 2-character term whose matches are marked and ranked
 * (title match first), a Latin/digit search, filtering by pilot, and a case opened with its full text.
 * The cases are test texts written here through POST /api/cases, not real cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CaseDto, CaseSearchResponse, MeDto } from '@suocha/contract';
import { launchBrowser, logIn, newDesktopContext, screenshotPath } from './browser';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const ids: Record<string, number> = {};

const CASES = [
  {
    key: 'gongfu',
    title: '共富工坊带动低收入农户增收（测试文本）',
    unitCode: '330824',
    tags: ['共富工坊', '扩中提低'],
    summary: '在村里建共富工坊，农户家门口就业。',
    body: '共富工坊引入来料加工，按件计酬。\n农户在家门口增收，村集体经济同步壮大。',
    pilotCode: null,
    source: '测试文本 (e2e test text)',
  },
  {
    key: 'homestead',
    title: '盘活闲置农房（测试文本）',
    unitCode: '330881',
    tags: ['宅基地'],
    summary: '宅基地制度改革让闲置农房“活”起来。',
    body: '闲置农房改造成民宿，带动村民走上共富路。5G直播推介乡村游。',
    pilotCode: 'jiangshan-homestead',
    source: '测试文本 (e2e test text)',
  },
  {
    key: 'childcare',
    title: '托育服务进乡村（测试文本）',
    unitCode: '330800',
    tags: ['托育'],
    summary: '托幼一体，方便农村家庭。',
    body: '乡镇幼儿园开设托班，托育教育一体化。',
    pilotCode: 'childcare-education',
    source: '测试文本 (e2e test text)',
  },
] as const;

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
  const me = (await (await page.request.get(`${app.url}/api/auth/me`)).json()) as MeDto;
  const headers = { 'x-csrf-token': me.csrfToken ?? '' };
  const loaded = await page.request.post(`${app.url}/api/pilots/load`, { headers, data: {} });
  expect(loaded.status()).toBe(200);
  for (const { key, ...c } of CASES) {
    const r = await page.request.post(`${app.url}/api/cases`, { headers, data: c });
    expect(r.status()).toBe(201);
    ids[key] = ((await r.json()) as CaseDto).id;
  }
  await page.goto(`${app.url}/tasks?tab=cases`);
  await page.getByTestId('pilots-and-cases').waitFor();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

const hitIds = (p: Page) =>
  p.getByTestId('case-hit').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-id'))));

async function search(words: string): Promise<void> {
  await page.getByTestId('case-search-input').fill(words);
  await page.getByTestId('case-search-submit').click();
  await page.locator('.cases-panel[data-state="ready"]').waitFor();
}

describe('试点与案例', () => {
  it('lists the seven pilots of data/pilots.csv with their kind and named units', async () => {
    await page.getByTestId('pilot-item').first().waitFor();
    expect(await page.getByTestId('pilot-item').count()).toBe(7);
    const comprehensive = page.locator('[data-testid="pilot-item"][data-kind="全域综合试点"]');
    expect(await comprehensive.count()).toBe(1);
    expect(await comprehensive.getByTestId('pilot-units').innerText()).toContain('3个市、14个县');
    const jiangshan = page.locator('[data-testid="pilot-item"][data-code="jiangshan-homestead"]');
    expect(await jiangshan.getByTestId('pilot-units').innerText()).toBe('江山市');
    await page.screenshot({ path: screenshotPath('cases-pilots.png'), fullPage: true });
  });

  it('searches a 2-character term, title match first, with the matches marked', async () => {
    await search('共富');
    const want = (await (
      await page.request.get(`${app.url}/api/cases?q=${encodeURIComponent('共富')}`)
    ).json()) as CaseSearchResponse;
    expect(await hitIds(page)).toEqual(want.items.map((h) => h.id));
    expect(await hitIds(page)).toEqual([ids.gongfu, ids.homestead]);
    const first = page.getByTestId('case-hit').first();
    expect(await first.locator('.case-hit-title mark').allInnerTexts()).toEqual(['共富']);
    expect(
      await page
        .getByTestId('case-hit')
        .nth(1)
        .getByTestId('case-hit-snippet')
        .locator('mark')
        .allInnerTexts(),
    ).toEqual(['共富']);
    expect(await page.getByTestId('case-result-count').getAttribute('data-total')).toBe('2');
    await page.screenshot({ path: screenshotPath('cases-search.png'), fullPage: true });
  });

  it('finds Latin letters and digits typed full-width, and nothing for an absent word', async () => {
    await search('５Ｇ');
    expect(await hitIds(page)).toEqual([ids.homestead]);
    expect(await page.locator('[data-testid="case-hit"] mark').allInnerTexts()).toEqual(['5G']);
    await search('不存在的词');
    expect(await hitIds(page)).toEqual([]);
  });

  it('filters by a pilot, and opens a case with its full text and the terms still marked', async () => {
    await search('');
    await page
      .locator('[data-testid="pilot-item"][data-code="childcare-education"]')
      .getByTestId('pilot-show-cases')
      .click();
    await page.locator('.cases-panel[data-state="ready"]').waitFor();
    expect(await hitIds(page)).toEqual([ids.childcare]);
    await page.getByTestId('case-pilot-filter').waitFor();
    await page.getByRole('button', { name: '清除' }).click();
    await search('农户 增收');
    expect(await hitIds(page)).toEqual([ids.gongfu]);
    await page.locator('.case-hit-title').first().click();
    await page.getByTestId('case-view-title').waitFor();
    expect(await page.getByTestId('case-view-body').innerText()).toContain('村集体经济同步壮大');
    expect(await page.getByTestId('case-view-body').locator('mark').allInnerTexts()).toEqual([
      '农户',
      '增收',
    ]);
    await page.screenshot({ path: screenshotPath('cases-view.png'), fullPage: true });
    await page.getByTestId('case-back').click();
    await page.getByTestId('case-hit').first().waitFor();
    expect(pageErrors).toEqual([]);
  });
});
