/** Malformed data files stop with located problems and write nothing, on both engines. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { loadDivisions } from '../hierarchy/divisions';
import { loadCatalogue } from '../targets/catalogue';
import { loadObservationFiles } from '../observations/load-observations';

const dir = mkdtempSync(join(tmpdir(), 'suocha-bad-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const GOOD_UNITS = file(
  'units.csv',
  'code,name,level,parent_code\n100000,全国,country,\n330000,浙江省,province,\n330100,杭州市,city,330000\n330102,上城区,county,330100\n',
);

for (const engine of testEngines()) {
  describe(`bad input on ${engine.name}`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
      const r = await loadDivisions(opened.store, GOOD_UNITS, 'test');
      expect(r).toMatchObject({ ok: true, inserted: 4 });
    });
    afterAll(async () => {
      await opened.cleanup();
    });

    it('a wrong header names the missing column', async () => {
      const before = await countRows(opened.store);
      const r = await loadDivisions(
        opened.store,
        file('h.csv', 'code,name,lvl,parent_code\n330200,宁波市,city,330000\n'),
        't',
      );
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.problems[0]).toMatchObject({
          code: 'MISSING_COLUMN',
          file: 'h.csv',
          line: 1,
          column: 'level',
        });
      expect(await countRows(opened.store)).toEqual(before);
    });

    it('duplicate codes, unknown parents and bad levels are each located; nothing is written', async () => {
      const before = await countRows(opened.store);
      const r = await loadDivisions(
        opened.store,
        file(
          'd.csv',
          'code,name,level,parent_code\n330200,宁波市,city,330000\n330200,宁波市,city,330000\n330203,海曙区,county,339999\n330204,江东区,district,330200\n330205,某区,city,330200\n',
        ),
        't',
      );
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
          ['DUPLICATE_CODE', 3, 'code'],
          ['UNKNOWN_PARENT', 4, 'parent_code'],
          ['BAD_LEVEL', 5, 'level'],
          ['PARENT_NOT_ABOVE', 6, 'parent_code'],
        ]);
        expect(r.problems.every((p) => p.file === 'd.csv')).toBe(true);
      }
      expect(await countRows(opened.store)).toEqual(before);
    });

    it('targets: unknown indicator, polarity contradiction, non-numeric value; nothing is written', async () => {
      const before = await countRows(opened.store);
      const r = await loadCatalogue(opened.store, {
        indicators: [
          file(
            'i.csv',
            'code,name_zh,name_en,unit,polarity,domain,definition\nratio,倍差,ratio,ratio,down,gap,\n',
          ),
        ],
        plans: file(
          'p.csv',
          'plan,title,issuer,issued_on,scope_unit,source\np1,方案,省委,2025-01-01,330000,seed\n',
        ),
        targets: file(
          't.csv',
          'indicator,plan,scope_unit,year,comparator,value,source\nratio,p1,330000,2027,<=,1.8,s\nnope,p1,330000,2027,<=,1,s\nratio,p1,330000,2027,>=,1.9,s\nratio,p1,330000,2030,<=,一点八,s\n',
        ),
      });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problems.map((p) => [p.code, p.file, p.line, p.column])).toEqual([
          ['UNKNOWN_INDICATOR', 't.csv', 3, 'indicator'],
          ['COMPARATOR_POLARITY', 't.csv', 4, 'comparator'],
          ['DUPLICATE_TARGET', 't.csv', 4, undefined],
          ['NOT_A_NUMBER', 't.csv', 5, 'value'],
        ]);
      }
      expect(await countRows(opened.store)).toEqual(before);
    });

    it('observations: non-numeric value, impossible period, unknown unit; nothing is written', async () => {
      await loadCatalogue(opened.store, {
        indicators: [
          file(
            'i2.csv',
            'code,name_zh,name_en,unit,polarity,domain,definition\nrural_income,农村收入,rural income,yuan,up,income,\n',
          ),
        ],
        plans: file('p2.csv', 'plan,title,issuer,issued_on,scope_unit,source\n'),
        targets: file('t2.csv', 'indicator,plan,scope_unit,year,comparator,value,source\n'),
      });
      const before = await countRows(opened.store);
      const r = await loadObservationFiles(
        opened.store,
        [
          {
            path: file(
              'o.csv',
              'indicator,scope_unit,period,value,note,source\nrural_income,330000,2024,43347,,s\nrural_income,330000,2025,abc,,s\nrural_income,330000,2025Q5,1,,s\nrural_income,339999,2024,1,,s\n',
            ),
            columns: {
              indicator: 'indicator',
              unit: 'scope_unit',
              period: 'period',
              value: 'value',
              source: 'source',
              note: 'note',
            },
          },
        ],
        { by: 't', at: '2026-01-01T00:00:00Z', reason: 't' },
      );
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
          ['NOT_A_NUMBER', 3, 'value'],
          ['BAD_PERIOD', 4, 'period'],
          ['UNKNOWN_UNIT', 5, 'scope_unit'],
        ]);
      }
      expect(await countRows(opened.store)).toEqual(before);
    });
  });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));
