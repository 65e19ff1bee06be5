import { describe, expect, it } from 'vitest';
import type { ProgressReport, ProgressRow } from '../api/types';
import { threeGapTargets } from './gap-targets-model';

const row = (targetId: number, code: string, year: number, governing = true): ProgressRow =>
  ({ targetId, indicator: { code }, year, governing }) as unknown as ProgressRow;

describe('threeGapTargets', () => {
  it('keeps the governing targets of the three gaps, in programme order and by year', () => {
    const report = {
      items: [
        row(1, 'urban_rural_income_ratio', 2027),
        row(2, 'urban_rural_income_ratio', 2025),
        row(3, 'urban_rural_income_ratio', 2027, false),
        row(4, 'resident_income', 2027),
        row(5, 'mountain_island_income_ratio', 2027),
      ],
    } as unknown as ProgressReport;
    const groups = threeGapTargets(report);
    expect(groups.map((g) => [g.code, g.rows.map((r) => r.targetId)])).toEqual([
      ['urban_rural_income_ratio', [2, 1]],
      ['city_income_max_min_ratio', []],
      ['mountain_island_income_ratio', [5]],
    ]);
  });
});
