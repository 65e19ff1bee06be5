/** Editing a target on SQLite and PostgreSQL: old and new values, the unique key, the data revision. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUnits } from '../hierarchy/units-repo';
import { dataRevision } from '../progress/revision';
import { testEngines, type OpenedStore } from '../testing/engines';
import { insertCatalogue, listTargets } from './catalogue-repo';
import { getTarget, updateTarget } from './target-edits';
import { testUnit as unit } from '../testing/units';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);

const target = (year: number, value: number) => ({
  indicatorCode: 'urban_rural_income_ratio',
  planCode: 'p',
  unitCode: '330000',
  year,
  comparator: '<=' as const,
  value,
  baselinePeriod: null,
  baselineValue: null,
  source: 'seed §1',
});

describe.each(testEngines())('target edits on $name', (engine) => {
  let opened: OpenedStore;
  let ids: { y2025: number; y2027: number };

  beforeAll(async () => {
    opened = await engine.open();
    const { store } = opened;
    await insertUnits(store, [cn, zj]);
    await insertCatalogue(store, {
      indicators: [
        {
          code: 'urban_rural_income_ratio',
          nameZh: '城乡居民收入倍差',
          nameEn: 'urban-rural income ratio',
          unit: 'ratio',
          polarity: 'down',
          domain: 'gap_urban_rural',
          definition: '',
          source: 'seed',
        },
      ],
      plans: [
        { code: 'p', title: '方案', issuer: '省', issuedOn: '2025-01-01', scopeUnit: '330000', source: 's' },
      ],
      targets: [target(2025, 1.82), target(2027, 1.8)],
    });
    const all = await listTargets(store);
    ids = {
      y2025: all.find((t) => t.year === 2025)?.id ?? 0,
      y2027: all.find((t) => t.year === 2027)?.id ?? 0,
    };
  });
  afterAll(() => opened.cleanup());

  it('updates comparator, value and year and returns the previous values', async () => {
    const { store } = opened;
    const r0 = await dataRevision(store);
    const r = await updateTarget(store, ids.y2027, { comparator: '<', value: 1.78, year: 2028 });
    expect(r).toEqual({
      kind: 'updated',
      before: { ...target(2027, 1.8), id: ids.y2027 },
      after: { ...target(2028, 1.78), comparator: '<', id: ids.y2027 },
    });
    expect(await getTarget(store, ids.y2027)).toEqual({
      ...target(2028, 1.78),
      comparator: '<',
      id: ids.y2027,
    });
    // Progress caches key on the data revision: an edited target must be seen at once.
    expect(await dataRevision(store)).not.toBe(r0);
  });

  it('refuses to move a target onto a year its plan already sets for the same indicator and unit', async () => {
    const { store } = opened;
    const r = await updateTarget(store, ids.y2027, { comparator: '<=', value: 1.7, year: 2025 });
    expect(r).toEqual({ kind: 'conflict', other: { ...target(2025, 1.82), id: ids.y2025 } });
    // Nothing changed.
    expect((await getTarget(store, ids.y2027))?.value).toBe(1.78);
  });

  it('keeps the year when only the value changes, and answers not_found for an unknown id', async () => {
    const { store } = opened;
    const r = await updateTarget(store, ids.y2025, { comparator: '<=', value: 1.81, year: 2025 });
    expect(r.kind).toBe('updated');
    expect((await getTarget(store, ids.y2025))?.value).toBe(1.81);
    expect(await updateTarget(store, 999_999, { comparator: '<=', value: 1, year: 2025 })).toEqual({
      kind: 'not_found',
    });
    expect(await getTarget(store, 999_999)).toBeUndefined();
  });
});
