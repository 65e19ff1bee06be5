import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { householdMeasures, mulberry32 } from '@suocha/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureHouseholdsFile } from './measure-households-file';
import type { HouseholdUnitPlacement } from './household-table';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-measure-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const UNITS = new Map<string, HouseholdUnitPlacement>([
  ['330106001001', { city: '330100', county: '330106' }],
  ['330110001001', { city: '330100', county: '330110' }],
  ['331181100201', { city: '331100', county: '331181' }],
]);
const CODES = [...UNITS.keys()];

/** 400 seeded synthetic households (模拟数据) as CSV text, and the same households as arrays. */
function synthetic() {
  const rng = mulberry32(7);
  const rows = ['id,unit_code,area,household_size,per_capita_income,weight'];
  const income: number[] = [];
  const size: number[] = [];
  const weight: number[] = [];
  const area: number[] = [];
  const county: number[] = [];
  for (let i = 0; i < 400; i++) {
    const u = Math.floor(rng() * 3);
    const rural = rng() < 0.4 ? 1 : 0;
    const y = i % 97 === 0 ? 0 : Math.round(20_000 + 90_000 * rng() * rng() - (rural ? 8_000 : 0));
    const n = 1 + Math.floor(rng() * 5);
    const w = Math.round((0.5 + rng()) * 100) / 100;
    rows.push(`h${i},${CODES[u]},${rural ? '农村' : '城镇'},${n},${y},${w}`);
    income.push(y);
    size.push(n);
    weight.push(w);
    area.push(rural);
    county.push(u);
  }
  return { text: rows.join('\n') + '\n', income, size, weight, area, county };
}

describe('measureHouseholdsFile', () => {
  it('gives the same measures as householdMeasures on the same households, as plain JSON', async () => {
    const s = synthetic();
    const path = join(dir, 'survey.csv');
    writeFileSync(path, s.text);
    const r = await measureHouseholdsFile(path, { units: UNITS, by: 'county', lowLine: 25_000 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const direct = householdMeasures(
      {
        income: Float64Array.from(s.income),
        size: Float64Array.from(s.size),
        weight: Float64Array.from(s.weight),
        groups: { county: { codes: Int32Array.from(s.county), labels: ['330106', '330110', '331181'] } },
      },
      { lowIncomeLine: 25_000 },
    );
    if (!direct.ok) throw new Error(direct.error.message);
    expect(r.value.households).toBe(400);
    expect(r.value.by).toEqual(['county']);
    expect(r.value.measures).toEqual(direct.value);
    expect(Object.keys(r.value.measures.theil!.decompositions)).toEqual(['county']);
    expect(r.value.measures.theil!.excluded.households).toBe(5); // rows 0, 97, 194, 291, 388
    expect(JSON.parse(JSON.stringify(r.value))).toEqual(r.value);
    expect(r.value.treatment).toContain('exclude incomes ≤ 0');
  });

  it('decomposes by several groupings and honours the middle-income band', async () => {
    const s = synthetic();
    const path = join(dir, 'survey2.csv');
    writeFileSync(path, s.text);
    const r = await measureHouseholdsFile(path, {
      units: UNITS,
      by: ['urban_rural', 'city'],
      middle: { lower: 60_000, upper: 200_000 },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const d = r.value.measures.theil!.decompositions;
    expect(Object.keys(d)).toEqual(['urban_rural', 'city']);
    expect(d.urban_rural!.groups.map((g) => g.key)).toEqual(['urban', 'rural']);
    expect(d.city!.groups.map((g) => g.key)).toEqual(['330100', '331100']);
    // Persons with 3·y in [60 000, 200 000), by hand from the generated rows.
    let inBand = 0;
    let all = 0;
    s.income.forEach((y, i) => {
      const p = s.size[i]! * s.weight[i]!;
      all += p;
      if (3 * y >= 60_000 && 3 * y < 200_000) inBand += p;
    });
    expect(r.value.measures.middleIncome.share).toBeCloseTo(inBand / all, 12);
  });

  it('returns the located problems of a bad file and no measures', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'id,unit_code,area,household_size,per_capita_income\nh1,000,urban,2,1000\n');
    const r = await measureHouseholdsFile(path, { units: UNITS });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'HOUSEHOLD_FILE_INVALID', problemCount: 1 });
    expect(r.error.code === 'HOUSEHOLD_FILE_INVALID' && r.error.problems[0]).toMatchObject({
      line: 2,
      column: 'unit_code',
      code: 'UNKNOWN_UNIT',
    });
  });

  it('rejects an unsupported file type and a file whose weights are all zero', async () => {
    const r = await measureHouseholdsFile(join(dir, 'x.json'), { units: UNITS });
    expect(!r.ok && r.error.code).toBe('UNSUPPORTED_FILE_TYPE');
    const path = join(dir, 'zero.csv');
    writeFileSync(
      path,
      'id,unit_code,area,household_size,per_capita_income,weight\nh1,330106001001,urban,2,1000,0\n',
    );
    const z = await measureHouseholdsFile(path, { units: UNITS });
    expect(!z.ok && z.error).toMatchObject({ code: 'MEASURE_FAILED', cause: { code: 'zero_total_weight' } });
  });
});
