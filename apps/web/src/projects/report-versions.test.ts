import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupReportVersions } from './report-versions';
import { report } from './test-fixtures';

describe('groupReportVersions', () => {
  it('puts the newest month first and the current version first within a month', () => {
    const groups = groupReportVersions([
      report('2025-03', 1, true, 80, 80),
      report('2025-05', 1, false, 250, 80),
      report('2025-05', 3, true, 262, 92),
      report('2025-05', 2, false, 260, 90),
      report('2024-12', 1, true, 900, 100),
    ]);
    expect(groups.map((g) => g.month)).toEqual(['2025-05', '2025-03', '2024-12']);
    expect(groups[0]?.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(groups[0]?.current?.ytdCompleted).toBe(262);
  });

  it('loses no report and keeps each month’s versions together', () => {
    const arb = fc.array(
      fc.record({ m: fc.integer({ min: 1, max: 12 }), v: fc.integer({ min: 1, max: 5 }) }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const reports = specs.map(({ m, v }) =>
          report(`2025-${String(m).padStart(2, '0')}`, v, v === 5, 0, 0),
        );
        const groups = groupReportVersions(reports);
        expect(groups.reduce((n, g) => n + g.versions.length, 0)).toBe(reports.length);
        for (const g of groups) for (const v of g.versions) expect(v.month).toBe(g.month);
        for (let i = 1; i < groups.length; i++)
          expect((groups[i - 1]?.month ?? '') > (groups[i]?.month ?? '')).toBe(true);
      }),
    );
  });
});
