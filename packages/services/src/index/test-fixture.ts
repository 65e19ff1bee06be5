/**
 * A small hand-checkable world for the index tests (not exported): 浙江 with two cities and five current
 * counties (one abolished county that must not appear), 山区海岛县 = {C, D} from 2024-08-01, a test group
 * {A, D}, indicators a (up), b (down, imputed from the last period), resident income and its ratio to the
 * province, and values for 2024 and 2025. County E's name is a formula, to test export neutralisation.
 */
import { childPath, provinceOf, type UnitLevel } from '@suocha/core';
import type { FrameworkJson } from '@suocha/contract';
import {
  insertCatalogue,
  insertGroups,
  insertNewObservations,
  insertUnits,
  type NewObservation,
  type Store,
  type UnitRow,
} from '@suocha/store';

export const A = '330102';
export const B = '330105';
export const C = '330802';
export const D = '330824';
export const E = '330881';
export const E_NAME = '=HYPERLINK("http://example.invalid","E县")';

function unit(
  code: string,
  name: string,
  level: UnitLevel,
  parent: UnitRow | null,
  validTo: string | null = null,
) {
  const path = childPath(parent?.path ?? null, code);
  const row: UnitRow = {
    code,
    name,
    level,
    parent_code: parent?.code ?? null,
    path,
    depth: ['country', 'province', 'city', 'county', 'town', 'village'].indexOf(level),
    province_code: provinceOf(path),
    valid_from: null,
    valid_to: validTo,
    source: 'test',
  };
  return row;
}

const cn = unit('100000', '中国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const hz = unit('330100', '杭州市', 'city', zj);
const qz = unit('330800', '衢州市', 'city', zj);
const UNITS = [
  cn,
  zj,
  hz,
  qz,
  unit(A, 'A区', 'county', hz),
  unit('330103', '已撤销区', 'county', hz, '2021-04-09'),
  unit(B, 'B区', 'county', hz),
  unit(C, 'C区', 'county', qz),
  unit(D, 'D县', 'county', qz),
  unit(E, E_NAME, 'county', qz),
];

const indicator = (code: string, unit: string, polarity: 'up' | 'down') => ({
  code,
  nameZh: `指标${code}`,
  nameEn: `indicator ${code}`,
  unit,
  polarity,
  domain: 'test',
  definition: '',
  source: 'test',
});

export const TEST_FRAMEWORK: FrameworkJson = {
  code: 'test',
  name: { zh: '测试框架', en: 'Test framework' },
  aggregation: { indicators: 'arithmetic', domains: 'arithmetic' },
  imputation: 'none',
  coverageThreshold: 0.5,
  domains: [
    {
      code: 'd1',
      name: { zh: '领域一', en: 'Domain 1' },
      weight: 1,
      indicators: [
        { code: 'a', direction: 'up', weight: 1, normalisation: { method: 'minmax' } },
        {
          code: 'b',
          direction: 'down',
          weight: 1,
          normalisation: { method: 'minmax' },
          imputation: 'last_period',
        },
      ],
    },
    {
      code: 'd2',
      name: { zh: '领域二', en: 'Domain 2' },
      weight: 1,
      indicators: [
        {
          code: 'resident_income_province_ratio',
          direction: 'up',
          weight: 1,
          normalisation: { method: 'goalposts', lo: 50, hi: 150 },
        },
      ],
    },
  ],
};

type Values = Record<string, Record<string, number>>;

const DATA: Record<string, Values> = {
  '2024': {
    a: { [A]: 70, [B]: 65, [C]: 30, [D]: 25, [E]: 50 },
    b: { [A]: 1.6, [B]: 1.7, [C]: 2.1, [D]: 2.2, [E]: 1.7 },
    resident_income: { '330000': 55000, [A]: 82500, [B]: 57750, [C]: 41250, [D]: 35750, [E]: 44000 },
  },
  '2025': {
    a: { [A]: 80, [B]: 60, [C]: 40, [D]: 20 },
    b: { [A]: 1.5, [B]: 1.8, [C]: 2.0, [E]: 1.6 },
    resident_income: { '330000': 60000, [A]: 90000, [B]: 66000, [C]: 45000, [D]: 39000 },
  },
};

export const obs = (
  indicatorCode: string,
  unitCode: string,
  period: string,
  value: number,
  extra: Partial<NewObservation> = {},
): NewObservation => ({
  indicatorCode,
  unitCode,
  provinceCode: '330000',
  period,
  periodEnd: `${period}-12-31`,
  value,
  source: 'test',
  note: '',
  status: 'approved',
  synthetic: false,
  ...extra,
});

export async function loadFixture(store: Store): Promise<void> {
  await insertUnits(store, UNITS);
  await insertGroups(
    store,
    [
      {
        code: 'mountain_island',
        nameZh: '山区海岛县',
        nameEn: 'Mountain and island counties',
        description: '',
        source: 't',
      },
      { code: 'test_group', nameZh: '测试组', nameEn: 'Test group', description: '', source: 't' },
    ],
    [
      { groupCode: 'mountain_island', unitCode: C, validFrom: '2024-08-01', validTo: null, source: 't' },
      { groupCode: 'mountain_island', unitCode: D, validFrom: '2024-08-01', validTo: null, source: 't' },
      { groupCode: 'test_group', unitCode: A, validFrom: null, validTo: null, source: 't' },
      { groupCode: 'test_group', unitCode: D, validFrom: null, validTo: null, source: 't' },
    ],
  );
  await insertCatalogue(store, {
    indicators: [
      indicator('a', '%', 'up'),
      indicator('b', 'ratio', 'down'),
      indicator('resident_income', 'yuan', 'up'),
      indicator('resident_income_province_ratio', '%', 'up'),
    ],
    plans: [],
    targets: [],
  });
  const rows: NewObservation[] = [];
  for (const [period, values] of Object.entries(DATA))
    for (const [ind, byUnit] of Object.entries(values))
      for (const [code, value] of Object.entries(byUnit)) rows.push(obs(ind, code, period, value));
  // A draft is not reviewed yet: it must not enter a run.
  rows.push(obs('a', E, '2025', 99, { status: 'draft' }));
  await insertNewObservations(store, rows, {
    by: 'test',
    at: '2026-01-01T00:00:00.000Z',
    reason: 'test data',
  });
}

/** A correction as the collection workflow makes it: new value, next version, a history entry. */
export async function correctObservation(
  store: Store,
  key: { indicator: string; unit: string; period: string },
  value: number,
  at: string,
): Promise<void> {
  const o = await store.db
    .selectFrom('observations')
    .selectAll()
    .where('indicator_code', '=', key.indicator)
    .where('unit_code', '=', key.unit)
    .where('period', '=', key.period)
    .executeTakeFirstOrThrow();
  await store.db
    .updateTable('observations')
    .set({ value, version: o.version + 1, updated_at: at, updated_by: 'corrector' })
    .where('id', '=', o.id)
    .execute();
  await store.db
    .insertInto('observation_history')
    .values({
      observation_id: o.id,
      indicator_code: o.indicator_code,
      unit_code: o.unit_code,
      province_code: o.province_code,
      period: o.period,
      version: o.version + 1,
      old_value: o.value,
      new_value: value,
      old_status: o.status,
      new_status: o.status,
      changed_by: 'corrector',
      changed_at: at,
      reason: 'correction',
      source: o.source,
    })
    .execute();
}
