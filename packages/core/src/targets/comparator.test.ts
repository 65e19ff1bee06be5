import { describe, expect, it } from 'vitest';
import { meetsTarget, parseComparator, targetPolarity } from './comparator';

describe('comparators', () => {
  it('parse the spellings of the data and of the documents', () => {
    expect(parseComparator('>=')).toBe('>=');
    expect(parseComparator('≥')).toBe('>=');
    expect(parseComparator(' ≤ ')).toBe('<=');
    expect(parseComparator('==')).toBe('=');
    expect(parseComparator('=>')).toBeUndefined();
  });
  it('decide whether a value meets a target', () => {
    expect(meetsTarget(136, '>=', 135)).toBe(true);
    expect(meetsTarget(135, '>', 135)).toBe(false);
    expect(meetsTarget(1.8, '<=', 1.8)).toBe(true);
    expect(meetsTarget(23, '<', 23)).toBe(false);
    expect(meetsTarget(5.04, '=', 5, 0.05)).toBe(true);
    expect(meetsTarget(5.06, '=', 5, 0.05)).toBe(false);
  });
  it('take the direction from the inequality, and for = from baseline to target', () => {
    expect(targetPolarity('<', 'up', 30, 23)).toBe('down');
    expect(targetPolarity('>=', 'down', 1, 0)).toBe('up');
    expect(targetPolarity('=', 'up', 80, 50)).toBe('down');
    expect(targetPolarity('=', 'down', undefined, 50)).toBe('down');
    expect(targetPolarity('=', undefined, 50, 50)).toBe('up');
  });
});
