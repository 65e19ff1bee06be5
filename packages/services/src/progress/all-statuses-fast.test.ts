/**
 * The fast path (`allTargetStatuses`) against the straightforward one (`judgeAllTargets`, the core engine
 * on each target's full series) on a random world generated with a fixed seed, on both engines: every
 * target must get the same status, role and counts. The world is built to reach the corners: several
 * seasonalities per series, two spellings of one period, a period with a comma in it, values not
 * approved or not yet ended, non-positive values, plan baselines, superseded targets, targets without data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  childPath,
  mulberry32,
  parsePeriod,
  periodEndDate,
  provinceOf,
  type Comparator,
  type ProgressStatus,
} from '@suocha/core';
import {
  bulkInsertObservations,
  insertCatalogue,
  insertUnits,
  type NewObservation,
  type NewTarget,
  type Store,
  type UnitRow,
} from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { judgeAllTargets } from './all-statuses';
import { allTargetStatuses } from './all-statuses-fast';

const AS_OF = '2025-06-30';
const META = { by: 'test', at: '2026-01-01T00:00:00.000Z', reason: '模拟数据 test' };

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

// Periods drawn for the series: annual values, 1–9月 year-to-date values (one of them also under a second
// spelling), a month, a half, a year not ended by AS_OF, and strings that are not periods.
const PERIODS = [
  '2019',
  '2020',
  '2021',
  '2022',
  '2023',
  '2024',
  '2025',
  '2023Q3-YTD',
  '2024Q3-YTD',
  '2024-Q3-YTD',
  '2022Q3-YTD',
  '2024-11',
  '2025H1',
  '20x4',
  '2023,2024',
];

/** A random world (模拟数据) from `seed`: 4 cities × 6 counties, 6 indicators, 2 plans. */
async function loadRandomWorld(store: Store, seed: number): Promise<void> {
  const rng = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const cn = unit('100000', 'country', null);
  const zj = unit('330000', 'province', cn);
  const units: UnitRow[] = [cn, zj];
  for (let c = 1; c <= 4; c++) {
    const city = unit(`3301${c}0`, 'city', zj);
    units.push(city);
    for (let k = 1; k <= 6; k++) units.push(unit(`3301${c}${k}`, 'county', city));
  }
  await insertUnits(store, units);
  const judged = units.filter((u) => u.level !== 'country');
  const indicators = Array.from({ length: 6 }, (_, i) => ({
    code: `x${i}`,
    nameZh: `模拟指标${i}`,
    nameEn: `synthetic ${i}`,
    unit: 'x',
    polarity: i % 3 === 2 ? ('down' as const) : ('up' as const),
    domain: 'test',
    definition: i === 4 ? '模拟数据, linear' : '模拟数据',
    source: 'test',
  }));
  const targets: NewTarget[] = [];
  const observations: NewObservation[] = [];
  for (const ind of indicators) {
    for (const u of judged) {
      const up = ind.polarity === 'up';
      const comparator: Comparator = rng() < 0.1 ? '=' : up ? pick(['>=', '>']) : pick(['<=', '<']);
      const level = 10 + rng() * 100;
      for (const plan of ['p1', 'p2'])
        for (const year of [2025, 2027]) {
          if (rng() < 0.35) continue;
          const baseline = rng() < 0.2 ? pick(['2020', '2023Q3-YTD', '2021', 'bad']) : null;
          targets.push({
            indicatorCode: ind.code,
            planCode: plan,
            unitCode: u.code,
            year,
            comparator,
            value: Math.round(level * (up ? 1 + rng() * 0.6 : 1 - rng() * 0.4) * 100) / 100,
            baselinePeriod: baseline,
            baselineValue: baseline === null ? null : Math.round(level * (0.6 + rng() * 0.6) * 100) / 100,
            source: 'test',
          });
        }
      if (rng() < 0.1) continue; // a unit without any value for this indicator
      const periods = new Set(Array.from({ length: Math.floor(rng() * 9) }, () => pick(PERIODS)));
      for (const period of periods) {
        const parsed = parsePeriod(period);
        const trend = (up ? 1 : -1) * (rng() - 0.2) * 0.1;
        const year = parsed.ok ? parsed.value.year : 2020;
        const value =
          rng() < 0.04
            ? 0
            : Math.round(level * (1 + trend) ** (year - 2019) * (1 + rng() * 0.01) * 1000) / 1000;
        observations.push({
          indicatorCode: ind.code,
          unitCode: u.code,
          provinceCode: u.province_code,
          period,
          periodEnd: parsed.ok ? periodEndDate(parsed.value) : '2020-12-31',
          value: ind.definition.includes('linear') ? value - level : value,
          source: '模拟数据 test',
          note: '',
          status: rng() < 0.08 ? 'submitted' : 'approved',
          synthetic: rng() < 0.5,
        });
      }
    }
  }
  await insertCatalogue(store, {
    indicators,
    plans: [
      { code: 'p1', title: '旧规划', issuer: 't', issuedOn: '2021-05-01', scopeUnit: '330000', source: 't' },
      { code: 'p2', title: '新规划', issuer: 't', issuedOn: '2024', scopeUnit: '330000', source: 't' },
    ],
    targets,
  });
  await bulkInsertObservations(store, observations, META);
}

type Seen = Map<number, readonly [ProgressStatus, boolean, boolean]>;

for (const engine of testEngines()) {
  describe(`all statuses, fast and straightforward, on ${engine.name}`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
      await loadRandomWorld(opened.store, 20251130);
    });
    afterAll(async () => opened.cleanup());

    it('gives every target of a random seeded world the same status and role on both paths', async () => {
      const { store } = opened;
      const full: Seen = new Map();
      const a = await judgeAllTargets(store, { asOf: AS_OF }, (j) =>
        full.set(j.targetId, [j.result.status, j.governing, j.current]),
      );
      for (const parallel of [false, true]) {
        const fast: Seen = new Map();
        const b = await allTargetStatuses(store, { asOf: AS_OF, cache: false, parallel }, (t) =>
          fast.set(t.targetId, [t.status, t.governing, t.current]),
        );
        expect(b.cached).toBe(false);
        expect(fast).toEqual(full);
        expect(b.all).toEqual(a.all);
        expect(b.current).toEqual(a.current);
        expect(b.targets).toBe(a.targets);
      }
      // The world reaches the corners it was built for.
      const statuses = new Set([...full.values()].map((v) => v[0]));
      expect(statuses).toEqual(
        new Set(['achieved', 'on_track', 'needs_acceleration', 'limited_progress', 'moving_away', 'no_data']),
      );
      expect([...full.values()].some((v) => !v[1])).toBe(true); // superseded targets
      expect(a.targets).toBeGreaterThan(200);
    });

    it('answers a second call on unchanged data from the kept results, and reads again after a change', async () => {
      const { store } = opened;
      const first = await allTargetStatuses(store, { asOf: '2024-12-31', cache: false });
      const again = new Map<number, ProgressStatus>();
      const warm = await allTargetStatuses(store, { asOf: '2024-12-31' }, (t) =>
        again.set(t.targetId, t.status),
      );
      expect(warm.cached).toBe(true);
      expect(warm.all).toEqual(first.all);
      expect(again.size).toBe(first.targets);
      // A new value changes the data revision: the next call judges again and sees it.
      await bulkInsertObservations(
        store,
        [
          {
            indicatorCode: 'x0',
            unitCode: '330111',
            provinceCode: '330000',
            period: '2018',
            periodEnd: '2018-12-31',
            value: 1,
            source: '模拟数据 test',
            note: '',
            status: 'approved',
            synthetic: true,
          },
        ],
        META,
      );
      const after = await allTargetStatuses(store, { asOf: '2024-12-31' });
      expect(after.cached).toBe(false);
      const full = await judgeAllTargets(store, { asOf: '2024-12-31' });
      expect(after.all).toEqual(full.all);
    });

    it('judges only the indicators asked for, and none of an empty list', async () => {
      const { store } = opened;
      const some = await allTargetStatuses(store, { asOf: AS_OF, indicatorCodes: ['x1', 'x4'] });
      const full = await judgeAllTargets(store, { asOf: AS_OF, indicatorCodes: ['x1', 'x4'] });
      expect(some.all).toEqual(full.all);
      expect(some.targets).toBeGreaterThan(0);
      const none = await allTargetStatuses(store, { asOf: AS_OF, indicatorCodes: [] });
      expect(none.targets).toBe(0);
    });
  });
}
