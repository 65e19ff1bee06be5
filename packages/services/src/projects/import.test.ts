/**
 * The import's checks against earlier reports, which read only this month's current report and the
 * latest current one before it in the year (not every month of the year): a superseded version, a report
 * of the year before and one after the month imported must not count; the problems and the counts of new
 * versions and unchanged rows must be what the rules say. On both engines, from CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_TEMPLATE_COLUMNS } from '@suocha/contract';
import { childPath, provinceOf, type Actor } from '@suocha/core';
import {
  addReports,
  bulkLoadProjects,
  insertUnits,
  reportsOf,
  type NewProject,
  type NewReport,
  type UnitRow,
} from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { importProjectReports } from './import';

const META = { by: 'test', at: '2025-12-01T00:00:00.000Z' };
const NOW = '2025-12-05T08:00:00.000Z';

function unit(code: string, level: UnitRow['level'], parent: UnitRow | null): UnitRow {
  const path = childPath(parent?.path ?? null, code);
  return {
    code,
    name: `单位${code}`,
    level,
    parent_code: parent?.code ?? null,
    path,
    depth: ['country', 'province', 'city', 'county'].indexOf(level),
    province_code: provinceOf(path),
    valid_from: null,
    valid_to: null,
    source: 'test',
  };
}
const cn = unit('100000', 'country', null);
const zj = unit('330000', 'province', cn);
const c1 = unit('330110', 'city', zj);
const k1 = unit('330111', 'county', c1);
const c2 = unit('330120', 'city', zj);
const k2 = unit('330121', 'county', c2);

const project = (code: string, ownerUnit: string): NewProject => ({
  code,
  name: `项目${code}`,
  ownerUnit,
  leadDepartment: 'fgw',
  category: 'county_seat',
  stage: 'under_construction',
  totalInvestment: 10_000,
  plannedStart: '2024-01',
  plannedCompletion: '2027-12',
  actualStart: '2024-01',
  actualCompletion: null,
  synthetic: true,
});
const rep = (projectCode: string, month: string, completed: number, ytd: number): NewReport => ({
  projectCode,
  month,
  completedThisMonth: completed,
  ytdCompleted: ytd,
  started: true,
  note: '',
  problems: '',
  reason: '',
  origin: 'test',
  synthetic: true,
});

const cityUser: Actor = {
  userId: 2,
  username: 'city',
  role: 'city',
  scopeUnit: c1.code,
  scopePath: c1.path,
  department: null,
  via: 'session',
};

const csv = (rows: readonly (readonly (string | number)[])[]) =>
  Buffer.from(
    [PROJECT_TEMPLATE_COLUMNS.map((c) => c.zh), ...rows].map((r) => r.join(',')).join('\n') + '\n',
    'utf8',
  );
// code, name, owner, annual plan, this month, YTD, started, note, problems
const row = (code: string, completed: number, ytd: number) => [
  code,
  '',
  '',
  1200,
  completed,
  ytd,
  '是',
  '',
  '',
];

describe.each(testEngines())('project import checks on $name', (engine) => {
  let opened: OpenedStore;
  beforeAll(async () => {
    opened = await engine.open();
    const s = opened.store;
    await insertUnits(s, [cn, zj, c1, k1, c2, k2]);
    await bulkLoadProjects(
      s,
      {
        projects: ['A', 'B', 'C', 'D', 'E', 'F']
          .map((c) => project(c, k1.code))
          .concat(project('H', k2.code)),
        plans: [],
        reports: [
          // A: October corrected from 200 down to 150; the superseded 200 must not count.
          rep('A', '2025-09', 100, 100),
          rep('A', '2025-10', 100, 200),
          // B: 300 by October; 250 in November is a decrease.
          rep('B', '2025-10', 300, 300),
          // C and D: November already reported.
          rep('C', '2025-10', 40, 40),
          rep('C', '2025-11', 10, 50),
          rep('D', '2025-10', 50, 50),
          rep('D', '2025-11', 10, 60),
          // E: only last year's December (a larger YTD of another year).
          rep('E', '2024-12', 10, 9999),
          // F: a September report and a (later) December one; November continues from September.
          rep('F', '2025-09', 30, 30),
          rep('F', '2025-12', 5, 5),
        ],
      },
      META,
    );
    await addReports(s, [rep('A', '2025-10', 50, 150)], META);
  });
  afterAll(async () => opened.cleanup());

  it('judges each row against the latest current report before the month, and locates every problem', async () => {
    const file = csv([
      row('A', 20, 170),
      row('B', 0, 250),
      row('C', 10, 50),
      row('D', 20, 70),
      row('E', 10, 10),
      row('F', 10, 40),
      row('G', 1, 1),
      row('H', 1, 1),
    ]);
    const dry = await importProjectReports(opened.store, cityUser, file, {
      month: '2025-11',
      dryRun: true,
      now: NOW,
      format: 'csv',
      name: 'nov.csv',
    });
    expect(dry.problems.map((p) => [p.code, p.row, p.column, p.projectCode])).toEqual([
      ['REPORT_YTD_DECREASED', 3, 'F', 'B'],
      ['REPORT_YTD_MISMATCH', 3, 'F', 'B'],
      ['IMPORT_UNKNOWN_PROJECT', 8, 'A', 'G'],
      ['IMPORT_OUT_OF_SCOPE', 9, 'A', 'H'],
    ]);
    expect(dry).toMatchObject({ ok: false, written: false, rows: 8, newVersions: 1, unchanged: 1 });

    // Without the bad rows: A, D, E and F are written (D as version 2), C is left alone.
    const good = csv([
      row('A', 20, 170),
      row('C', 10, 50),
      row('D', 20, 70),
      row('E', 10, 10),
      row('F', 10, 40),
    ]);
    const real = await importProjectReports(opened.store, cityUser, good, {
      month: '2025-11',
      dryRun: false,
      now: NOW,
      format: 'csv',
    });
    expect(real).toMatchObject({
      ok: true,
      written: true,
      rows: 5,
      reports: 4,
      newVersions: 1,
      unchanged: 1,
    });
    const d = await reportsOf(opened.store, 'D');
    expect(d.filter((r) => r.month === '2025-11').map((r) => [r.version, r.current, r.ytdCompleted])).toEqual(
      [
        [2, true, 70],
        [1, false, 60],
      ],
    );
    expect((await reportsOf(opened.store, 'C')).filter((r) => r.month === '2025-11')).toHaveLength(1);
  });

  it('takes January without a previous month, whatever December of the year before said', async () => {
    const jan = await importProjectReports(opened.store, cityUser, csv([row('E', 10, 10)]), {
      month: '2025-01',
      dryRun: true,
      now: NOW,
      format: 'csv',
    });
    expect(jan.problems).toEqual([]);
    // … but a January YTD must equal January's amount.
    const bad = await importProjectReports(opened.store, cityUser, csv([row('E', 10, 12)]), {
      month: '2025-01',
      dryRun: true,
      now: NOW,
      format: 'csv',
    });
    expect(bad.problems.map((p) => p.code)).toEqual(['REPORT_YTD_MISMATCH']);
  });
});
