import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sqlText } from './import-writer';

describe('sqlText', () => {
  const db = new BetterSqlite3(':memory:');
  const back = (s: string) => (db.prepare(`select ${sqlText(s)} as v`).get() as { v: string }).v;
  it('reads back as the same text, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(back(s)).toBe(s.split('\u0000').join(''));
      }),
    );
    for (const s of ["it's", "'); drop table x; --", "\\'", '月报 "引号"', "''''"]) expect(back(s)).toBe(s);
  });
});
