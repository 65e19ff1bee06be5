import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newDesktopContext, screenshotPath } from './browser';
import { E2E_ADMIN, startApp } from './harness';

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
  // The server's content security policy must not block anything the app itself does.
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

async function navLabels(): Promise<string[]> {
  return page.locator('[data-testid="sidenav"] .nav-label').allTextContents();
}

describe('login', () => {
  it('sends a visitor to the login page, in Chinese, and the API answers 401', async () => {
    await page.goto(`${app.url}/gaps`);
    await page.getByTestId('login-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/gaps');
    expect(await page.title()).toBe('登录 · 缩差 suocha');
    expect(await page.locator('h1').textContent()).toBe('用户登录');
    expect(await page.getByTestId('login-submit').textContent()).toBe('登录');
    expect((await page.request.get(`${app.url}/api/units/330000`)).status()).toBe(401);
    await page.screenshot({ path: screenshotPath('login-zh.png'), fullPage: true });
  });

  it('says when the password is wrong, without saying whether the user exists', async () => {
    for (const username of [E2E_ADMIN.username, 'no-such-user']) {
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill('wrong-password-1');
      await page.getByTestId('login-submit').click();
      await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('用户名或密码错误。');
      expect(await page.getByTestId('login-password').inputValue()).toBe('');
    }
  });

  it('logs in, returns to the page asked for, and shows the user, role and scope in the top bar', async () => {
    await page.getByTestId('login-username').fill(E2E_ADMIN.username);
    await page.getByTestId('login-password').fill(E2E_ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('gaps-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/gaps');
    const user = page.getByTestId('current-user');
    expect(await user.locator('.current-user-name').textContent()).toBe(E2E_ADMIN.displayName);
    expect(await user.locator('.current-user-role').textContent()).toBe('省级管理员 · 浙江省');
    expect(await page.getByTestId('logout').textContent()).toBe('退出');
    // The session cookie is HttpOnly: page scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('suocha_session');
    const cookie = (await context.cookies()).find((c) => c.name === 'suocha_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // Back on the login page while logged in: straight back into the app.
    await page.goto(`${app.url}/login`);
    await page.getByTestId('overview').waitFor();
  });
});

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
    // The directory of modules: every module is built.
    expect(await page.locator('.module-card[data-status="ready"]').count()).toBe(8);
    expect(await page.locator('.module-card[data-status="planned"]').count()).toBe(0);
    expect(await page.title()).toBe('总览 · 缩差 suocha');
    await page.screenshot({ path: screenshotPath('home-zh.png'), fullPage: true });
    await page.screenshot({ path: screenshotPath('shell-logged-in-zh.png') });
  });

  it('navigates in-app to another module and back', async () => {
    await page.locator('[data-nav="projects"]').click();
    await page.locator('h1', { hasText: '重大项目调度' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/projects');
    expect(await page.locator('[data-nav="projects"]').getAttribute('aria-current')).toBe('page');
    await page.goBack();
    await page.getByTestId('overview').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('serves deep links and says when a page does not exist', async () => {
    await page.goto(`${app.url}/bulletins`);
    await page.locator('[data-nav="bulletins"][aria-current="page"]').waitFor();
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
    expect(await page.locator('.current-user-role').textContent()).toBe('provincial administrator · 浙江省');
    expect(await page.getByTestId('logout').textContent()).toBe('Log out');
    await page.screenshot({ path: screenshotPath('home-en.png'), fullPage: true });
  });

  it('logs out with 退出 and the session no longer opens the API', async () => {
    await page.goto(app.url);
    await page.getByTestId('lang-switch').click();
    await page.locator('h1', { hasText: '总览' }).waitFor();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect((await context.cookies()).find((c) => c.name === 'suocha_session')).toBeUndefined();
    expect((await page.request.get(`${app.url}/api/auth/me`)).status()).toBe(401);
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
