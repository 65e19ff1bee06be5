import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deciding, explanationRows, lightSegments, LIGHT_ORDER } from './lights-model';
import { projectsZh } from './projects-messages';
import { rollup, SCHEDULE_YELLOW, START_GREEN } from './test-fixtures';

describe('lightSegments', () => {
  it('lists red, yellow, green, not judged with their shares of the group (1/3/5/1 of 10)', () => {
    expect(lightSegments(rollup('330800').lights)).toEqual([
      { light: 'red', count: 1, share: 0.1 },
      { light: 'yellow', count: 3, share: 0.3 },
      { light: 'green', count: 5, share: 0.5 },
      { light: 'none', count: 1, share: 0.1 },
    ]);
  });

  it('has shares summing to 1 for any non-empty group, and 0 for an empty one', () => {
    const t = (count: number) => ({ count, annualPlan: 0, ytdCompleted: 0 });
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 }), ([r = 0, y = 0, g = 0, n = 0]) => {
        const s = lightSegments({ red: t(r), yellow: t(y), green: t(g), none: t(n) });
        expect(s.map((x) => x.light)).toEqual(LIGHT_ORDER);
        const sum = s.reduce((a, x) => a + x.share, 0);
        if (r + y + g + n === 0) expect(sum).toBe(0);
        else expect(sum).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('explanationRows', () => {
  it('shows the rule’s inputs as percentages and points, then its thresholds', () => {
    expect(explanationRows(SCHEDULE_YELLOW, projectsZh.numberName)).toEqual([
      { key: 'completionRate', label: '年度投资完成率', value: '35.0%' },
      { key: 'scheduleShare', label: '序时进度', value: '50.0%' },
      { key: 'gapPoints', label: '落后序时进度(百分点)', value: '+15.0' },
      { key: 'greenMaxGapPoints', label: '绿灯上限(百分点)', value: '10' },
      { key: 'yellowMaxGapPoints', label: '黄灯上限(百分点)', value: '30' },
    ]);
  });

  it('shows months late as whole numbers and keeps unknown keys, named by their key, at the end', () => {
    const rows = explanationRows(
      {
        ...SCHEDULE_YELLOW,
        kind: 'start',
        ruleId: 'start.late_red',
        numbers: { zeta: 0.25, redMinMonthsLate: 3, monthsLate: 4, yellowMinMonthsLate: 1 },
      },
      projectsZh.numberName,
    );
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['逾期月数', '4'],
      ['黄灯起点(月)', '1'],
      ['红灯起点(月)', '3'],
      ['zeta', '0.3'],
    ]);
  });
});

describe('deciding', () => {
  it('explains the overall light by the explanation that has it, schedule first', () => {
    const start = { ...START_GREEN, light: 'red' as const, ruleId: 'start.late_red' as const };
    expect(deciding({ light: 'red', scheduleLight: SCHEDULE_YELLOW, startLight: start })).toBe(start);
    expect(deciding({ light: 'yellow', scheduleLight: SCHEDULE_YELLOW, startLight: START_GREEN })).toBe(
      SCHEDULE_YELLOW,
    );
    const yellowStart = { ...START_GREEN, light: 'yellow' as const };
    expect(deciding({ light: 'yellow', scheduleLight: SCHEDULE_YELLOW, startLight: yellowStart })).toBe(
      SCHEDULE_YELLOW,
    );
  });
});
