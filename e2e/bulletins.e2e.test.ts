/**
 * 月度通报 on the demo database (模拟数据 county values and frozen index runs) with seeded demo projects:
 * the month's preview (the printable HTML in a sandboxed frame) with its numbered sections, red and yellow
 * project lists and 模拟数据 marks; the Word download; publication, after which the month answers its
 * snapshot and the Word file is the same bytes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { BulletinPreviewDto } from '@suocha/contract';
import { launchBrowser, logIn, newDesktopContext, screenshotPath } from './browser';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp({ demo: { seed: 1, samples: 0 } });
  browser = await launchBrowser();
  context = await newDesktopContext(browser);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) pageErrors.push(message.text());
  });
  await logIn(page, app.url, '/bulletins/2025-11');
  const me = (await (await page.request.get(`${app.url}/api/auth/me`)).json()) as { csrfToken: string };
  const demo = await page.request.post(`${app.url}/api/projects/demo`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { seed: 1, count: 300, month: '2025-11' },
  });
  expect(demo.status()).toBeLessThan(300);
}, 240_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

async function previewFrame(): Promise<Frame> {
  const handle = await page.getByTestId('bulletin-preview').elementHandle({ timeout: 60_000 });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no preview frame');
  await frame.locator('h1').waitFor();
  return frame;
}

describe('月度通报', () => {
  it('previews the month with numbered sections, the project lists and 模拟数据 marks', async () => {
    await page.goto(`${app.url}/bulletins/2025-11`);
    await page.getByTestId('bulletin-state').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('bulletin-state').textContent()).toContain('预览');
    expect(await page.getByTestId('bulletin-synthetic').textContent()).toContain('模拟数据');
    const frame = await previewFrame();
    const headings = await frame.locator('h2').allTextContents();
    expect(headings[0]).toBe('一、三大差距主要指标');
    expect(headings).toContain('三、县域城乡一体融合发展评价');
    expect(headings.some((h) => h.endsWith('重大项目调度'))).toBe(true);
    expect(await frame.locator('.synthetic').textContent()).toContain('模拟数据');
    expect(await frame.locator('table[data-table="projects-red"] tbody tr').count()).toBeGreaterThan(0);
    expect(await frame.locator('table[data-table="league"] tbody tr').count()).toBeGreaterThan(80);
    await page.screenshot({ path: screenshotPath('bulletins-preview.png'), fullPage: false });
    await page.getByTestId('bulletin-preview').screenshot({ path: screenshotPath('bulletins-frame.png') });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('downloads the Word document', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-docx').click(),
    ]);
    const file = screenshotPath('bulletin-2025-11.docx');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('月度通报-2025-11.docx');
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('publishes the month; afterwards it answers its snapshot', async () => {
    const before = await page.request.get(`${app.url}/api/bulletins/2025-11/docx`);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('publish').click();
    await page.getByTestId('bulletin-state').filter({ hasText: '已发布' }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('publish').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('bulletins-published.png') });
    const view = (await (
      await page.request.get(`${app.url}/api/bulletins/2025-11`)
    ).json()) as BulletinPreviewDto;
    expect(view.published?.publishedBy).toBe('e2e-admin');
    const after = await page.request.get(`${app.url}/api/bulletins/2025-11/docx`);
    expect(after.headers()['x-content-hash']).toBe(view.contentHash);
    // Previewed and published on the same day from the same data: the same file.
    expect(Buffer.from(await after.body()).equals(Buffer.from(await before.body()))).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
