/** Which population weighs a value: same period, else the same year's, else the latest earlier — never later. */
import { describe, expect, it } from 'vitest';
import type { GapObservation } from '@suocha/store';
import { pickStock } from './stock-vintage';

const obs = (period: string, periodEnd: string, value: number): GapObservation => ({
  indicatorCode: 'population',
  unitCode: '330824',
  period,
  periodEnd,
  value,
  source: 'test',
  synthetic: false,
});
const SERIES = [obs('2020', '2020-12-31', 1), obs('2023', '2023-12-31', 2), obs('2024H1', '2024-06-30', 3)];

describe('pickStock', () => {
  it('prefers the same period', () => {
    expect(pickStock(SERIES, '2023', '2023-12-31')).toMatchObject({
      rule: 'same_period',
      observation: { value: 2 },
    });
  });
  it('for a sub-annual period, takes the annual value of the same year', () => {
    expect(pickStock(SERIES, '2020Q3-YTD', '2020-09-30')).toMatchObject({
      rule: 'same_year',
      observation: { value: 1 },
    });
  });
  it('else the latest earlier one, never a later one', () => {
    expect(pickStock(SERIES, '2024Q3-YTD', '2024-09-30')).toMatchObject({
      rule: 'earlier',
      observation: { value: 3 },
    });
    expect(pickStock(SERIES, '2022', '2022-12-31')).toMatchObject({
      rule: 'earlier',
      observation: { value: 1 },
    });
    expect(pickStock(SERIES, '2019', '2019-12-31')).toBeNull();
    expect(pickStock([], '2024', '2024-12-31')).toBeNull();
  });
  it('on equal end dates prefers the annual value', () => {
    const tie = [obs('2023H2', '2023-12-31', 5), obs('2023', '2023-12-31', 6)];
    expect(pickStock(tie, '2024', '2024-12-31')?.observation.value).toBe(6);
  });
});
