/**
 * Red projects → proposed 督办单 (issue 8 §2) on SQLite and PostgreSQL: a seeded 模拟数据 portfolio, the
 * dispatch board's red list of the month cited with light, rule and numbers, and a confirmed proposal
 * issued to the project's owner unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor } from '@suocha/core';
import { insertDepartment, insertUnits, type UnitRow } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { loadDemoProjects } from '../projects/demo';
import { dispatchBoard } from '../projects/status';
import { confirmProposal, listProposals } from './proposals-service';
import { projectsRedProjectSource, redProjectSource } from './red-projects';
import { testUnit as unit } from '@suocha/store/testing';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const qz = unit('330800', '衢州市', 'city', zj);
const ka = unit('330824', '开化县', 'county', qz);
const js = unit('330881', '江山市', 'county', qz);
const hz = unit('330100', '杭州市', 'city', zj);
const xh = unit('330106', '西湖区', 'county', hz);

const actor = (id: number, role: Actor['role'], u: UnitRow): Actor => ({
  userId: id,
  username: `${role}-${u.code}`,
  role,
  scopeUnit: u.code,
  scopePath: u.path,
  department: null,
  via: 'session',
});
const ADMIN = actor(1, 'province_admin', zj);
const QUZHOU = actor(2, 'city', qz);
const NOW = '2025-12-05T09:00:00.000Z';

for (const engine of testEngines()) {
  describe(`red projects as proposals (${engine.name})`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
      await insertUnits(opened.store, [cn, zj, qz, ka, js, hz, xh]);
      await insertDepartment(opened.store, { code: 'fgw', nameZh: '省发展改革委', nameEn: 'DRC' }, NOW);
      await loadDemoProjects(opened.store, { seed: 7, count: 80, month: '2025-11', now: NOW });
    }, 120_000);
    afterAll(async () => {
      await opened.cleanup();
    });

    it('cites every red project of the board of the month before, with light, rule and numbers', async () => {
      const board = await dispatchBoard(opened.store, ADMIN, { month: '2025-11', listLimit: 1000 });
      expect(board.redTotal).toBeGreaterThan(0);
      const evidence = await redProjectSource.redProjects(opened.store, '2025-12-05');
      expect(evidence.map((e) => e.projectCode)).toEqual(board.red.map((p) => p.code));
      for (const [i, e] of evidence.entries()) {
        const p = board.red[i];
        if (p === undefined) throw new Error('board');
        const lit = [p.metrics.scheduleLight, p.metrics.startLight].find((l) => l.light === 'red');
        expect(e).toMatchObject({
          kind: 'project',
          unit: p.ownerUnit,
          asOf: '2025-11',
          light: 'red',
          ruleId: lit?.ruleId,
        });
        expect(e.explanation).toContain(`规则 ${lit?.ruleId}`);
        expect(e.explanation).toContain(lit?.zh);
        expect(e.explanation).toMatch(/年度计划投资[\d.]+万元，累计完成[\d.]+万元$/);
      }
      // Another month can be asked for.
      const oct = projectsRedProjectSource({ monthOf: () => '2025-10' });
      const octBoard = await dispatchBoard(opened.store, ADMIN, { month: '2025-10', listLimit: 1000 });
      expect((await oct.redProjects(opened.store, '2025-12-05')).map((e) => e.projectCode)).toEqual(
        octBoard.red.map((p) => p.code),
      );
    });

    it('proposes one order per red project in scope; confirming issues it to the owner unit', async () => {
      const all = await listProposals(opened.store, ADMIN, {
        asOf: '2025-12-05',
        kinds: new Set(['project']),
        projects: redProjectSource,
      });
      const board = await dispatchBoard(opened.store, ADMIN, { month: '2025-11', listLimit: 1000 });
      expect(all.map((p) => p.key).sort()).toEqual(board.red.map((p) => `project:${p.code}`).sort());
      // A city sees only the red projects of its own counties.
      const quzhou = await listProposals(opened.store, QUZHOU, {
        asOf: '2025-12-05',
        kinds: new Set(['project']),
        projects: redProjectSource,
      });
      const inQuzhou = board.red.filter((p) => p.ownerUnitPath.startsWith(qz.path));
      expect(quzhou.map((p) => p.key).sort()).toEqual(inQuzhou.map((p) => `project:${p.code}`).sort());

      const first = all[0];
      const project = board.red.find((p) => `project:${p.code}` === first?.key);
      if (first === undefined || project === undefined) throw new Error('no proposal');
      expect(first.priority).toBe('high');
      expect(first.requirement).toContain(`${project.name}(${project.code}) 2025-11亮红灯`);
      const order = await confirmProposal(
        opened.store,
        ADMIN,
        { key: first.key, asOf: '2025-12-05' },
        NOW,
        redProjectSource,
      );
      expect(order.addressee).toMatchObject({ unit: project.ownerUnit, department: null });
      expect(order.evidence).toEqual([
        expect.objectContaining({ kind: 'project', projectCode: project.code, light: 'red' }),
      ]);
      expect(order.proposalKey).toBe(first.key);
      // The problem is now covered: no second proposal for it.
      const again = await listProposals(opened.store, ADMIN, {
        asOf: '2025-12-05',
        kinds: new Set(['project']),
        projects: redProjectSource,
      });
      expect(again.map((p) => p.key)).not.toContain(first.key);
      expect(again).toHaveLength(all.length - 1);
    });
  });
}
