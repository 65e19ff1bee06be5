import { describe, expect, it } from 'vitest';
import { formatCount, formatIndex, formatRatio, formatShare, formatYuan } from './gaps-format';

describe('gaps formats', () => {
  it('writes ratios and indices with four decimals, money and counts whole, zh-CN grouped', () => {
    expect(formatRatio(48735 / 28778)).toBe('1.6935');
    expect(formatIndex(0.28181127)).toBe('0.2818');
    expect(formatYuan(88048.4)).toBe('88,048');
    expect(formatCount(1154.5)).toBe('1,155');
    expect(formatShare(0.0888)).toBe('8.9%');
  });

  it('writes a missing value as a dash, never 0', () => {
    expect(formatRatio(null)).toBe('—');
    expect(formatIndex(Number.NaN)).toBe('—');
    expect(formatYuan(undefined)).toBe('—');
  });
});
