import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIGHT_CODES, PROJECT_STAGE_CODES } from '@suocha/contract';
import {
  boardParams,
  hasFilters,
  LIGHT_FILTERS,
  readBoardFilters,
  STAGE_FILTERS,
  withFilter,
} from './board-url';

describe('board filters in the URL', () => {
  it('offers exactly the contract’s stages and lights (the bundle keeps its own copy: no zod)', () => {
    expect([...STAGE_FILTERS]).toEqual([...PROJECT_STAGE_CODES]);
    expect([...LIGHT_FILTERS].sort()).toEqual([...LIGHT_CODES].sort());
  });

  it('reads valid filters and drops malformed ones', () => {
    expect(
      readBoardFilters(
        '?unit=330800&category=county_town&department=%E7%9C%81%E5%8F%91%E6%94%B9%E5%A7%94&stage=under_construction&light=red&q=%20路%20&month=2025-11',
      ),
    ).toEqual({
      unit: '330800',
      category: 'county_town',
      department: '省发改委',
      stage: 'under_construction',
      light: 'red',
      q: '路',
      month: '2025-11',
    });
    expect(readBoardFilters('?unit=33&category=Bad&stage=built&light=blue&month=2025-13&q=')).toEqual({});
  });

  it('writes the set filters in a fixed order', () => {
    expect(boardParams({ month: '2025-11', light: 'yellow', unit: '330000' }).toString()).toBe(
      'unit=330000&light=yellow&month=2025-11',
    );
  });

  it('sets and clears one filter at a time', () => {
    const f = withFilter({ unit: '330000' }, 'light', 'red');
    expect(f).toEqual({ unit: '330000', light: 'red' });
    expect(withFilter(f, 'light', '')).toEqual({ unit: '330000' });
    expect(withFilter(f, 'stage', 'nonsense')).toEqual(f);
    expect(hasFilters({ month: '2025-11' })).toBe(false);
    expect(hasFilters({ light: 'red' })).toBe(true);
  });

  it('round-trips any valid filters through the query string', () => {
    const arb = fc.record(
      {
        unit: fc.stringMatching(/^\d{6}$/),
        category: fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/),
        department: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== ''),
        stage: fc.constantFrom('planned', 'completed', 'cancelled' as const),
        light: fc.constantFrom('red', 'yellow', 'green', 'none' as const),
        month: fc
          .integer({ min: 2000 * 12, max: 2100 * 12 })
          .map((i) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arb, (f) => {
        expect(readBoardFilters(boardParams(f).toString())).toEqual(f);
      }),
    );
  });
});
