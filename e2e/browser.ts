import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { E2E_ADMIN, SCREENSHOT_DIR, launchChromium } from './harness';

/** The harness's headless Chromium, with the screenshot folder (git-ignored) ready. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return launchChromium();
}

/** A fresh context (empty localStorage) with a desktop viewport and a Chinese browser locale. */
export function newDesktopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

export function screenshotPath(name: string): string {
  return join(SCREENSHOT_DIR, name);
}

/** Logs in through the login page (where any page redirects first) and waits for the app shell. */
export async function logIn(
  page: Page,
  baseUrl: string,
  path = '/',
  user: { readonly username: string; readonly password: string } = E2E_ADMIN,
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByTestId('login-page').waitFor();
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}
