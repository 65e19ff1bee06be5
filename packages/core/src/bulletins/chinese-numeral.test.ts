import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, sectionLabel } from './chinese-numeral';

/** An independent reading of the numeral back to its value, to check the writer on every input. */
function readNumeral(s: string): number {
  const value: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const at = s.indexOf('十');
  if (at < 0) return value[s] ?? Number.NaN;
  const tens = at === 0 ? 1 : (value[s.slice(0, at)] ?? Number.NaN);
  const rest = s.slice(at + 1);
  return tens * 10 + (rest === '' ? 0 : (value[rest] ?? Number.NaN));
}

describe('chineseNumeral', () => {
  it('writes the numerals of headings as documents write them', () => {
    expect([1, 2, 3, 9, 10, 11, 12, 19, 20, 21, 30, 99].map(chineseNumeral)).toEqual([
      '一',
      '二',
      '三',
      '九',
      '十',
      '十一',
      '十二',
      '十九',
      '二十',
      '二十一',
      '三十',
      '九十九',
    ]);
    expect(sectionLabel(4)).toBe('四、');
  });

  it('falls back to Arabic digits outside 1–99', () => {
    expect(chineseNumeral(0)).toBe('0');
    expect(chineseNumeral(100)).toBe('100');
    expect(chineseNumeral(2.5)).toBe('2.5');
  });

  it('round-trips every value 1–99 and never writes 零 or a leading 一十', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        const s = chineseNumeral(n);
        expect(readNumeral(s)).toBe(n);
        expect(s).not.toContain('零');
        expect(s.startsWith('一十')).toBe(false);
      }),
    );
  });
});
