import { describe, expect, it } from 'vitest';
import { impute } from './impute';

const N = Number.NaN;

describe('impute', () => {
  // 4 units × 3 indicators; groups: units 0,1,2 in group 0, unit 3 in none.
  const m = Float64Array.of(1, N, 10, 3, 20, N, N, 40, 30, N, 5, N);
  const previous = Float64Array.of(0, 7, 0, 0, 0, 8, 9, 0, 0, N, 0, 6);
  const groupOf = Int32Array.of(0, 0, 0, -1);

  it('group_mean uses the mean of the observed values of the unit’s group', () => {
    const r = impute(m, 4, 3, ['group_mean', 'group_mean', 'group_mean'], { groupOf });
    // col 0: unit 2 ← mean(1, 3) = 2; unit 3 has no group → NaN.
    // col 1: unit 0 ← mean(20, 40) = 30.  col 2: unit 1 ← mean(10, 30) = 20; unit 3 stays NaN.
    expect(Array.from(r.values)).toEqual([1, 30, 10, 3, 20, 20, 2, 40, 30, N, 5, N]);
    expect(r.count).toBe(3);
    expect(Array.from(r.imputed)).toEqual([0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  });
  it('last_period takes the previous value where it is observed; none leaves gaps', () => {
    const r = impute(m, 4, 3, ['last_period', 'none', 'last_period'], { previous });
    // col 0: unit 2 ← 9; unit 3 previous NaN → NaN. col 1 untouched. col 2: unit 1 ← 8, unit 3 ← 6.
    expect(Array.from(r.values)).toEqual([1, N, 10, 3, 20, 8, 9, 40, 30, N, 5, 6]);
    expect(r.count).toBe(3);
    expect(m[2 * 3]).toBeNaN(); // input untouched
  });
  it('without groups or a previous matrix nothing is imputed', () => {
    const r = impute(m, 4, 3, ['group_mean', 'last_period', 'none']);
    expect(r.count).toBe(0);
    expect(Array.from(r.values)).toEqual(Array.from(m));
  });
});
