/**
 * A small synthetic world for the collection tests (模拟数据, generated, never shipped): a province, a
 * city, three counties with a few villages each, income indicators and two data sets. Used only by
 * tests and the crash child.
 */
import { childPath, provinceOf, type DataSetDefinition } from '@suocha/core';
import { createDataSet, insertCatalogue, insertUnits, type Store, type UnitRow } from '@suocha/store';

export function unitRow(
  code: string,
  name: string,
  level: UnitRow['level'],
  parent: UnitRow | null,
  validTo: string | null = null,
): UnitRow {
  const path = childPath(parent?.path ?? null, code);
  return {
    code,
    name,
    level,
    parent_code: parent?.code ?? null,
    path,
    depth: ['country', 'province', 'city', 'county', 'town', 'village'].indexOf(level),
    province_code: provinceOf(path),
    valid_from: null,
    valid_to: validTo,
    source: 'test (模拟数据)',
  };
}

export const CN = unitRow('100000', '全国', 'country', null);
export const ZJ = unitRow('330000', '浙江省', 'province', CN);
export const QZ = unitRow('330800', '衢州市', 'city', ZJ);
export const HZ = unitRow('330100', '杭州市', 'city', ZJ);
export const KAIHUA = unitRow('330824', '开化县', 'county', QZ);
export const CHANGSHAN = unitRow('330822', '常山县', 'county', QZ);
export const KECHENG = unitRow('330802', '柯城区', 'county', QZ);
export const SHANGCHENG = unitRow('330102', '上城区', 'county', HZ);
/** Abolished before 2025: not expected to report. */
export const OLD = unitRow('330103', '下城区', 'county', HZ, '2021-04-09');

/** `n` villages of Kaihua, 999 to a town: towns 330824100, 330824101, …; villages 330824100001, … */
export function villages(n: number): UnitRow[] {
  const out: UnitRow[] = [];
  for (let t = 0; t * 999 < n; t++) {
    const town = unitRow(`330824${100 + t}`, `镇${t + 1}`, 'town', KAIHUA);
    out.push(town);
    for (let i = 0; i < 999 && t * 999 + i < n; i++)
      out.push(
        unitRow(`${town.code}${String(i + 1).padStart(3, '0')}`, `村${t * 999 + i + 1}`, 'village', town),
      );
  }
  return out;
}

/** The long CSV of `village_monthly` for the first `n` villages: two values each (模拟数据). */
export function villageCsv(n: number, period: string): Buffer {
  const rows = ['unit_code,indicator,period,value'];
  for (const u of villages(n).filter((x) => x.level === 'village'))
    rows.push(`${u.code},urban_income,${period},5000`, `${u.code},rural_income,${period},3000`);
  return Buffer.from(`${rows.join('\n')}\n`, 'utf8');
}

const indicator = (code: string, nameZh: string, unit = 'yuan') => ({
  code,
  nameZh,
  nameEn: code,
  unit,
  polarity: 'up' as const,
  domain: 'income',
  definition: '',
  source: 'test',
});

export const INDICATORS = [
  indicator('urban_income', '城镇居民人均可支配收入'),
  indicator('rural_income', '农村居民人均可支配收入'),
  indicator('households', '户数', 'households'),
  indicator('invest_ytd', '累计投资', '100m yuan'),
];

export const COUNTY_DS: DataSetDefinition = {
  code: 'county_income',
  nameZh: '县级收入月报',
  nameEn: 'County income (monthly)',
  periodKind: 'month',
  ytd: false,
  dueDay: 5,
  dueOffsetMonths: 1,
  level: 'county',
  scopeUnit: '330000',
  fields: [
    {
      indicatorCode: 'urban_income',
      valueType: 'number',
      min: 0,
      max: 1_000_000,
      required: true,
      softMin: null,
      softMax: null,
    },
    {
      indicatorCode: 'rural_income',
      valueType: 'number',
      min: 0,
      max: 1_000_000,
      required: true,
      softMin: null,
      softMax: null,
    },
    {
      indicatorCode: 'households',
      valueType: 'integer',
      min: 0,
      max: null,
      required: false,
      softMin: null,
      softMax: null,
    },
  ],
  rules: [
    {
      code: 'urban_ge_rural',
      expression: 'urban_income >= rural_income',
      messageZh: '城镇居民收入应不低于农村居民收入',
      messageEn: 'urban ≥ rural',
      severity: 'error',
      missing: 'skip_if_any_missing',
    },
  ],
  outlier: { method: 'zscore', threshold: 3, minHistory: 3 },
};

export const VILLAGE_DS: DataSetDefinition = {
  code: 'village_monthly',
  nameZh: '村级月报',
  nameEn: 'Village monthly',
  periodKind: 'month',
  ytd: false,
  dueDay: 5,
  dueOffsetMonths: 1,
  level: 'village',
  scopeUnit: '330000',
  fields: ['urban_income', 'rural_income'].map((code) => ({
    indicatorCode: code,
    valueType: 'number' as const,
    min: 0,
    max: null,
    required: true,
    softMin: null,
    softMax: null,
  })),
  rules: [],
  outlier: { method: 'none', threshold: 3, minHistory: 3 },
};

export async function seedWorld(store: Store, options: { villages?: number } = {}): Promise<void> {
  await insertUnits(store, [
    CN,
    ZJ,
    QZ,
    HZ,
    KAIHUA,
    CHANGSHAN,
    KECHENG,
    SHANGCHENG,
    OLD,
    ...villages(options.villages ?? 3),
  ]);
  await insertCatalogue(store, {
    indicators: INDICATORS,
    plans: [
      {
        code: 'plan',
        title: '方案',
        issuer: '省委',
        issuedOn: '2025-01-01',
        scopeUnit: '330000',
        source: 't',
      },
    ],
    targets: [
      {
        indicatorCode: 'rural_income',
        planCode: 'plan',
        unitCode: '330824',
        year: 2027,
        comparator: '>=',
        value: 40000,
        baselinePeriod: null,
        baselineValue: null,
        source: 't',
      },
    ],
  });
  const meta = { by: 'admin', at: '2025-01-01T00:00:00.000Z' };
  await createDataSet(store, COUNTY_DS, meta);
  await createDataSet(store, VILLAGE_DS, meta);
}
