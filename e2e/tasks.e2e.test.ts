/**
 * 重点工作与督办 on the default dataset with the default task list of seed 000 loaded (through the API) and
 * the demo orders of the supervision module (模拟数据, `loadDemoSupervision`): the demo orders listed and
 * labelled synthetic, the overdue one escalated and flagged; the task lists with their filters and an
 * overdue task flagged; the working group issues a 督办单 through the form; the
 * addressed county's user finds it in the inbox, acknowledges it and sees the timeline grow; a stale
 * second click is refused by the server and the refusal is shown; a county that is not the addressee is
 * refused; a progress update is added to a task; the order page in English.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type {
  InboxResponseDto,
  EscalationResponseDto,
  LoadDefaultTasksResponseDto,
  OrderDetailDto,
  OrderListResponseDto,
  TaskDetailDto,
  TaskListResponseDto,
} from '@suocha/contract';
import { buildServer } from '@suocha/server';
import { accessPolicy, createUser, loadDefaultDataset, loadDemoSupervision } from '@suocha/services';
import { openStore } from '@suocha/store';
import { launchBrowser, logIn, newDesktopContext, screenshotPath } from './browser';
import { E2E_ADMIN, type RunningApp } from './harness';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * The harness's app (default dataset, the e2e administrator, the built web app) plus the supervision
 * module's demo orders, which need the store: three synthetic orders from the province to seeded counties,
 * the first issued 20 days before `now` and so overdue at its step.
 */
async function startTasksApp(now: string): Promise<RunningApp & { readonly demoOrders: readonly string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'suocha-e2e-tasks-'));
  const dataDir = join(ROOT, 'data');
  const store = await openStore({ kind: 'sqlite', file: join(dir, 'e2e.db') });
  await loadDefaultDataset(store, { dataDir, divisions: 'zhejiang', now: '2026-01-01T00:00:00.000Z' });
  const demo = await loadDemoSupervision(store, { now, seed: 8 });
  const created = await createUser(
    store,
    {
      username: E2E_ADMIN.username,
      displayName: E2E_ADMIN.displayName,
      role: 'province_admin',
      scopeUnit: '330000',
      password: E2E_ADMIN.password,
    },
    now,
    accessPolicy(),
  );
  if (!created.ok) throw new Error(`e2e admin: ${created.error.message}`);
  const server = await buildServer({
    store,
    dataDir,
    version: 'e2e',
    webDir: join(ROOT, 'apps', 'web', 'dist'),
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const addr = server.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    demoOrders: demo.orders,
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The addressed county (常山县, 衢州市) and a county that is not addressed (江山市). */
const COUNTY = { username: 'e2e-changshan', password: 'Changshan-Duban-2026', unit: '330822' } as const;
const OTHER = { username: 'e2e-jiangshan', password: 'Jiangshan-Duban-2026', unit: '330881' } as const;
const OVERDUE_TASK = 'S000-01-01';
const ORDER_TITLE = '常山县强村富民任务逾期督办';

let app: RunningApp & { readonly demoOrders: readonly string[] };
let browser: Browser;
let adminContext: BrowserContext;
let admin: Page;
let countyContext: BrowserContext;
let county: Page;
const pageErrors: string[] = [];
let today: string;
let orderId: string;

const watch = (p: Page) => {
  p.on('pageerror', (error) => pageErrors.push(error.message));
  p.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) pageErrors.push(message.text());
  });
};

async function csrf(p: Page): Promise<string> {
  const response = await p.request.get(`${app.url}/api/auth/me`);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function apiGet<T>(p: Page, url: string): Promise<T> {
  const response = await p.request.get(`${app.url}${url}`);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** `YYYY-MM-DD` `days` from today (UTC, as the server counts). */
const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startTasksApp(new Date().toISOString());
  expect(app.demoOrders).toHaveLength(3);
  browser = await launchBrowser();
  adminContext = await newDesktopContext(browser);
  admin = await adminContext.newPage();
  watch(admin);
  await logIn(admin, app.url, '/tasks');
  today = shift(0);
  const token = await csrf(admin);
  const headers = { 'x-csrf-token': token };

  // The default task list of seed 000 (249 tasks; lead departments left to configure).
  const loaded = await admin.request.post(`${app.url}/api/tasks/load-default`, { headers });
  expect(loaded.status()).toBe(200);
  const load = (await loaded.json()) as LoadDefaultTasksResponseDto;
  expect(load.inserted + load.existing).toBe(249);

  // One task configured to concern 常山县 with a due date 20 days ago: overdue.
  const configured = await admin.request.put(`${app.url}/api/tasks/${OVERDUE_TASK}`, {
    headers,
    data: {
      unit: COUNTY.unit,
      dueDate: shift(-20),
      status: 'in_progress',
      milestones: [
        { id: 'm1', title: '制定工作方案', dueDate: shift(-40), completedOn: shift(-42) },
        { id: 'm2', title: '形成合作清单', dueDate: shift(-25) },
      ],
    },
  });
  expect(configured.status(), await configured.text()).toBe(200);

  for (const user of [COUNTY, OTHER]) {
    const created = await admin.request.post(`${app.url}/api/users`, {
      headers,
      data: {
        username: user.username,
        displayName: user === COUNTY ? '常山县督办联络员' : '江山市督办联络员',
        role: 'county',
        scopeUnit: user.unit,
        password: user.password,
      },
    });
    expect(created.status()).toBe(201);
  }
  countyContext = await newDesktopContext(browser);
  county = await countyContext.newPage();
  watch(county);
  await logIn(county, app.url, '/tasks', COUNTY);
}, 180_000);

afterAll(async () => {
  await countyContext?.close();
  await adminContext?.close();
  await browser?.close();
  await app?.close();
});

describe('task lists', () => {
  it('lists the four lists of the default tasks and flags the overdue task', async () => {
    await admin.goto(`${app.url}/tasks?tab=tasks`);
    await admin.getByTestId('task-table').waitFor();
    const list = await apiGet<TaskListResponseDto>(admin, '/api/tasks');
    expect(await admin.getByTestId('task-count').getAttribute('data-count')).toBe(String(list.items.length));
    expect(await admin.locator('[data-testid="task-table"] tbody tr').count()).toBe(list.items.length);
    for (const key of ['key_indicators', 'major_policies', 'major_reforms', 'key_projects'])
      expect(await admin.getByTestId(`list-chip-${key}`).count()).toBe(1);
    expect(await admin.getByTestId('list-chip-major_policies').textContent()).toContain('重大政策');

    const row = admin.locator(`[data-testid="task-table"] tr[data-code="${OVERDUE_TASK}"]`);
    expect(await row.getAttribute('data-deadline')).toBe('overdue');
    expect(await row.getByTestId('deadline-badge').getAttribute('data-tone')).toBe('overdue');
    expect(await row.getByTestId('deadline-badge').textContent()).toBe('逾期 20 天');

    await admin.getByTestId('filter-overdue').check();
    await expect
      .poll(() => admin.getByTestId('task-count').getAttribute('data-count'))
      .toBe(String(list.items.filter((t) => t.deadline.state === 'overdue').length));
    expect(await admin.locator('[data-testid="task-table"] tbody tr[data-deadline="overdue"]').count()).toBe(
      await admin.locator('[data-testid="task-table"] tbody tr').count(),
    );
    expect(admin.url()).toContain('overdue=1');
    await admin.screenshot({ path: screenshotPath('tasks-overdue-zh.png'), fullPage: true });

    await admin.getByTestId('filter-overdue').uncheck();
    await admin.getByTestId('list-chip-major_reforms').click();
    const reforms = list.items.filter((t) => t.list === 'major_reforms').length;
    await expect.poll(() => admin.getByTestId('task-count').getAttribute('data-count')).toBe(String(reforms));
    await admin.getByTestId('filter-section').selectOption('三(九)');
    const section = list.items.filter((t) => t.list === 'major_reforms' && t.section === '三(九)').length;
    await expect.poll(() => admin.getByTestId('task-count').getAttribute('data-count')).toBe(String(section));
    await admin.screenshot({ path: screenshotPath('tasks-list-zh.png'), fullPage: false });
  });
});

describe('demo orders', () => {
  it('are listed as synthetic; the overdue one is escalated one level up and flagged', async () => {
    const headers = { 'x-csrf-token': await csrf(admin) };
    const escalated = await admin.request.post(`${app.url}/api/supervision/escalations`, {
      headers,
      data: {},
    });
    expect(escalated.status(), await escalated.text()).toBe(200);
    const result = (await escalated.json()) as EscalationResponseDto;
    const first = app.demoOrders[0] ?? '';
    expect(result.escalated.map((e) => e.orderId)).toEqual([first]);

    await admin.goto(`${app.url}/tasks?tab=orders`);
    await admin.getByTestId('order-list').waitFor();
    const list = await apiGet<OrderListResponseDto>(admin, '/api/supervision/orders?open=true');
    const rows = admin.locator('[data-testid="order-list"] tbody tr');
    expect(await rows.count()).toBe(list.items.length);
    for (const id of app.demoOrders) {
      const row = admin.locator(`[data-testid="order-list"] tr[data-order-id="${id}"]`);
      expect(await row.getByTestId('synthetic-tag').textContent()).toBe('模拟数据');
    }
    const overdue = admin.locator(`[data-testid="order-list"] tr[data-order-id="${first}"]`);
    expect(await overdue.getAttribute('data-escalated')).toBe('true');
    expect(await overdue.getByTestId('deadline-badge').getAttribute('data-tone')).toBe('overdue');
    // Named, not by code: escalated to the city above the county.
    await expect
      .poll(() => overdue.getByTestId('escalated-flag').textContent())
      .toMatch(/^已升级至\D+市督办$/);
    // Most urgent first.
    expect(await rows.first().getAttribute('data-order-id')).toBe(first);
    await admin.screenshot({ path: screenshotPath('tasks-orders-zh.png'), fullPage: true });

    await overdue.locator('a').click();
    await admin.getByTestId('order-timeline').waitFor();
    expect(await admin.locator('[data-testid="order-timeline"] li').last().getAttribute('data-kind')).toBe(
      'escalate',
    );
    await admin.getByTestId('escalated-flag').waitFor();
    await admin.screenshot({ path: screenshotPath('tasks-order-escalated-zh.png'), fullPage: true });
  });
});

describe('supervision order', () => {
  it('is issued by the working group through the form, with its first timeline entry', async () => {
    await admin.goto(`${app.url}/tasks?tab=orders`);
    await admin.getByTestId('issue-form').waitFor();
    // Refused without a deadline: nothing is sent.
    await admin.getByTestId('issue-title').fill(ORDER_TITLE);
    await admin
      .getByTestId('issue-requirement')
      .fill('“唱好杭甬双城记”任务已逾期，请于 7 日内报送整改方案。');
    await admin.getByTestId('issue-unit').selectOption('330800');
    await admin.getByTestId('issue-subunit').selectOption(COUNTY.unit);
    await admin.getByTestId('issue-submit').click();
    await admin.getByTestId('issue-invalid').waitFor();
    await admin.screenshot({ path: screenshotPath('tasks-issue-form-zh.png'), fullPage: true });
    await admin.getByTestId('issue-due').fill(shift(30));
    await admin.getByTestId('issue-submit').click();
    await admin.getByTestId('order-page').waitFor();
    await admin.getByTestId('order-timeline').waitFor();
    orderId = (await admin.getByTestId('order-page').getAttribute('data-order-id')) ?? '';
    expect(orderId).toMatch(/^\d+$/);
    expect(await admin.getByTestId('order-title').textContent()).toBe(ORDER_TITLE);
    expect(await admin.getByTestId('order-addressee').textContent()).toBe('常山县');
    expect(await admin.getByTestId('order-timeline').getAttribute('data-count')).toBe('1');
    expect(await admin.getByTestId('order-header').getAttribute('data-state')).toBe('issued');
    // Acknowledging is the addressee's step: the issuer is offered nothing.
    await admin.getByTestId('no-actions').waitFor();
  });

  it('shows in the addressee’s inbox, with the overdue task', async () => {
    await county.goto(`${app.url}/tasks`);
    await county.getByTestId('inbox-respond').waitFor();
    const row = county.locator(`[data-testid="inbox-respond-table"] tr[data-order-id="${orderId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(ORDER_TITLE);
    expect(await row.getByTestId('order-state').getAttribute('data-state')).toBe('issued');
    const inbox = await apiGet<InboxResponseDto>(county, '/api/inbox');
    expect(inbox.toRespond.map((o) => o.id)).toContain(orderId);
    expect(inbox.tasks.map((t) => t.code)).toContain(OVERDUE_TASK);
    const taskRow = county.locator(`[data-testid="inbox-task-table"] tr[data-code="${OVERDUE_TASK}"]`);
    expect(await taskRow.getByTestId('deadline-badge').getAttribute('data-tone')).toBe('overdue');
    await county.screenshot({ path: screenshotPath('tasks-inbox-county-zh.png'), fullPage: true });
  });

  it('is acknowledged by the addressee: the timeline grows; a stale second click is refused clearly', async () => {
    const stale = await countyContext.newPage();
    watch(stale);
    await stale.goto(`${app.url}/tasks/order/${orderId}`);
    await stale.getByTestId('action-acknowledge').waitFor();

    await county.locator(`[data-testid="inbox-respond-table"] tr[data-order-id="${orderId}"] a`).click();
    await county.getByTestId('order-page').waitFor();
    expect(await county.getByTestId('order-actions').getAttribute('data-actions')).toBe('acknowledge');
    await county.getByTestId('action-text').fill('已签收，正在组织整改。');
    await county.getByTestId('action-acknowledge').click();
    await county.getByTestId('action-done').waitFor();
    expect(await county.getByTestId('order-timeline').getAttribute('data-count')).toBe('2');
    expect(await county.getByTestId('order-header').getAttribute('data-state')).toBe('acknowledged');
    const last = county.locator('[data-testid="order-timeline"] li').last();
    expect(await last.getAttribute('data-kind')).toBe('forward');
    expect(await last.textContent()).toContain('签收');
    expect(await last.textContent()).toContain('已签收，正在组织整改。');
    const detail = await apiGet<OrderDetailDto>(county, `/api/supervision/orders/${orderId}`);
    expect(await last.textContent()).toContain(`${detail.timeline[1]?.actorName}（常山县）`);
    // Next step: the rectification plan, which needs a text.
    expect(await county.getByTestId('order-actions').getAttribute('data-actions')).toBe('submit_plan');
    await county.getByTestId('action-submit_plan').click();
    await county.locator('.field-error').waitFor();
    await county.screenshot({ path: screenshotPath('tasks-order-county-zh.png'), fullPage: true });

    await stale.getByTestId('action-acknowledge').click();
    const error = stale.getByTestId('action-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('ILLEGAL_TRANSITION');
    expect(await error.textContent()).toContain('当前环节不能执行此操作');
    await stale.screenshot({ path: screenshotPath('tasks-order-refused-zh.png'), fullPage: false });
    // Reloading shows where the order stands: acknowledged, the plan is next.
    await stale.getByTestId('action-reload').click();
    await expect.poll(() => stale.getByTestId('order-timeline').getAttribute('data-count')).toBe('2');
    expect(await stale.getByTestId('order-actions').getAttribute('data-actions')).toBe('submit_plan');
    await stale.close();

    const after = await apiGet<OrderDetailDto>(admin, `/api/supervision/orders/${orderId}`);
    expect(after.timeline.map((e) => e.action)).toEqual(['issue', 'acknowledge']);
  });

  it('refuses a county that is not the addressee', async () => {
    const other = await newDesktopContext(browser);
    try {
      const p = await other.newPage();
      await logIn(p, app.url, '/tasks', OTHER);
      const response = await p.request.post(`${app.url}/api/supervision/orders/${orderId}/transitions`, {
        headers: { 'x-csrf-token': await csrf(p) },
        data: { action: 'submit_plan', text: '冒名报送' },
      });
      expect([403, 404]).toContain(response.status());
    } finally {
      await other.close();
    }
    const detail = await apiGet<OrderDetailDto>(admin, `/api/supervision/orders/${orderId}`);
    expect(detail.timeline).toHaveLength(2);
  });

  it('reads in English through the language switch', async () => {
    await admin.goto(`${app.url}/tasks/order/${orderId}`);
    await admin.getByTestId('order-timeline').waitFor();
    await admin.getByTestId('lang-switch').click();
    await expect.poll(() => admin.locator('h2').first().textContent()).toBe('Requirement');
    expect(await admin.getByTestId('order-header').textContent()).toContain('Acknowledged');
    expect(await admin.getByTestId('order-timeline').textContent()).toContain('Acknowledge');
    await admin.screenshot({ path: screenshotPath('tasks-order-en.png'), fullPage: true });
    await admin.getByTestId('lang-switch').click();
    await expect.poll(() => admin.locator('h2').first().textContent()).toBe('督办要求');
  });
});

describe('proposals', () => {
  it('become an order only when a person confirms one, citing its evidence', async () => {
    await admin.goto(`${app.url}/tasks?tab=orders`);
    const proposal = admin.locator('[data-testid="proposals-panel"] li.proposal').first();
    await proposal.waitFor();
    const key = (await proposal.getAttribute('data-key')) ?? '';
    const before = (await apiGet<OrderListResponseDto>(admin, '/api/supervision/orders')).items.length;
    await proposal.getByTestId('confirm-proposal').click();
    await admin.getByTestId('order-page').waitFor();
    await admin.getByTestId('order-evidence').waitFor();
    expect(await admin.locator('[data-testid="order-evidence"] li').first().getAttribute('data-kind')).toBe(
      key.split(':')[0],
    );
    expect(await admin.getByTestId('order-timeline').getAttribute('data-count')).toBe('1');
    const after = await apiGet<OrderListResponseDto>(admin, '/api/supervision/orders');
    expect(after.items.length).toBe(before + 1);
    expect(after.items.filter((o) => o.proposalKey === key)).toHaveLength(1);
    await admin.screenshot({ path: screenshotPath('tasks-order-from-proposal-zh.png'), fullPage: true });
  });
});

describe('task page', () => {
  it('takes a dated progress update with evidence and attachment names', async () => {
    await county.goto(`${app.url}/tasks/task/${OVERDUE_TASK}`);
    await county.getByTestId('task-title').waitFor();
    const before = await apiGet<TaskDetailDto>(county, `/api/tasks/${OVERDUE_TASK}`);
    expect(before.canUpdate).toBe(true);
    expect(
      await county.getByTestId('task-facts').getByTestId('deadline-badge').getAttribute('data-tone'),
    ).toBe('overdue');
    expect(before.milestones.map((x) => x.deadline.state)).toEqual(['done', 'overdue']);
    const milestones = county.locator('[data-testid="milestones-panel"] li');
    expect(await milestones.count()).toBe(2);
    expect(await milestones.nth(1).getByTestId('deadline-badge').textContent()).toBe('逾期 25 天');
    await county.getByTestId('update-date').fill(today);
    await county.getByTestId('update-text').fill('已完成杭甬两地联席会议，形成合作清单。');
    await county.getByTestId('update-attachments').fill('联席会议纪要.pdf\n合作清单.xlsx');
    await county.getByTestId('update-milestone').selectOption('m2');
    await county.getByTestId('update-submit').click();
    await county.getByTestId('update-saved').waitFor();
    await expect
      .poll(() => county.getByTestId('task-updates').getAttribute('data-count'))
      .toBe(String(before.updates.length + 1));
    const first = county.locator('[data-testid="task-updates"] li').first();
    expect(await first.textContent()).toContain('联席会议纪要.pdf');
    expect(await first.textContent()).toContain(today);
    // The update completed milestone m2.
    await expect
      .poll(() =>
        county
          .locator('[data-testid="milestones-panel"] li[data-milestone="m2"]')
          .getAttribute('data-deadline'),
      )
      .toBe('done');
    await county.screenshot({ path: screenshotPath('tasks-task-zh.png'), fullPage: true });
  });

  it('mounts the pilots and case library under its own tab, also for a link to one case', async () => {
    await admin.goto(`${app.url}/tasks`);
    await admin.getByTestId('tab-cases').click();
    await admin.getByTestId('pilots-and-cases').waitFor();
    expect(admin.url()).toContain('tab=cases');
    await admin.goto(`${app.url}/tasks/case/1`);
    await admin.getByTestId('pilots-and-cases').waitFor();
    expect(await admin.getByTestId('tasks-page').getAttribute('data-tab')).toBe('cases');
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
