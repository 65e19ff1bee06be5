/**
 * The bulletin of a month on the real default dataset plus seeded 模拟数据 county values and a frozen index
 * run, on SQLite and PostgreSQL: preview, refusals, publication, and the snapshot that later data do not
 * change.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulletinTables, type ProjectsInput } from '@suocha/core';
import { BulletinContentSchema } from '@suocha/contract';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { loadDefaultDataset } from '../dataset/default-dataset';
import { loadDemoData } from '../index/demo-data';
import { createIndexRun } from '../index/run';
import { loadDemoProjects } from '../projects/demo';
import {
  bulletinContentHash,
  bulletinForMonth,
  listBulletins,
  publishBulletin,
  renderBulletin,
} from './bulletin-service';
import { BulletinError } from './errors';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
const NOW = '2026-01-10T08:00:00.000Z';
const opts = { now: NOW, evaluateWarnings: 'never' as const };

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof BulletinError ? e.code : String(e);
  }
};

for (const engine of testEngines()) {
  describe(`bulletins (${engine.name})`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
      await loadDefaultDataset(opened.store, { dataDir: DATA, divisions: 'zhejiang', now: NOW });
      const demo = await loadDemoData(opened.store, {
        seed: 1,
        forceSynthetic: false,
        dataDir: DATA,
        now: NOW,
      });
      if (!demo.ok) throw new Error(demo.error.message);
      const run = await createIndexRun(
        opened.store,
        { of: '330000', level: 'county', period: '2024', samples: 0, seed: 1 },
        { by: 'test', now: NOW, dataDir: DATA },
      );
      if (!run.ok) throw new Error(run.error.message);
    }, 240_000);
    afterAll(async () => {
      await opened.cleanup();
    });

    it('previews a month from its data: headline, targets, the league table of the run as of then', async () => {
      const view = await bulletinForMonth(opened.store, { ...opts, month: '2025-11' });
      expect(view.published).toBeNull();
      const c = view.content;
      expect(BulletinContentSchema.parse(c)).toEqual(c);
      expect(c.asOf).toBe('2025-11-30');
      expect(c.issueDate).toBe('2026-01-10');
      expect(c.issuer).toBe('浙江省缩小三大差距工作专班办公室');
      expect(c.sections.map((s) => s.key)).toEqual([
        'headline',
        'targets',
        'league',
        'warnings',
        'supervision',
        'tasks',
      ]);
      const headline = bulletinTables(c).find((t) => t.key === 'headline');
      // The real 2024 urban-rural income ratio of Zhejiang (data/observations.csv) is shown unmarked.
      const ratio = headline?.rows.find((r) => r.cells[0]?.startsWith('城乡居民人均可支配收入比值'));
      expect(ratio?.synthetic).toBe(false);
      expect(ratio?.cells[1]).not.toContain('模拟数据');
      const league = bulletinTables(c).find((t) => t.key === 'league');
      expect(league?.title).toContain('2024');
      expect(league?.rows.length).toBeGreaterThan(80);
      expect(league?.rows.every((r) => r.synthetic && (r.cells[3] ?? '').includes('模拟数据'))).toBe(true);
      expect(c.synthetic).toBe(true);
      // Only the projects section is left out: no project is loaded yet.
      expect(c.omitted).toEqual([
        '重大项目调度：本月无项目调度数据 (no project dispatch data for the month)',
      ]);
      expect(view.contentHash).toBe(bulletinContentHash(c));
    });

    it('leaves the league out before any run is as of the month', async () => {
      const view = await bulletinForMonth(opened.store, { ...opts, month: '2024-11' });
      expect(view.content.sections.map((s) => s.key)).not.toContain('league');
      expect(view.content.omitted.some((o) => o.includes('县域排名'))).toBe(true);
    });

    it('refuses a bad month, a month not ended and a month without data', async () => {
      expect(await code(bulletinForMonth(opened.store, { ...opts, month: '2025-13' }))).toBe('BAD_MONTH');
      expect(await code(bulletinForMonth(opened.store, { ...opts, month: '2026-01' }))).toBe(
        'MONTH_NOT_ENDED',
      );
      expect(await code(bulletinForMonth(opened.store, { ...opts, month: '1990-01' }))).toBe('NO_DATA');
      expect(await code(publishBulletin(opened.store, { ...opts, month: '1990-01', publishedBy: 'a' }))).toBe(
        'NO_DATA',
      );
      expect(await listBulletins(opened.store)).toEqual([]);
    });

    it('fills the projects section from its provider, with the red and yellow lists', async () => {
      const projects: ProjectsInput = {
        rows: [
          {
            code: 'ZJ-1',
            name: '红灯项目',
            unitName: '开化县',
            light: 'red',
            reason: '滞后序时进度40个百分点',
            completionRate: 0.5,
            plannedInvestment: 10,
            completedInvestment: 5,
            synthetic: false,
          },
        ],
        count: 1,
        lights: { red: 1, yellow: 0, green: 0, none: 0 },
        schedule: 11 / 12,
        plannedInvestment: 10,
        completedInvestment: 5,
        startRate: null,
        synthetic: false,
      };
      const view = await bulletinForMonth(opened.store, {
        ...opts,
        month: '2025-11',
        providers: { projects: async (_store, month) => (month.month === '2025-11' ? projects : null) },
      });
      const red = bulletinTables(view.content).find((t) => t.key === 'projects-red');
      expect(red?.rows.map((r) => r.cells[1])).toEqual(['红灯项目']);
      expect(view.content.sections.find((s) => s.key === 'projects')?.label).toBe('五、');
    });

    it('publishes once; the published month answers its snapshot whatever data arrive later', async () => {
      const published = await publishBulletin(opened.store, {
        ...opts,
        month: '2025-11',
        publishedBy: 'admin',
      });
      expect(published.published).toMatchObject({ month: '2025-11', publishedBy: 'admin', publishedAt: NOW });
      const docx = await renderBulletin(published.content, 'docx');
      // A later run as of the month changes what a fresh assembly would say …
      const later = await createIndexRun(
        opened.store,
        { of: '330000', level: 'county', period: '2025', asOf: '2025-11-30', samples: 0, seed: 1 },
        { by: 'test', now: NOW, dataDir: DATA },
      );
      if (!later.ok) throw new Error(later.error.message);
      // … but the published bulletin is its snapshot: same content, hash and bytes, on another day.
      const again = await bulletinForMonth(opened.store, {
        ...opts,
        month: '2025-11',
        now: '2026-02-01T00:00:00.000Z',
      });
      expect(again.content).toEqual(published.content);
      expect(again.contentHash).toBe(published.contentHash);
      expect(bulletinContentHash(again.content)).toBe(published.contentHash);
      expect((await renderBulletin(again.content, 'docx')).bytes.equals(docx.bytes)).toBe(true);
      expect(await code(publishBulletin(opened.store, { ...opts, month: '2025-11', publishedBy: 'b' }))).toBe(
        'ALREADY_PUBLISHED',
      );
      expect((await listBulletins(opened.store)).map((b) => [b.month, b.publishedBy])).toEqual([
        ['2025-11', 'admin'],
      ]);
    });
    it('writes the project dispatch section from the projects module, red and yellow lists complete', async () => {
      await loadDemoProjects(opened.store, { seed: 1, count: 60, month: '2025-11', now: NOW });
      const view = await bulletinForMonth(opened.store, { ...opts, month: '2025-10' });
      const section = view.content.sections.find((s) => s.key === 'projects');
      expect(section?.label).toBe('五、');
      expect(view.content.sections.map((s) => s.label + s.heading).slice(4)).toEqual([
        '五、重大项目调度',
        '六、重点问题督办',
        '七、重点工作监测',
      ]);
      const first = section?.blocks[0];
      expect(first?.kind === 'paragraph' && first.text).toMatch(/^纳入调度的重大项目60个，年度计划投资/);
      const tables = bulletinTables(view.content);
      const red = tables.find((t) => t.key === 'projects-red');
      const yellow = tables.find((t) => t.key === 'projects-yellow');
      const count = (s: string) =>
        Number(new RegExp(`${s}(\\d+)个`).exec(first?.kind === 'paragraph' ? first.text : '')?.[1]);
      expect(red?.rows.length).toBe(count('红灯'));
      expect(yellow?.rows.length).toBe(count('黄灯'));
      expect([...(red?.rows ?? []), ...(yellow?.rows ?? [])].every((r) => r.synthetic)).toBe(true);
      // The month published before the projects arrived keeps its snapshot.
      const nov = await bulletinForMonth(opened.store, { ...opts, month: '2025-11' });
      expect(nov.content.sections.map((s) => s.key)).not.toContain('projects');
    });
  });
}
