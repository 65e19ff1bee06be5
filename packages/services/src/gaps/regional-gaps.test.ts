/**
 * Regional gap measures from stored data on both engines, over the real default dataset: the 11 cities'
 * 2020Q3-YTD incomes (statistics_income.csv) weighted by the 2020 census (statistics_census2020.csv), the
 * thin county-level data of 2024, and seeded demo values (模拟数据) for the towns of 开化县.
 *
 * Golden numbers were computed independently with numpy from the two CSV files (python3, numpy 2.4):
 * p = census population / Σ; μ = Σ p y; CV = y.std()/y.mean(); CV_w = sqrt(Σ p (y − μ)²)/μ;
 * T = Σ p (y/μ) ln(y/μ); L = Σ p ln(μ/y); group parts by the formulas of METHODS.md §2 written out per group.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '@suocha/core';
import { getSubtree, insertNewObservations } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { loadDefaultDataset } from '../dataset/default-dataset';
import { regionalGaps, type RegionalGapsRequest } from './regional-gaps';
import type { RegionalGaps } from './regional-types';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
const NOW = '2026-01-01T00:00:00.000Z';

const CITY_CODES = [
  '330100',
  '330200',
  '330300',
  '330400',
  '330500',
  '330600',
  '330700',
  '330800',
  '330900',
  '331000',
  '331100',
];

for (const engine of testEngines()) {
  describe(`regional gaps on ${engine.name}`, () => {
    let opened: OpenedStore;
    const run = async (req: RegionalGapsRequest): Promise<RegionalGaps> => {
      const r = await regionalGaps(opened.store, req);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value;
    };

    beforeAll(async () => {
      opened = await engine.open();
      await loadDefaultDataset(opened.store, { dataDir: DATA, divisions: 'zhejiang', now: NOW });
      // 模拟数据: seeded GDP per head for the 14 towns of 开化县 (no town populations exist), one of them
      // only submitted (not approved), which must not count.
      const towns = (await getSubtree(opened.store, '330824', 'town')) ?? [];
      const rng = mulberry32(5);
      await insertNewObservations(
        opened.store,
        towns.map((t, i) => ({
          indicatorCode: 'gdp_per_capita',
          unitCode: t.code,
          provinceCode: '330000',
          period: '2023',
          periodEnd: '2023-12-31',
          value: Math.round(40_000 + 40_000 * rng()),
          source: 'test seed 5',
          note: '',
          status: i === 0 ? 'submitted' : 'approved',
          synthetic: true,
        })),
        { by: 'test', at: NOW, reason: 'synthetic test data' },
      );
    });
    afterAll(async () => opened.cleanup());

    it('11 cities, resident income 2020Q3-YTD: max/min 48735/28778 (杭州/丽水) and every measure pinned', async () => {
      const g = await run({ indicator: 'resident_income', of: '330000' });
      expect(g.period).toBe('2020Q3-YTD');
      expect(g.periodChoice).toBe('most_units');
      expect(g.periods.find((p) => p.period === '2020Q3-YTD')?.units).toBe(11);
      expect(g.asOf).toBe('2020-09-30');
      expect(g.set).toBe('children');
      expect(g.level).toBe('city');
      expect(g.coverage).toEqual({ units: 11, withData: 11, withoutData: 0, share: 1 });
      expect(g.units.map((u) => u.code)).toEqual(CITY_CODES);
      expect(g.parent).toEqual({ code: '330000', name: '浙江省', value: 40121 });

      const mm = g.measures.maxMin!;
      expect(mm.max).toBe(48735);
      expect(mm.min).toBe(28778);
      expect(mm.ratio).toBeCloseTo(48735 / 28778, 12);
      expect(mm.ratio).toBeCloseTo(1.6935, 4);
      expect(mm.highest).toEqual([{ code: '330100', name: '杭州市', value: 48735 }]);
      expect(mm.lowest).toEqual([{ code: '331100', name: '丽水市', value: 28778 }]);

      // The 2020 census weighs a 2020Q3-YTD value (same year), for every city.
      expect(g.weights).toEqual({ kind: 'population', indicator: 'population', missing: [] });
      expect(g.units.every((u) => u.populationPeriod === '2020' && u.populationRule === 'same_year')).toBe(
        true,
      );
      expect(g.units.find((u) => u.code === '330100')?.population).toBe(11_936_010);

      expect(g.measures.mean).toBeCloseTo(42290.74337489577, 8);
      expect(g.measures.cv!.cv).toBeCloseTo(0.1511532776473426, 12);
      expect(g.measures.cv!.mean).toBeCloseTo(40056.545454545456, 8);
      expect(g.measures.williamsonCv!.cv).toBeCloseTo(0.12308170154623342, 12);
      expect(g.measures.theil!.theilT.total).toBeCloseTo(0.00794203714172113, 13);
      expect(g.measures.theil!.theilL.total).toBeCloseTo(0.008415796881850868, 13);
      // Children of one parent: no decomposition by parent; no group asked for.
      expect(g.measures.decompositions).toEqual([]);
      expect(g.measures.groupRatio).toBeNull();

      // Default reference line: the province's own value, 40121.
      const below = g.measures.belowLine!;
      expect(below.lineSource).toBe('parent');
      expect(below.line).toBe(40121);
      expect(below.units.map((u) => u.code)).toEqual(['330500', '330700', '330800', '331000', '331100']);
      expect(below.populationShare).toBeCloseTo(0.33801371053228746, 12);
      expect(g.synthetic).toBe(false);
      expect(g.syntheticLabel).toBeNull();
      // Plain JSON: a round trip changes nothing.
      expect(JSON.stringify(JSON.parse(JSON.stringify(g)))).toBe(JSON.stringify(g));
    });

    it('urban-rural gap per city and its share of total inequality over the urban and rural halves', async () => {
      const ur = (await run({ indicator: 'resident_income', of: '330000', period: '2020Q3-YTD' })).urbanRural;
      expect(ur.units).toHaveLength(11);
      expect(ur.missing).toEqual([]);
      const hz = ur.units.find((u) => u.code === '330100')!;
      expect(hz).toMatchObject({
        urban: 54754,
        rural: 29439,
        difference: 54754 - 29439,
        populationPeriod: '2020',
      });
      expect(hz.ratio).toBeCloseTo(54754 / 29439, 12);
      expect(hz.theil!.theilT).toBeCloseTo(0.019981440452515646, 12);
      expect(hz.theil!.theilL).toBeCloseTo(0.023280134658059254, 12);
      expect(ur.highestRatio.map((u) => u.code)).toEqual(['331100']);
      expect(ur.lowestRatio.map((u) => u.code)).toEqual(['330400']);
      expect(ur.parent).toMatchObject({ code: '330000', urban: 47545, rural: 25505 });
      const q = ur.inequality!;
      expect(q.excluded).toEqual([]);
      expect(q.byArea.theilT.total).toBeCloseTo(0.035511938292251514, 12);
      expect(q.byArea.theilL.total).toBeCloseTo(0.04025068428554352, 12);
      expect(q.byArea.theilT.between).toBeCloseTo(0.030237486696354537, 12);
      expect(q.byArea.theilL.between).toBeCloseTo(0.0338332118833113, 12);
      expect(q.byUnit.theilT.between).toBeCloseTo(0.008322232238223782, 12);
      expect(q.byUnit.theilL.between).toBeCloseTo(0.008740489714362983, 12);
      expect(q.urbanRuralShareT).toBeCloseTo(0.030237486696354537 / 0.035511938292251514, 10);
      for (const d of [q.byArea, q.byUnit]) {
        expect(d.theilT.between + d.theilT.within).toBeCloseTo(d.theilT.total, 14);
        expect(d.theilL.between + d.theilL.within).toBeCloseTo(d.theilL.total, 14);
      }
    });

    it('a reference unit without a value for the period gives no line, and says so', async () => {
      const g = await run({ indicator: 'resident_income', of: '330000', lineUnit: '100000' });
      expect(g.measures.belowLine).toBeNull();
      expect(g.notes.join('\n')).toContain('100000 has no value for 2020Q3-YTD');
      const withLine = await run({ indicator: 'resident_income', of: '330000', line: 42_000 });
      expect(withLine.measures.belowLine).toMatchObject({ lineSource: 'value', line: 42_000, count: 6 });
    });

    it('counties in 2024: thin real data, units without data listed, decomposition by city and by 山区海岛县', async () => {
      const g = await run({
        indicator: 'resident_income',
        of: '330000',
        level: 'county',
        group: 'mountain_island',
      });
      expect(g.period).toBe('2024');
      expect(g.asOf).toBe('2024-12-31');
      expect(g.coverage).toMatchObject({ units: 90, withData: 8, withoutData: 82 });
      expect(g.notes.join('\n')).toContain('82 of 90 units have no approved value for 2024');
      expect(g.units.filter((u) => u.value === null)).toHaveLength(82);
      expect(g.units.find((u) => u.code === '330824')).toMatchObject({ value: null, population: null });
      // No 2024 or earlier-2024 population: the 2020 census, the latest earlier vintage.
      const withData = g.units.filter((u) => u.value !== null);
      expect(withData.every((u) => u.populationPeriod === '2020' && u.populationRule === 'earlier')).toBe(
        true,
      );
      expect(g.group).toMatchObject({ code: 'mountain_island', members: 25 });

      const m = g.measures;
      expect(m.n).toBe(8);
      expect(m.maxMin!.ratio).toBeCloseTo(88048 / 47401, 12);
      expect(m.maxMin!.highest[0]).toMatchObject({ code: '330782', name: '义乌市' });
      expect(m.maxMin!.lowest[0]).toMatchObject({ code: '330723', name: '武义县' });
      expect(m.mean).toBeCloseTo(67286.45594340612, 8);
      expect(m.cv!.cv).toBeCloseTo(0.19147574312277663, 12);
      expect(m.williamsonCv!.cv).toBeCloseTo(0.20462154715806763, 12);
      expect(m.theil!.theilT.total).toBeCloseTo(0.020462774621622166, 12);
      expect(m.theil!.theilL.total).toBeCloseTo(0.02025087621130417, 12);

      const byCity = m.decompositions.find((d) => d.by === 'parent')!;
      expect(byCity.groups.map((x) => x.key)).toEqual(['330100', '330700']);
      expect(byCity.labels['330700']).toBe('金华市');
      expect(byCity.theilT.between).toBeCloseTo(0.0003313726104156277, 13);
      expect(byCity.theilT.within).toBeCloseTo(0.02013140201120647, 13);
      expect(byCity.theilL.between).toBeCloseTo(0.00034175242914678133, 13);
      expect(byCity.theilL.within).toBeCloseTo(0.019909123782157364, 13);
      const byGroup = m.decompositions.find((d) => d.by === 'group')!;
      expect(byGroup.theilT.between).toBeCloseTo(0.003557394491420906, 13);
      expect(byGroup.theilT.within).toBeCloseTo(0.01690538013020125, 13);
      expect(byGroup.theilL.between).toBeCloseTo(0.003969019605274203, 13);
      expect(byGroup.theilL.within).toBeCloseTo(0.01628185660602998, 13);
      expect(byGroup.labels.in_group).toBe('山区海岛县');

      // 武义县 is the only member with a 2024 value: its ratio to 浙江省 (67013) and to the rest.
      expect(m.groupRatio).toMatchObject({
        group: 'mountain_island',
        units: 1,
        groupMean: 47401,
        parentValue: 67013,
      });
      expect(m.groupRatio!.ratioToParent).toBeCloseTo(47401 / 67013, 12);
      expect(m.groupRatio!.restMean).toBeCloseTo(68748.64930100256, 8);
      expect(m.groupRatio!.ratioToRest).toBeCloseTo(0.6894826368510014, 12);

      // The national 2024 value (41314) as the line: no county with data is below it.
      const national = await run({
        indicator: 'resident_income',
        of: '330000',
        level: 'county',
        lineUnit: '100000',
      });
      expect(national.measures.belowLine).toMatchObject({ line: 41314, lineSource: 'unit', count: 0 });
      // Urban-rural: only 桐庐县 has both incomes for 2024.
      expect(g.urbanRural.units.map((u) => u.code)).toEqual(['330122']);
      expect(g.urbanRural.missing).toHaveLength(89);
      expect(g.urbanRural.units[0]!.ratio).toBeCloseTo(69410 / 45071, 12);
    });

    it('only the group: its members on the date; the period with most of them; population vintage per unit', async () => {
      const g = await run({
        indicator: 'resident_income',
        of: '330000',
        level: 'county',
        group: 'mountain_island',
        onlyGroup: true,
      });
      expect(g.set).toBe('group');
      expect(g.period).toBe('2024Q3-YTD');
      // 莲都区 left the group in 2024-08: of the five 丽水 counties with a value, four are members.
      expect(g.units).toHaveLength(25);
      expect(g.coverage.withData).toBe(4);
      expect(g.units.find((u) => u.code === '331102')).toBeUndefined();
      const jinyun = g.units.find((u) => u.code === '331122')!;
      expect(jinyun).toMatchObject({ value: 36199, population: 408_000, populationPeriod: '2023' });
      expect(g.units.find((u) => u.code === '331181')).toMatchObject({
        populationPeriod: '2020',
        populationRule: 'earlier',
      });

      const jan = await run({
        indicator: 'resident_income',
        of: '330000',
        level: 'county',
        group: 'mountain_island',
        onlyGroup: true,
        asOf: '2025-06-01',
        period: '2024Q3-YTD',
      });
      expect(jan.units).toHaveLength(22);
      expect(jan.asOfChoice).toBe('given');
    });

    it('synthetic town values without populations: equal weights, 模拟数据, submitted values not counted', async () => {
      const g = await run({ indicator: 'gdp_per_capita', of: '330824' });
      expect(g.level).toBe('town');
      expect(g.period).toBe('2023');
      expect(g.coverage.withData).toBe(13);
      expect(g.coverage.units).toBe(14);
      expect(g.weights.kind).toBe('equal');
      expect(g.weights.missing).toHaveLength(13);
      expect(g.measures.williamsonCv!.cv).toBeCloseTo(g.measures.cv!.cv, 14);
      expect(g.synthetic).toBe(true);
      expect(g.syntheticLabel).toBe('模拟数据');
      expect(g.notes.join('\n')).toContain('equal weights');
      // 开化县 itself has no 2023 GDP per head: no line, no parent value.
      expect(g.parent.value).toBeNull();
      expect(g.measures.belowLine).toBeNull();
    });

    it('a period with no data answers with every unit listed and no measures; nothing at all is NO_DATA', async () => {
      const g = await run({ indicator: 'resident_income', of: '330000', period: '2018' });
      expect(g.coverage.withData).toBe(0);
      expect(g.measures).toMatchObject({ n: 0, mean: null, maxMin: null, theil: null });
      const none = await regionalGaps(opened.store, { indicator: 'resident_income', of: '330824' });
      expect(!none.ok && none.error.code).toBe('NO_DATA');
    });

    it('rejects bad input with a stable code and the field', async () => {
      const cases: [RegionalGapsRequest, string, string][] = [
        [{ indicator: 'nope', of: '330000' }, 'INDICATOR_NOT_FOUND', 'indicator'],
        [{ indicator: 'resident_income', of: '999999' }, 'UNIT_NOT_FOUND', 'of'],
        [{ indicator: 'resident_income', of: '330000', group: 'nope' }, 'GROUP_NOT_FOUND', 'group'],
        [{ indicator: 'resident_income', of: '330000', period: '2020Q5' }, 'INVALID_INPUT', 'period'],
        [{ indicator: 'resident_income', of: '330000', asOf: '2020-02-30' }, 'INVALID_INPUT', 'asOf'],
        [{ indicator: 'resident_income', of: '330100', level: 'city' }, 'INVALID_INPUT', 'level'],
        [{ indicator: 'resident_income', of: '330000', onlyGroup: true }, 'INVALID_INPUT', 'group'],
        [
          { indicator: 'resident_income', of: '330000', line: 1, lineUnit: '100000' },
          'INVALID_INPUT',
          'line',
        ],
        [{ indicator: 'resident_income', of: '330000', lineUnit: '123' }, 'UNIT_NOT_FOUND', 'lineUnit'],
      ];
      for (const [req, code, field] of cases) {
        const r = await regionalGaps(opened.store, req);
        expect(r.ok ? null : { code: r.error.code, field: r.error.field }).toEqual({ code, field });
      }
    });
  });
}
