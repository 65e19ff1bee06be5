import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newDesktopContext, screenshotPath } from './browser';
import { startApp } from './harness';

const NAV_ZH = [
  '总览',
  '指标与目标',
  '三大差距',
  '县域评价',
  '重大项目',
  '重点工作与督办',
  '数据填报',
  '月度通报',
  '区划',
];

let app: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  context = await newDesktopContext(browser);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

async function navLabels(): Promise<string[]> {
  return page.locator('[data-testid="sidenav"] .nav-label').allTextContents();
}

describe('web shell', () => {
  it('opens the home page in Chinese with the top bar and all modules in the navigation', async () => {
    await page.goto(app.url);
    await page.getByTestId('overview').waitFor();
    const topbar = (await page.getByTestId('topbar').textContent()) ?? '';
    expect(topbar).toContain('缩差 suocha');
    expect(await page.getByTestId('province').textContent()).toBe('浙江省');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await navLabels()).toEqual(NAV_ZH);
    expect(await page.locator('[data-nav="overview"]').getAttribute('aria-current')).toBe('page');
    // The directory of modules: only 区划 is built; the rest say so.
    expect(await page.locator('.module-card[data-status="ready"]').count()).toBe(1);
    expect(await page.locator('.module-card[data-status="planned"]').count()).toBe(7);
    expect(await page.title()).toBe('总览 · 缩差 suocha');
    await page.screenshot({ path: screenshotPath('home-zh.png'), fullPage: true });
  });

  it('navigates in-app to an under-construction module and back', async () => {
    await page.locator('[data-nav="gaps"]').click();
    await page.locator('[data-testid="under-construction"][data-module="gaps"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/gaps');
    const placeholder = (await page.getByTestId('under-construction').textContent()) ?? '';
    expect(placeholder).toContain('建设中');
    expect(placeholder).toContain('泰尔指数');
    // An honest placeholder shows no figures, only what the module will do.
    expect(await page.getByTestId('under-construction').locator('table, canvas').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('placeholder-zh.png'), fullPage: true });
    await page.goBack();
    await page.getByTestId('overview').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('serves deep links and says when a page does not exist', async () => {
    await page.goto(`${app.url}/bulletins`);
    await page.locator('[data-testid="under-construction"][data-module="bulletins"]').waitFor();
    await page.goto(`${app.url}/no-such-page`);
    await page.getByTestId('not-found').waitFor();
  });

  it('switches to English and remembers it', async () => {
    await page.goto(app.url);
    await page.getByTestId('lang-switch').click();
    await page.locator('h1', { hasText: 'Overview' }).waitFor();
    expect(await navLabels()).toEqual([
      'Overview',
      'Indicators & targets',
      'Three gaps',
      'County evaluation',
      'Major projects',
      'Key tasks & supervision',
      'Data collection',
      'Monthly bulletin',
      'Divisions',
    ]);
    expect(await page.evaluate(() => window.localStorage.getItem('suocha.language'))).toBe('en');
    await page.reload();
    await page.locator('h1', { hasText: 'Overview' }).waitFor();
    expect(await page.getByTestId('province').textContent()).toBe('Zhejiang');
    await page.screenshot({ path: screenshotPath('home-en.png'), fullPage: true });
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
