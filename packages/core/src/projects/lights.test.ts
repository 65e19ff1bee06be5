import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_LIGHT_RULES,
  LIGHT_SEVERITY,
  lightRulesProblems,
  scheduleLight,
  startLight,
  worseLight,
  type LightRules,
} from './lights';

describe('schedule light (METHODS §5: ≤10 green, 10–30 yellow, >30 red)', () => {
  // Plan 1000 at the end of June (序时进度 0.5): completion = ytd/1000, gap = (0.5 − rate)·100.
  const at = (ytd: number) => scheduleLight(0.5, ytd / 1000);
  it('is green on or ahead of schedule, with its own rule id', () => {
    const l = at(600);
    expect(l.light).toBe('green');
    expect(l.ruleId).toBe('schedule.on_or_ahead');
    expect(l.numbers).toEqual({
      scheduleShare: 0.5,
      completionRate: 0.6,
      gapPoints: -10,
      greenMaxGapPoints: 10,
      yellowMaxGapPoints: 30,
    });
    expect(l.zh).toContain('达到或快于序时进度');
    expect(l.rulesId).toBe('methods-5');
  });
  it('is green up to and including 10 points behind (METHODS governs over the issue wording)', () => {
    expect(at(500).ruleId).toBe('schedule.on_or_ahead'); // gap 0
    const l = at(400); // gap exactly 10
    expect([l.light, l.ruleId, l.numbers.gapPoints]).toEqual(['green', 'schedule.green_band', 10]);
    expect(l.zh).toBe('完成率40.0%, 序时进度50.0%, 落后10.0个百分点, 不超过10个百分点');
  });
  it('is yellow above 10 and up to 30 points, red above 30', () => {
    expect(at(399).light).toBe('yellow'); // gap 10.1
    const y = at(200); // gap exactly 30
    expect([y.light, y.ruleId, y.numbers.gapPoints]).toEqual(['yellow', 'schedule.yellow_band', 30]);
    const r = at(199); // gap 30.1
    expect([r.light, r.ruleId]).toEqual(['red', 'schedule.red_band']);
    expect(r.numbers.gapPoints).toBeCloseTo(30.1, 9);
    expect(r.en).toBe('completion 19.9%, schedule 50.0%: 30.1 points behind, more than 30');
  });
  it('serialises with its sentences (JSON for the API and bulletins)', () => {
    const json = JSON.parse(JSON.stringify(at(199))) as Record<string, unknown>;
    expect(json).toMatchObject({
      kind: 'schedule',
      light: 'red',
      ruleId: 'schedule.red_band',
      rulesId: 'methods-5',
    });
    expect(json.zh).toBe('完成率19.9%, 序时进度50.0%, 落后30.1个百分点, 超过30个百分点');
    expect(typeof json.en).toBe('string');
    const start = JSON.parse(
      JSON.stringify(startLight({ plannedStart: '2025-03', started: false, asOf: '2025-05' })),
    );
    expect(start).toMatchObject({ plannedStart: '2025-03', zh: '计划2025-03开工, 逾期2个月未开工' });
  });
  it('is not judged without a plan', () => {
    const l = scheduleLight(0.5, null);
    expect([l.light, l.ruleId]).toEqual(['none', 'schedule.no_plan']);
  });
  it('follows configured thresholds (rules are data)', () => {
    const strict: LightRules = {
      id: 'strict',
      schedule: { greenMaxGapPoints: 5, yellowMaxGapPoints: 15 },
      start: { yellowMinMonthsLate: 1, redMinMonthsLate: 2 },
    };
    expect(scheduleLight(0.5, 0.44, strict).light).toBe('yellow'); // gap 6
    expect(scheduleLight(0.5, 0.34, strict).light).toBe('red'); // gap 16
    expect(scheduleLight(0.5, 0.34, strict).rulesId).toBe('strict');
    expect(lightRulesProblems(strict)).toEqual([]);
    expect(lightRulesProblems(DEFAULT_LIGHT_RULES)).toEqual([]);
    expect(
      lightRulesProblems({ ...strict, schedule: { greenMaxGapPoints: 20, yellowMaxGapPoints: 10 } }).length,
    ).toBe(1);
  });
  it('never improves when completion falls (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        (m, a, b) => {
          const hi = Math.max(a, b);
          const lo = Math.min(a, b);
          const share = m / 12;
          expect(LIGHT_SEVERITY[scheduleLight(share, lo).light]).toBeGreaterThanOrEqual(
            LIGHT_SEVERITY[scheduleLight(share, hi).light],
          );
        },
      ),
    );
  });
});

describe('start light (METHODS §5: 1–2 months late yellow, ≥3 red)', () => {
  const at = (asOf: string, started = false) => startLight({ plannedStart: '2025-03', started, asOf });
  it('is green until the planned month has passed', () => {
    expect([at('2025-02').light, at('2025-03').ruleId]).toEqual(['green', 'start.not_yet_due']);
    expect(at('2025-03').numbers.monthsLate).toBe(0);
  });
  it('is yellow 1–2 months late and red from 3', () => {
    expect([at('2025-04').light, at('2025-04').numbers.monthsLate]).toEqual(['yellow', 1]);
    expect(at('2025-05').light).toBe('yellow');
    const r = at('2025-06');
    expect([r.light, r.ruleId, r.numbers.monthsLate]).toEqual(['red', 'start.late_red', 3]);
    expect(r.zh).toBe('计划2025-03开工, 逾期3个月未开工, 达到3个月');
  });
  it('counts months across the year end', () => {
    const l = startLight({ plannedStart: '2024-11', started: false, asOf: '2025-01' });
    expect([l.light, l.numbers.monthsLate]).toEqual(['yellow', 2]);
  });
  it('is green once started and not judged without a plan or when not applicable', () => {
    expect(at('2025-09', true).ruleId).toBe('start.started');
    expect(startLight({ started: false, asOf: '2025-09' }).light).toBe('none');
    expect(
      startLight({ plannedStart: '2025-01', started: false, asOf: '2025-09', applicable: false }).light,
    ).toBe('none');
    expect(startLight({ plannedStart: '2025-1', started: false, asOf: '2025-09' }).ruleId).toBe(
      'start.invalid_month',
    );
  });
  it('never improves as months pass without a start (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (a, b) => {
        const base = 2024 * 12;
        const fmt = (o: number) => `${Math.floor(o / 12)}-${String((o % 12) + 1).padStart(2, '0')}`;
        const l = (k: number) => startLight({ plannedStart: '2024-01', started: false, asOf: fmt(base + k) });
        expect(LIGHT_SEVERITY[l(Math.max(a, b)).light]).toBeGreaterThanOrEqual(
          LIGHT_SEVERITY[l(Math.min(a, b)).light],
        );
      }),
    );
  });
  it('takes the worse of two lights, ignoring none', () => {
    expect(worseLight('green', 'red')).toBe('red');
    expect(worseLight('yellow', 'none')).toBe('yellow');
    expect(worseLight('none', 'green')).toBe('green');
    expect(worseLight('none', 'none')).toBe('none');
  });
});
