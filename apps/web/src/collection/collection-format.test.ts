import { describe, expect, it } from 'vitest';
import { formatStamp, formatValue } from './collection-format';

describe('formatValue', () => {
  it('groups thousands, keeps up to four decimals and writes — for no value', () => {
    expect(formatValue(52000, 'zh-CN')).toBe('52,000');
    expect(formatValue(1234.56789, 'en')).toBe('1,234.5679');
    expect(formatValue(0, 'en')).toBe('0');
    expect(formatValue(null, 'zh-CN')).toBe('—');
    expect(formatValue(Number.NaN, 'zh-CN')).toBe('—');
  });
});

describe('formatStamp', () => {
  it('writes Beijing time: 16:30 UTC is half past midnight the next day', () => {
    expect(formatStamp('2026-03-04T16:30:00.000Z')).toBe('2026-03-05 00:30');
    expect(formatStamp('2026-03-04T01:05:00Z')).toBe('2026-03-04 09:05');
    expect(formatStamp(null)).toBe('—');
    expect(formatStamp('yesterday')).toBe('yesterday');
  });
});
