import { describe, expect, it } from 'vitest';
import type { DispatchBoardDto, LightExplanationDto } from '@suocha/contract';
import { rollup, row, SCHEDULE_YELLOW, START_GREEN } from '../projects/test-fixtures';
import { countyProjectsView } from './county-projects-model';

const KAIHUA = '330824';

const START_RED: LightExplanationDto = {
  kind: 'start',
  light: 'red',
  ruleId: 'start.late_red',
  rulesId: 'methods-5',
  numbers: { monthsLate: 4 },
  plannedStart: '2025-02',
  zh: '计划2025-02开工, 已逾期4个月未开工',
  en: 'Planned to start 2025-02, 4 months late',
};

function board(patch: Partial<DispatchBoardDto> = {}): DispatchBoardDto {
  return {
    unit: { code: KAIHUA, name: '开化县' },
    month: '2025-06',
    scheduleShare: 0.5,
    rulesId: 'methods-5',
    total: rollup(KAIHUA),
    byUnit: [],
    byCategory: [],
    reported: [],
    red: [
      row(
        'R-1',
        {
          light: 'red',
          completionRate: 0,
          gapPoints: 50,
          scheduleLight: { ...SCHEDULE_YELLOW },
          startLight: START_RED,
        },
        { synthetic: true },
      ),
    ],
    redTotal: 1,
    yellow: [row('Y-1'), row('Y-2', { gapPoints: 12 })],
    yellowTotal: 3,
    synthetic: false,
    ...patch,
  };
}

describe('countyProjectsView', () => {
  it("takes the county's totals, lights and standing from the board's roll-up", () => {
    const v = countyProjectsView(KAIHUA, board());
    expect(v.state).toBe('projects');
    expect(v.month).toBe('2025-06');
    expect(v.count).toBe(10);
    expect(v.annualPlan).toBe(10_000);
    expect(v.ytdCompleted).toBe(4_000);
    expect(v.completionRate).toBe(0.4);
    expect(v.scheduleShare).toBe(0.5);
    expect(v.gapPoints).toBe(10);
    expect(v.standing).toBe('behind');
    expect(v.lights).toEqual([
      { light: 'red', count: 1 },
      { light: 'yellow', count: 3 },
      { light: 'green', count: 5 },
      { light: 'none', count: 1 },
    ]);
  });

  it('lists red projects before yellow ones, in the board order, linked to their page at the month', () => {
    const v = countyProjectsView(KAIHUA, board());
    expect(v.flagged.map((f) => [f.code, f.light])).toEqual([
      ['R-1', 'red'],
      ['Y-1', 'yellow'],
      ['Y-2', 'yellow'],
    ]);
    expect(v.flagged.map((f) => f.href)).toEqual([
      '/projects/project/R-1?month=2025-06',
      '/projects/project/Y-1?month=2025-06',
      '/projects/project/Y-2?month=2025-06',
    ]);
    expect(v.flagged[2]?.gapPoints).toBe(12);
    expect(v.flagged[0]?.synthetic).toBe(true);
  });

  it('gives as reasons only the explanations that carry the light', () => {
    const v = countyProjectsView(KAIHUA, board());
    // R-1 is red by its start (the schedule is only yellow); Y-1 is yellow by its schedule.
    expect(v.flagged[0]?.reasons).toEqual([START_RED]);
    expect(v.flagged[1]?.reasons).toEqual([SCHEDULE_YELLOW]);
    expect(v.flagged[1]?.reasons).not.toContain(START_GREEN);
  });

  it('counts the red and yellow projects the lists leave out and links the filtered board', () => {
    const v = countyProjectsView(KAIHUA, board());
    expect(v.moreRed).toBe(0);
    expect(v.moreYellow).toBe(1);
    expect(v.boardHref).toBe('/projects?unit=330824&month=2025-06');
    expect(v.redHref).toBe('/projects?unit=330824&light=red&month=2025-06');
    expect(v.yellowHref).toBe('/projects?unit=330824&light=yellow&month=2025-06');
  });

  it('is synthetic when the board or any project of the roll-up is', () => {
    expect(countyProjectsView(KAIHUA, board()).synthetic).toBe(false);
    expect(countyProjectsView(KAIHUA, board({ synthetic: true })).synthetic).toBe(true);
    expect(
      countyProjectsView(KAIHUA, board({ total: rollup(KAIHUA, { syntheticCount: 2 }) })).synthetic,
    ).toBe(true);
  });

  it('is on or ahead of schedule at a zero or negative gap, unknown without a plan', () => {
    const at = (gapPoints: number | null) =>
      countyProjectsView(KAIHUA, board({ total: rollup(KAIHUA, { gapPoints }) })).standing;
    expect(at(0)).toBe('on-or-ahead');
    expect(at(-3.5)).toBe('on-or-ahead');
    expect(at(0.1)).toBe('behind');
    expect(at(null)).toBe('unknown');
  });

  it('is empty when no project is registered for the county', () => {
    const none = { count: 0, annualPlan: 0, ytdCompleted: 0 };
    const v = countyProjectsView(
      KAIHUA,
      board({
        total: rollup(KAIHUA, {
          count: 0,
          annualPlan: 0,
          ytdCompleted: 0,
          completionRate: null,
          gapPoints: null,
          lights: { red: none, yellow: none, green: none, none },
        }),
        red: [],
        redTotal: 0,
        yellow: [],
        yellowTotal: 0,
      }),
    );
    expect(v.state).toBe('empty');
    expect(v.count).toBe(0);
    expect(v.flagged).toEqual([]);
    expect(v.lights.map((l) => l.count)).toEqual([0, 0, 0, 0]);
    expect(v.standing).toBe('unknown');
  });
});
