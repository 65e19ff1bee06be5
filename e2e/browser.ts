import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { SCREENSHOT_DIR, launchChromium } from './harness';

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
