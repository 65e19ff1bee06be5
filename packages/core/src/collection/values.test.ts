import { describe, expect, it } from 'vitest';
import { checkComment, checkValue, parseValue } from './values';
import type { DataSetField } from './types';

const field: DataSetField = {
  indicatorCode: 'x',
  valueType: 'integer',
  min: 0,
  max: 100,
  required: true,
  softMin: null,
  softMax: null,
};

describe('value parsing and checks', () => {
  it('reads numbers, numeric text and grouped thousands; empty is no value', () => {
    expect(parseValue(12.5, 'x')).toEqual({ ok: true, value: 12.5 });
    expect(parseValue(' 1,234.5 ', 'x')).toEqual({ ok: true, value: 1234.5 });
    expect(parseValue('-3e2', 'x')).toEqual({ ok: true, value: -300 });
    expect(parseValue('.5', 'x')).toEqual({ ok: true, value: 0.5 });
    expect(parseValue('', 'x')).toEqual({ ok: true, value: null });
    expect(parseValue(null, 'x')).toEqual({ ok: true, value: null });
  });
  it('refuses what Number() would wrongly accept, and over-long text', () => {
    for (const bad of [
      '0x10',
      'Infinity',
      'NaN',
      '1e400',
      '12,34',
      '1 000',
      '十',
      '=1+1',
      '1.2.3',
      '9'.repeat(80),
    ]) {
      const r = parseValue(bad, 'x');
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.problem.code).toBe('NOT_A_NUMBER');
    }
    expect(parseValue(Number.POSITIVE_INFINITY, 'x').ok).toBe(false);
    expect(parseValue(Number.NaN, 'x').ok).toBe(false);
  });
  it('checks integer type and the hard range', () => {
    expect(checkValue(field, 50)).toEqual([]);
    expect(checkValue(field, 0)).toEqual([]);
    expect(checkValue(field, 100)).toEqual([]);
    expect(checkValue(field, 1.5).map((p) => p.code)).toEqual(['NOT_AN_INTEGER']);
    expect(checkValue(field, -1).map((p) => p.code)).toEqual(['BELOW_MIN']);
    expect(checkValue(field, 100.5).map((p) => p.code)).toEqual(['NOT_AN_INTEGER', 'ABOVE_MAX']);
    expect(checkValue({ ...field, valueType: 'number', min: null, max: null }, -1e9)).toEqual([]);
  });
  it('limits comments', () => {
    expect(checkComment('因台风影响, 数值偏低', 'x')).toEqual([]);
    expect(checkComment('a'.repeat(1001), 'x')[0]?.code).toBe('COMMENT_TOO_LONG');
    expect(checkComment('a\u0000b', 'x')[0]?.code).toBe('COMMENT_INVALID');
    expect(checkComment('line 1\nline 2\tend', 'x')).toEqual([]);
  });
});
