/**
 * A small world for the progress tests (test-only; not exported from the barrel): a province with two
 * cities and a county, indicators a and b (higher is better), r = a / b and m = max/min of a over the
 * children, two plans that both set a's 2025 target for the province, and a few annual values.
 */
import {
  insertCatalogue,
  insertNewObservations,
  insertUnits,
  type NewObservation,
  type Store,
} from '@suocha/store';
import { testUnit as unit } from '@suocha/store/testing';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const hz = unit('330100', '杭州市', 'city', zj);
const qz = unit('330800', '衢州市', 'city', zj);
const ka = unit('330824', '开化县', 'county', qz);

export const NOW = '2026-01-01T00:00:00.000Z';

export const obs = (
  indicatorCode: string,
  unitCode: string,
  period: string,
  value: number,
): NewObservation => ({
  indicatorCode,
  unitCode,
  provinceCode: unitCode === '100000' ? '100000' : '330000',
  period,
  periodEnd: /^\d{4}$/.test(period) ? `${period}-12-31` : `${period}-28`,
  value,
  source: `test source ${indicatorCode} ${unitCode} ${period}`,
  note: '',
  status: 'approved',
  synthetic: false,
});

export async function loadFixture(store: Store): Promise<void> {
  await insertUnits(store, [cn, zj, hz, qz, ka]);
  const ind = (code: string, polarity: 'up' | 'down', definition = '') => ({
    code,
    nameZh: `指标${code}`,
    nameEn: `indicator ${code}`,
    unit: 'x',
    polarity,
    domain: 'test',
    definition,
    source: 't',
  });
  const tgt = (
    indicatorCode: string,
    planCode: string,
    unitCode: string,
    year: number,
    comparator: '>=' | '<=',
    value: number,
  ) => ({
    indicatorCode,
    planCode,
    unitCode,
    year,
    comparator,
    value,
    baselinePeriod: null,
    baselineValue: null,
    source: 't',
  });
  await insertCatalogue(store, {
    indicators: [
      ind('a', 'up'),
      ind('b', 'up'),
      ind('r', 'down', 'a / b'),
      ind('m', 'down', 'max(children(a)) / min(children(a))'),
      ind('c', 'up', 'count of units with a above 10 (prose, not a formula)'),
    ],
    plans: [
      { code: 'p1', title: '旧方案', issuer: '省', issuedOn: '2023-10-17', scopeUnit: '330000', source: 't' },
      { code: 'p2', title: '新方案', issuer: '省', issuedOn: '2025-01-01', scopeUnit: '330000', source: 't' },
    ],
    targets: [
      tgt('a', 'p1', '330000', 2025, '>=', 150),
      tgt('a', 'p2', '330000', 2025, '>=', 160),
      tgt('b', 'p2', '330000', 2025, '>=', 90),
      tgt('a', 'p2', '330824', 2027, '>=', 12),
    ],
  });
  await insertNewObservations(
    store,
    [
      obs('a', '330000', '2021', 100),
      obs('a', '330000', '2023', 121),
      obs('b', '330000', '2022', 80),
      obs('b', '330000', '2023', 70),
      obs('a', '330100', '2023', 30),
      obs('a', '330800', '2023', 20),
      obs('a', '330824', '2023', 10),
    ],
    { by: 'fixture', at: NOW, reason: 'fixture' },
  );
}
