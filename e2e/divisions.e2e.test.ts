import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CountyCollection } from '../apps/web/src/api/types';
import { MAP_LAYOUT } from '../apps/web/src/divisions/map-option';
import { launchBrowser, logIn, newDesktopContext, screenshotPath } from './browser';
import { startApp } from './harness';

// Members of 山区海岛县 (mountain_island) per data/groups.csv: the rows with valid_from ≤ date < valid_to
// (computed with python's csv module from the shipped file, then hard-coded).
const ISLAND_2025_01_01 = [
  '330127',
  '330305',
  '330324',
  '330327',
  '330328',
  '330329',
  '330723',
  '330727',
  '330803',
  '330822',
  '330824',
  '330825',
  '330881',
  '330922',
  '331022',
  '331023',
  '331024',
  '331121',
  '331122',
  '331123',
  '331124',
  '331125',
  '331126',
  '331127',
  '331181',
];
// 永嘉县, 苍南县 and 江山市 left the group on 2025-05-28.
const LEFT_2025_05_28 = ['330324', '330327', '330881'];
const ISLAND_2025_06_01 = ISLAND_2025_01_01.filter((code) => !LEFT_2025_05_28.includes(code));

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
  await logIn(page, app.url, '/divisions');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

/** Sets the date and waits until the member list answers for that date; returns the shown count. */
async function showMembersOn(date: string): Promise<number> {
  await page.getByTestId('asof-input').fill(date);
  const count = page.locator(`[data-testid="member-count"][data-as-of="${date}"]`);
  await count.waitFor();
  return Number(await count.getAttribute('data-count'));
}

/** Full-page screenshot from the top (the top bar is sticky) with the map tooltip gone. */
async function screenshot(name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500); // ECharts fades the tooltip out after the pointer leaves
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

async function listedCodes(): Promise<string[]> {
  const codes = await page
    .getByTestId('member-list')
    .locator('li')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-code') ?? ''));
  return codes.sort();
}

async function mapCodes(): Promise<string[]> {
  const attribute = await page.getByTestId('county-map').getAttribute('data-member-codes');
  return attribute === null || attribute === '' ? [] : attribute.split(',');
}

/** Where ECharts draws a point of the map inside a width × height container (see MAP_LAYOUT). */
function mapPixel(geo: CountyCollection, lng: number, lat: number, width: number, height: number) {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (coordinates: unknown): void => {
    if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') {
      const [x, y] = coordinates as number[];
      if (x === undefined || y === undefined) return;
      [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    } else if (Array.isArray(coordinates)) {
      coordinates.forEach(visit);
    }
  };
  geo.features.forEach((feature) => visit(feature.geometry.coordinates));
  const aspect = ((maxX - minX) / (maxY - minY)) * MAP_LAYOUT.aspectScale;
  const size = (MAP_LAYOUT.sizePercent / 100) * Math.min(width, height);
  const viewWidth = aspect > 1 ? size : size * aspect;
  const viewHeight = aspect > 1 ? size / aspect : size;
  const left = (MAP_LAYOUT.centerXPercent / 100) * width - viewWidth / 2;
  const top = (MAP_LAYOUT.centerYPercent / 100) * height - viewHeight / 2;
  return {
    x: left + ((lng - minX) / (maxX - minX)) * viewWidth,
    y: top + ((maxY - lat) / (maxY - minY)) * viewHeight,
  };
}

describe('区划 page', () => {
  it('shows the members of 山区海岛县 as of a date, on the list and on the map', async () => {
    // Logged in on /divisions: the login page brought the browser back here.
    expect(new URL(page.url()).pathname).toBe('/divisions');
    await page.getByTestId('county-map').locator('canvas').waitFor();
    const select = page.getByTestId('group-select');
    await expect.poll(() => select.isEnabled()).toBe(true);
    await select.selectOption('mountain_island');
    expect(await select.locator('option:checked').textContent()).toBe('山区海岛县');

    expect(await showMembersOn('2025-01-01')).toBe(25);
    expect(await page.getByTestId('member-count').textContent()).toBe('25 个县(市、区)');
    expect(await listedCodes()).toEqual(ISLAND_2025_01_01);
    expect(await mapCodes()).toEqual(ISLAND_2025_01_01);

    expect(await showMembersOn('2025-06-01')).toBe(22);
    expect(await page.getByTestId('member-count').textContent()).toBe('22 个县(市、区)');
    expect(await listedCodes()).toEqual(ISLAND_2025_06_01);
    expect(await mapCodes()).toEqual(ISLAND_2025_06_01);
    for (const code of LEFT_2025_05_28) {
      expect(await page.locator(`[data-testid="member-list"] li[data-code="${code}"]`).count()).toBe(0);
    }
  });

  it('has 26 members of 山区26县 before August 2024', async () => {
    await page.getByTestId('group-select').selectOption('mountain26');
    expect(await showMembersOn('2024-07-31')).toBe(26);
    expect(await mapCodes()).toEqual(await listedCodes());
    await page.getByTestId('group-select').selectOption('mountain_island');
    expect(await showMembersOn('2025-06-01')).toBe(22);
  });

  it('filters the members by city', async () => {
    // 丽水市 331100: eight of its nine counties are members on 2025-06-01 (莲都区 331102 left in 2024-08).
    await page.locator('[data-testid="city-filter"] button[data-code="331100"]').click();
    await expect.poll(() => page.getByTestId('member-count').getAttribute('data-count')).toBe('8');
    expect(await listedCodes()).toEqual(ISLAND_2025_06_01.filter((code) => code.startsWith('3311')));
    expect((await mapCodes()).every((code) => code.startsWith('3311'))).toBe(true);
    expect(await mapCodes()).toEqual(await listedCodes());
    await page.locator('[data-testid="city-filter"] button[aria-pressed="true"]').click();
    await expect.poll(() => page.getByTestId('member-count').getAttribute('data-count')).toBe('22');
  });

  it('shows the towns of a county clicked in the list or on the map', async () => {
    await page.locator('[data-testid="member-list"] li[data-code="331181"] button').click();
    const towns = page.getByTestId('town-list');
    await towns.locator('li[data-code^="331181"]').first().waitFor();
    expect(await towns.getByTestId('town-heading').textContent()).toContain('龙泉市');

    // 淳安县: hover its centroid, check the tooltip names it, then click it.
    // The API needs the session: ask through the browser context, which holds the cookie.
    const response = await page.request.get(`${app.url}/api/geo/counties`);
    const geo = (await response.json()) as CountyCollection;
    const chun_an = geo.features.find((f) => String(f.properties.adcode) === '330127');
    const centroid = chun_an?.properties['centroid'];
    expect(Array.isArray(centroid)).toBe(true);
    const [lng, lat] = centroid as number[];
    const box = await page.getByTestId('county-map').boundingBox();
    if (box === null || lng === undefined || lat === undefined) throw new Error('map or centroid missing');
    const point = mapPixel(geo, lng, lat, box.width, box.height);
    await page.mouse.move(box.x + point.x, box.y + point.y);
    await page
      .getByTestId('county-map')
      .locator('div', { hasText: '330127' })
      .last()
      .waitFor({ timeout: 5000 });
    expect(await page.getByTestId('county-map').textContent()).toContain('淳安县');
    await page.mouse.click(box.x + point.x, box.y + point.y);

    await page.locator('[data-testid="town-list"][data-code="330127"] li').first().waitFor();
    const townNames = await towns.locator('li').allTextContents();
    expect(townNames).toContain('千岛湖镇');
    expect(townNames.length).toBeGreaterThan(10);
    expect(
      await towns
        .locator('li[data-code]')
        .evaluateAll((lis) => lis.every((li) => li.getAttribute('data-code')?.startsWith('330127'))),
    ).toBe(true);
    await screenshot('divisions-zh.png');
  });

  it('switches to English, keeps the choice and the page state across a reload', async () => {
    await page.getByTestId('lang-switch').click();
    await page.locator('h1', { hasText: 'Divisions' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-nav="divisions"]').textContent()).toBe('Divisions');
    expect(await page.getByTestId('member-count').textContent()).toBe('22 counties (cities, districts)');
    expect(await page.getByTestId('asof-input').locator('xpath=..').textContent()).toContain('As of');

    await page.reload();
    await page.locator('[data-testid="member-count"][data-as-of="2025-06-01"]').waitFor();
    expect(await page.locator('h1').first().textContent()).toBe('Divisions');
    expect(await page.getByTestId('group-select').inputValue()).toBe('mountain_island');
    expect(await page.getByTestId('member-count').textContent()).toBe('22 counties (cities, districts)');
    await page.locator('[data-testid="town-list"][data-code="330127"] li').first().waitFor();
    expect(await page.getByTestId('town-heading').textContent()).toContain('towns and subdistricts');
    await page.getByTestId('county-map').locator('canvas').waitFor();
    await screenshot('divisions-en.png');

    await page.getByTestId('lang-switch').click();
    await page.locator('h1', { hasText: '区划' }).waitFor();
  });

  it("shows the server's error message for an unknown group", async () => {
    await page.goto(`${app.url}/divisions?group=no_such_group&asOf=2025-01-01`);
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    const text = (await banner.textContent()) ?? '';
    expect(text.replace('出错了：', '').trim().length).toBeGreaterThan(0);
    expect(await page.getByTestId('member-count').count()).toBe(0);
    // The contract's stable code is shown beside the server's message.
    expect(await banner.locator('code').textContent()).toBe('GROUP_NOT_FOUND');
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
