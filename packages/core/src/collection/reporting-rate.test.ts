import { describe, expect, it } from 'vitest';
import { reportingTotals, reportingWarnings, unitReporting, type SubmissionFact } from './reporting-rate';

const expected = ['A', 'B', 'C', 'D', 'E', 'F'].map((c) => ({ code: c, name: `单位${c}` }));
const subs: SubmissionFact[] = [
  { unitCode: 'A', state: 'submitted', firstSubmittedAt: '2025-12-03T02:00:00Z' },
  { unitCode: 'B', state: 'approved', firstSubmittedAt: '2025-12-05T15:00:00Z' },
  { unitCode: 'C', state: 'locked', firstSubmittedAt: '2025-12-08T02:00:00Z' },
  // Returned for correction: not reported now.
  { unitCode: 'D', state: 'draft', firstSubmittedAt: '2025-12-04T02:00:00Z' },
  { unitCode: 'E', state: 'draft', firstSubmittedAt: null },
  { unitCode: 'Z', state: 'submitted', firstSubmittedAt: '2025-12-01T00:00:00Z' },
];

describe('reporting rate', () => {
  it('classifies each expected unit and counts them (by hand)', () => {
    const units = unitReporting(expected, subs, '2025-12-05', '2025-12-20T04:00:00Z');
    expect(units.map((u) => [u.code, u.status, u.daysLate])).toEqual([
      ['A', 'on_time', 0],
      ['B', 'on_time', 0],
      ['C', 'late', 3],
      ['D', 'overdue', 15],
      ['E', 'overdue', 15],
      ['F', 'overdue', 15],
    ]);
    expect(units[5]?.state).toBeNull();
    expect(units[3]?.submittedAt).toBeNull();
    expect(reportingTotals(units)).toEqual({
      expected: 6,
      reported: 3,
      onTime: 2,
      late: 1,
      pending: 0,
      overdue: 3,
      approved: 2,
      rate: 0.5,
      onTimeRate: 2 / 6,
    });
  });
  it('before the due date, missing forms are pending, not overdue', () => {
    const units = unitReporting(expected, subs, '2025-12-05', '2025-12-05T15:59:00Z');
    expect(units.filter((u) => u.status === 'pending').map((u) => u.code)).toEqual(['D', 'E', 'F']);
    expect(reportingTotals([])).toMatchObject({ expected: 0, rate: null, onTimeRate: null });
  });
  it('warns yellow when overdue and red from the threshold on', () => {
    const units = unitReporting(expected, subs, '2025-12-05', '2025-12-20T04:00:00Z');
    expect(reportingWarnings(units).map((w) => [w.unitCode, w.level])).toEqual([
      ['D', 'red'],
      ['E', 'red'],
      ['F', 'red'],
    ]);
    expect(reportingWarnings(units, { redAfterDays: 16 }).every((w) => w.level === 'yellow')).toBe(true);
  });
});
