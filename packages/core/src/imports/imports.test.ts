import { describe, expect, it } from 'vitest';
import { conversionFactor, canonicalUnit } from './measure-units';
import { formatProblem, formatProblems } from './problem';

describe('measure units', () => {
  it('converts only between spellings of one quantity', () => {
    expect(conversionFactor('10k_persons', 'persons')).toBe(10_000);
    expect(conversionFactor('percent', '%')).toBe(1);
    expect(conversionFactor('100m_yuan', '100m yuan')).toBe(1);
    expect(conversionFactor('yuan', '%')).toBeUndefined();
    expect(canonicalUnit(' 元 ')).toBe('yuan');
  });
});

describe('problems', () => {
  it('locates a problem by file, sheet, line and column', () => {
    expect(
      formatProblem({
        code: 'X',
        file: 'a.xlsx',
        sheet: '数据',
        line: 3,
        column: 'value',
        message: '不是数字',
      }),
    ).toBe('a.xlsx:数据:3:value: 不是数字');
    const many = Array.from({ length: 5 }, (_, i) => ({
      code: 'X',
      file: 'f.csv',
      line: i + 2,
      message: 'bad',
    }));
    expect(formatProblems(many, 2).split('\n')).toEqual([
      'f.csv:2: bad',
      'f.csv:3: bad',
      '… and 3 more problems (5 in all)',
    ]);
  });
});
