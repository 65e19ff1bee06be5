import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCount, formatGapPoints, formatShare, formatSpi, formatWan, formatYi } from './projects-format';

describe('projects formats', () => {
  it('writes 万元 whole and 亿元 with two decimals (the seed’s 1,696.8亿元 is 16,968,000 万元)', () => {
    expect(formatWan(12345.4)).toBe('12,345');
    expect(formatYi(16_968_000)).toBe('1,696.80');
    expect(formatYi(5_000)).toBe('0.50');
    expect(formatCount(1833)).toBe('1,833');
  });

  it('writes missing values as an em dash, never 0', () => {
    for (const f of [formatWan, formatYi, formatGapPoints, formatSpi, formatShare, formatCount])
      for (const x of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(f(x)).toBe('—');
  });

  it('signs the schedule gap: behind is +, ahead is a real minus, zero is unsigned', () => {
    expect(formatGapPoints(12.34)).toBe('+12.3');
    expect(formatGapPoints(-4)).toBe('−4.0');
    expect(formatGapPoints(0)).toBe('0.0');
    expect(formatGapPoints(-0.01)).toBe('0.0');
    expect(formatShare(0.591)).toBe('59.1%');
    expect(formatSpi(0.8349)).toBe('0.83');
  });

  it('keeps the sign of any gap that does not round to zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -200, max: 200, noNaN: true }), (x) => {
        const s = formatGapPoints(x);
        if (Math.abs(x) >= 0.05 + 1e-9) expect(s.startsWith(x > 0 ? '+' : '−')).toBe(true);
        expect(s.replace(/^[+−]/, '')).toBe(formatGapPoints(Math.abs(x)).replace(/^[+−]/, ''));
      }),
    );
  });
});
