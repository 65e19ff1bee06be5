import { describe, expect, it } from 'vitest';
import { classifyRatio, targetStatus } from './target-status';
import type { ObservationInput, TargetSpec } from './types';

// Hand-checkable numbers throughout; the decimals were confirmed with python3:
//   cagr = lambda y0, t0, y1, t1: (y1 / y0) ** (1 / (t1 - t0)) - 1
// Time scale: year Y is placed at Y + 1, a target "by T" at T + 1.

const obs = (...pairs: [string, number][]): ObservationInput[] =>
  pairs.map(([period, value]) => ({ period, value }));
const AS_OF = '2030-01-01';

describe('classifyRatio (Open SDG thresholds)', () => {
  it('puts the class boundaries where METHODS §1 says', () => {
    expect(classifyRatio(0.95)).toBe('on_track');
    expect(classifyRatio(0.9499)).toBe('needs_acceleration');
    expect(classifyRatio(0.6)).toBe('needs_acceleration');
    expect(classifyRatio(0.5999)).toBe('limited_progress');
    expect(classifyRatio(0)).toBe('limited_progress');
    expect(classifyRatio(-0.0001)).toBe('moving_away');
    expect(classifyRatio(3)).toBe('on_track');
  });
});

describe('targetStatus, higher is better (compound rates)', () => {
  // 100 in 2020 (t0 = 2021) → 121 in 2022 (t = 2023): r_obs = sqrt(1.21) − 1 = 0.1.
  const series = obs(['2020', 100], ['2021', 110], ['2022', 121]);
  it('on track when the required rate equals the observed one', () => {
    // ≥ 146.41 by 2024 (T = 2025): r_req = 1.4641^(1/4) − 1 = 0.1 → R = 1.
    const r = targetStatus({ comparator: '>=', value: 146.41, year: 2024 }, series, { asOf: AS_OF });
    expect(r.status).toBe('on_track');
    expect(r.rObs).toBeCloseTo(0.1, 12);
    expect(r.rReq).toBeCloseTo(0.1, 12);
    expect(r.ratio).toBeCloseTo(1, 12);
    // Projection: 121 · 1.1^(2025 − 2023) = 146.41.
    expect(r.projected).toBeCloseTo(146.41, 9);
    expect(r.baseline).toEqual({ period: '2020', time: 2021, value: 100, source: 'earliest_observation' });
    expect(r.latest).toEqual({ period: '2022', time: 2023, value: 121 });
  });
  it('needs acceleration at R ≈ 0.802', () => {
    // ≥ 160 by 2024: r_req = 1.6^(1/4) − 1 = 0.1246827 → R = 0.1/0.1246827 = 0.8020362.
    const r = targetStatus({ comparator: '>=', value: 160, year: 2024 }, series, { asOf: AS_OF });
    expect(r.status).toBe('needs_acceleration');
    expect(r.ratio).toBeCloseTo(0.8020362070798654, 12);
    // 序时进度: ŷ(2023) = 100 + 60·(2023 − 2021)/(2025 − 2021) = 130; gap = 121 − 130 = −9 (behind).
    expect(r.expected).toBeCloseTo(130, 12);
    expect(r.gap).toBeCloseTo(-9, 12);
    // From now: (160/121)^(1/2) − 1 = 0.1499…
    expect(r.requiredFromNow).toBeCloseTo(Math.sqrt(160 / 121) - 1, 12);
  });
  it('limited progress at R ≈ 0.529', () => {
    // ≥ 200 by 2024: r_req = 2^(1/4) − 1 = 0.1892071 → R = 0.5285214.
    const r = targetStatus({ comparator: '>=', value: 200, year: 2024 }, series, { asOf: AS_OF });
    expect(r.status).toBe('limited_progress');
    expect(r.ratio).toBeCloseTo(0.5285213507883251, 12);
  });
  it('moving away when the value falls', () => {
    // 100 → 90: r_obs = sqrt(0.9) − 1 = −0.0513167 → R = −0.513167.
    const r = targetStatus(
      { comparator: '>=', value: 146.41, year: 2024 },
      obs(['2020', 100], ['2022', 90]),
      {
        asOf: AS_OF,
      },
    );
    expect(r.status).toBe('moving_away');
    expect(r.ratio).toBeCloseTo(-0.5131670194948619, 12);
  });
  it('achieved when the latest value meets the target, with or without a trend', () => {
    const r = targetStatus({ comparator: '>=', value: 120, year: 2027 }, series, { asOf: AS_OF });
    expect(r.status).toBe('achieved');
    expect(r.reason).toBeNull();
    expect(r.requiredFromNow).toBeNull();
    const strict = targetStatus({ comparator: '>', value: 121, year: 2027 }, series, { asOf: AS_OF });
    expect(strict.status).not.toBe('achieved');
  });
});

describe('targetStatus, lower is better', () => {
  it('uses the same ratio with both rates negative', () => {
    // 2.0 → 1.8 over 2 years: r_obs = −0.0513167; ≤ 1.5 by 2024: r_req = 0.75^(1/4) − 1 = −0.0693951.
    // R = 0.7394855 → needs acceleration.
    const r = targetStatus({ comparator: '<=', value: 1.5, year: 2024 }, obs(['2020', 2], ['2022', 1.8]), {
      asOf: AS_OF,
    });
    expect(r.polarity).toBe('down');
    expect(r.status).toBe('needs_acceleration');
    expect(r.ratio).toBeCloseTo(0.7394855213996522, 12);
    // ŷ(2023) = 2 − 0.5·2/4 = 1.75; gap = 1.75 − 1.8 = −0.05 (behind, so negative).
    expect(r.gap).toBeCloseTo(-0.05, 12);
  });
  it('moving away when the baseline was already beyond the target and the latest is not', () => {
    // ≤ 1.80 with baseline 1.70: r_req would be positive; the r_req = 0 rule of METHODS §1 applies.
    const r = targetStatus({ comparator: '<=', value: 1.8, year: 2027 }, obs(['2020', 1.7], ['2022', 1.85]), {
      asOf: AS_OF,
    });
    expect(r.status).toBe('moving_away');
  });
});

describe('targetStatus, r_req = 0 and edge cases', () => {
  it('baseline exactly at the target level: achieved or moving away by comparator', () => {
    expect(
      targetStatus({ comparator: '>=', value: 100, year: 2027 }, obs(['2020', 100], ['2022', 99]), {
        asOf: AS_OF,
      }).status,
    ).toBe('moving_away');
    expect(
      targetStatus({ comparator: '>=', value: 100, year: 2027 }, obs(['2020', 100], ['2022', 100]), {
        asOf: AS_OF,
      }).status,
    ).toBe('achieved');
    const strict = targetStatus(
      { comparator: '>', value: 100, year: 2027 },
      obs(['2020', 100], ['2022', 100]),
      {
        asOf: AS_OF,
      },
    );
    expect(strict.rReq).toBe(0);
    expect(strict.status).toBe('moving_away');
  });
  it('no data: no observations, or one observation and no baseline', () => {
    const t: TargetSpec = { comparator: '>=', value: 150, year: 2027 };
    expect(targetStatus(t, [], { asOf: AS_OF })).toMatchObject({
      status: 'no_data',
      reason: 'NO_OBSERVATIONS',
    });
    const one = targetStatus(t, obs(['2025', 136]), { asOf: AS_OF });
    expect(one).toMatchObject({ status: 'no_data', reason: 'SINGLE_OBSERVATION', ratio: null });
  });
  it('uses the plan baseline when given, even with a single observation', () => {
    // Baseline 100 in 2019 (t0 = 2020), 121 in 2022 (t = 2023), ≥ 150 by 2025 (T = 2026):
    // r_obs = 1.21^(1/3) − 1 = 0.0656022, r_req = 1.5^(1/6) − 1 = 0.0699132, R = 0.9383384.
    const r = targetStatus(
      { comparator: '>=', value: 150, year: 2025, baseline: { period: '2019', value: 100 } },
      obs(['2022', 121]),
      { asOf: AS_OF },
    );
    expect(r.baseline?.source).toBe('plan');
    expect(r.ratio).toBeCloseTo(0.9383384319254137, 12);
    expect(r.status).toBe('needs_acceleration');
  });
  it('plan baseline wins over an observation of the same period', () => {
    const r = targetStatus(
      { comparator: '>=', value: 150, year: 2025, baseline: { period: '2020', value: 90 } },
      obs(['2020', 100], ['2022', 121]),
      { asOf: AS_OF },
    );
    expect(r.baseline).toMatchObject({ value: 90, source: 'plan' });
  });
  it('a plan baseline of another seasonality is not mixed with a year-to-date series', () => {
    const r = targetStatus(
      { comparator: '>=', value: 150, year: 2027, baseline: { period: '2022', value: 90 } },
      obs(['2024Q3-YTD', 100], ['2025Q3-YTD', 110]),
      { asOf: AS_OF },
    );
    expect(r.baseline).toMatchObject({ period: '2024Q3-YTD', source: 'earliest_observation' });
    expect(r.caveats).toContain('BASELINE_SEASONALITY_MISMATCH');
    expect(r.caveats).toContain('SUB_ANNUAL_SERIES');
  });
  it('growth rates need positive values; linear indicators use differences per year', () => {
    const t: TargetSpec = { comparator: '>=', value: 4, year: 2024 };
    const s = obs(['2020', -2], ['2022', 0]);
    expect(targetStatus(t, s, { asOf: AS_OF })).toMatchObject({
      status: 'no_data',
      reason: 'NON_POSITIVE_VALUE',
    });
    // Linear: r_obs = (0 − (−2))/2 = 1 per year; r_req = (4 − (−2))/(2025 − 2021) = 1.5; R = 2/3.
    const lin = targetStatus(t, s, { asOf: AS_OF, linear: true });
    expect(lin.method).toBe('linear');
    expect(lin.rObs).toBeCloseTo(1, 12);
    expect(lin.rReq).toBeCloseTo(1.5, 12);
    expect(lin.status).toBe('needs_acceleration');
    // Projection linear: 0 + 1·(2025 − 2023) = 2.
    expect(lin.projected).toBeCloseTo(2, 12);
  });
  it('a compound target of zero cannot be judged (the indicator must be linear)', () => {
    const t: TargetSpec = { comparator: '<=', value: 0, year: 2027 };
    const s = obs(['2022', 10], ['2024', 6]);
    expect(targetStatus(t, s, { asOf: AS_OF }).reason).toBe('NON_POSITIVE_VALUE');
    // Linear: r_obs = −2/yr, r_req = (0 − 10)/(2028 − 2023) = −2/yr → R = 1.
    expect(targetStatus(t, s, { asOf: AS_OF, linear: true })).toMatchObject({ status: 'on_track', ratio: 1 });
  });
  it('equality targets: direction from the baseline, tolerance honoured', () => {
    const t: TargetSpec = { comparator: '=', value: 50, year: 2027 };
    const down = targetStatus(t, obs(['2020', 80], ['2022', 70]), { asOf: AS_OF });
    expect(down.polarity).toBe('down');
    expect(down.ratio).toBeGreaterThan(0);
    expect(targetStatus(t, obs(['2020', 80], ['2022', 50.4]), { asOf: AS_OF, tolerance: 0.5 }).status).toBe(
      'achieved',
    );
  });
});

describe('targetStatus, slipped and achievedRule', () => {
  // ≥ 150 by 2027 (T = 2028): 100 (2020), 155 (2021, met), 140 (2022, no longer met).
  // r_obs = 1.4^(1/2) − 1 = 0.1832160; r_req = 1.5^(1/7) − 1 = 0.0596340; R = 3.0723394.
  const t: TargetSpec = { comparator: '>=', value: 150, year: 2027 };
  const s = obs(['2020', 100], ['2021', 155], ['2022', 140]);
  it('latest rule (default): judged on the trend, flagged slipped', () => {
    const r = targetStatus(t, s, { asOf: AS_OF });
    expect(r.status).toBe('on_track');
    expect(r.ratio).toBeCloseTo(3.0723393865757376, 12);
    expect(r.slipped).toBe(true);
  });
  it('ever rule: stays achieved, flagged slipped', () => {
    expect(targetStatus(t, s, { asOf: AS_OF, achievedRule: 'ever' })).toMatchObject({
      status: 'achieved',
      slipped: true,
    });
  });
  it('not slipped when the latest still meets it', () => {
    expect(targetStatus(t, obs(['2021', 155], ['2022', 160]), { asOf: AS_OF }).slipped).toBe(false);
  });
});

describe('targetStatus, periods and the as-of date', () => {
  const mixed = obs(['2023', 100], ['2024', 110], ['2024Q3-YTD', 80], ['2025-Q3-YTD', 88]);
  const t: TargetSpec = { comparator: '>=', value: 200, year: 2027 };
  it('judges the series of the latest observation’s seasonality, never mixing YTD with annual', () => {
    const r = targetStatus(t, mixed, { asOf: '2025-12-01' });
    expect(r.series.map((p) => p.period)).toEqual(['2024Q3-YTD', '2025Q3-YTD']);
    expect(r.baseline?.time).toBe(2024.75);
    expect(r.latest?.time).toBe(2025.75);
    expect(r.caveats).toContain('SUB_ANNUAL_SERIES');
  });
  it('counts a period only once it has ended by the as-of date', () => {
    // 2025Q3-YTD ends 2025-09-30: on 2025-09-29 the latest ended period is the year 2024.
    const r = targetStatus(t, mixed, { asOf: '2025-09-29' });
    expect(r.series.map((p) => p.period)).toEqual(['2023', '2024']);
    expect(r.caveats).not.toContain('SUB_ANNUAL_SERIES');
    expect(targetStatus(t, mixed, { asOf: '2025-09-30' }).latest?.period).toBe('2025Q3-YTD');
    expect(targetStatus(t, mixed, { asOf: '2023-12-30' }).reason).toBe('NO_OBSERVATIONS');
  });
  it('series "annual" pins whole years', () => {
    const r = targetStatus(t, mixed, { asOf: '2025-12-01', series: 'annual' });
    expect(r.series.map((p) => p.period)).toEqual(['2023', '2024']);
  });
  it('at equal end dates the longer span is the latest (2025Q3-YTD over 2025-09)', () => {
    const r = targetStatus(t, obs(['2024-09', 5], ['2025-09', 6], ['2024Q3-YTD', 80], ['2025Q3-YTD', 88]), {
      asOf: AS_OF,
    });
    expect(r.latest?.period).toBe('2025Q3-YTD');
  });
  it('drops invalid periods and duplicates with caveats', () => {
    const r = targetStatus(t, obs(['2025Q5', 1], ['2022', 90], ['2023', 95], ['2023', 96]), { asOf: AS_OF });
    expect(r.caveats).toEqual(expect.arrayContaining(['INVALID_PERIODS_IGNORED', 'DUPLICATE_PERIODS']));
    expect(r.latest?.value).toBe(96);
    const nan = targetStatus(t, obs(['2022', Number.NaN], ['2023', 95]), { asOf: AS_OF });
    expect(nan.series).toHaveLength(1);
  });
  it('flags a target whose year has passed: overdue without data for it, missed with', () => {
    const s = obs(['2022', 100], ['2023', 110]);
    const target2024: TargetSpec = { comparator: '>=', value: 150, year: 2024 };
    expect(targetStatus(target2024, s, { asOf: '2024-12-30' }).caveats).not.toContain('OVERDUE');
    expect(targetStatus(target2024, s, { asOf: '2025-01-15' }).caveats).toContain('OVERDUE');
    const missed = targetStatus(target2024, [...s, { period: '2024', value: 120 }], { asOf: '2025-06-01' });
    expect(missed.caveats).toContain('TARGET_MISSED');
    expect(missed.caveats).not.toContain('OVERDUE');
  });
});
