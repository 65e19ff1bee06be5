import { describe, expect, it } from 'vitest';
import {
  MISSING,
  comparatorSymbol,
  formatDateTime,
  formatInterval,
  formatNumber,
  formatScore,
  formatShare,
  formatValue,
  formatWithUnit,
  rankChangeView,
} from './format';

describe('number formatting (zh-CN)', () => {
  it('groups thousands and fixes the decimals', () => {
    expect(formatNumber(142018.255, 0)).toBe('142,018');
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatScore(93.47003983489986)).toBe('93.5');
    expect(formatScore(50)).toBe('50.0');
    expect(formatNumber(-3.14159, 2)).toBe('-3.14');
  });

  it('shows missing values as an em dash, never as zero', () => {
    for (const missing of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatScore(missing)).toBe(MISSING);
      expect(formatShare(missing)).toBe(MISSING);
      expect(formatValue(missing, '%')).toBe(MISSING);
    }
    expect(formatScore(0)).toBe('0.0');
  });

  it('formats coverage shares as percentages', () => {
    expect(formatShare(0.875)).toBe('87.5%');
    expect(formatShare(0.6041666666666667)).toBe('60.4%');
    expect(formatShare(1)).toBe('100.0%');
  });

  it('gives each unit its precision', () => {
    expect(formatValue(176912.79, 'yuan')).toBe('176,913');
    expect(formatValue(21.66, 'persons')).toBe('21.7');
    expect(formatValue(65.5, '%')).toBe('65.50');
    expect(formatValue(1.734, 'ratio')).toBe('1.73');
  });

  it('writes a value with its unit label, the percent sign attached, nothing for a missing value', () => {
    expect(formatWithUnit(37.014, '%', '%')).toBe('37.01%');
    expect(formatWithUnit(1.861, 'ratio', '倍')).toBe('1.86 倍');
    expect(formatWithUnit(112313.97, 'yuan', '元')).toBe('112,314 元');
    expect(formatWithUnit(12, 'count', '')).toBe('12');
    expect(formatWithUnit(null, 'yuan', '元')).toBe(MISSING);
  });

  it('prints comparators as ≥ and ≤', () => {
    expect(['>=', '<=', '>', '<', '='].map(comparatorSymbol)).toEqual(['≥', '≤', '>', '<', '=']);
  });

  it('writes rank intervals', () => {
    expect(formatInterval({ p5: 3, p95: 5 })).toBe('3–5');
    expect(formatInterval({ p5: 1, p95: 1 })).toBe('1');
    expect(formatInterval(null)).toBe(MISSING);
  });

  it('turns a rank change into an arrow and an amount', () => {
    expect(rankChangeView(3)).toEqual({ direction: 'up', arrow: '↑', amount: 3 });
    expect(rankChangeView(-16)).toEqual({ direction: 'down', arrow: '↓', amount: 16 });
    expect(rankChangeView(0)).toEqual({ direction: 'same', arrow: '→', amount: 0 });
    expect(rankChangeView(null)).toEqual({ direction: 'none', arrow: '', amount: null });
  });
});

describe('formatDateTime', () => {
  it('writes a timestamp in the given zone', () => {
    expect(formatDateTime('2026-01-15T16:05:09.000Z', 'Asia/Shanghai')).toBe('2026-01-16 00:05');
    expect(formatDateTime('2026-01-15T16:05:09.000Z', 'UTC')).toBe('2026-01-15 16:05');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
