import { describe, expect, it } from 'vitest';
import type { ReportingUnit } from './collection-types';
import { formatRate, groupOf, summariseReporting } from './reporting-model';

const unit = (code: string, status: ReportingUnit['status'], daysLate = 0): ReportingUnit => ({
  code,
  name: code,
  parentCode: '330800',
  state: status === 'on_time' || status === 'late' ? 'submitted' : null,
  status,
  submittedAt: null,
  daysLate,
});

describe('summariseReporting', () => {
  it('counts on time, late and not yet (pending and overdue), and the rates over the expected units', () => {
    const s = summariseReporting({
      units: [
        unit('330802', 'on_time'),
        unit('330803', 'late', 2),
        unit('330822', 'overdue', 3),
        unit('330824', 'pending'),
        unit('330825', 'on_time'),
        unit('330881', 'overdue', 9),
        unit('330821', 'on_time'),
        unit('330826', 'late', 1),
      ],
    });
    expect(s.counts).toEqual({ not_yet: 3, late: 2, on_time: 3 });
    expect(s.expected).toBe(8);
    // 5 of 8 reported, 3 of 8 on time.
    expect(s.rate).toBe(0.625);
    expect(s.onTimeRate).toBe(0.375);
    expect(s.rows.map((r) => r.code)).toEqual([
      '330881',
      '330822',
      '330824',
      '330803',
      '330826',
      '330802',
      '330821',
      '330825',
    ]);
  });

  it('has no rate when no unit is expected, and does not reorder its input', () => {
    expect(summariseReporting({ units: [] })).toMatchObject({ expected: 0, rate: null, onTimeRate: null });
    const units = [unit('2', 'on_time'), unit('1', 'overdue', 1)];
    summariseReporting({ units });
    expect(units.map((u) => u.code)).toEqual(['2', '1']);
  });
});

describe('groupOf / formatRate', () => {
  it('puts pending and overdue units together as not yet reported', () => {
    expect(groupOf({ status: 'pending' })).toBe('not_yet');
    expect(groupOf({ status: 'overdue' })).toBe('not_yet');
    expect(groupOf({ status: 'late' })).toBe('late');
    expect(groupOf({ status: 'on_time' })).toBe('on_time');
  });

  it('writes a percentage with one decimal', () => {
    expect(formatRate(0.625)).toBe('62.5%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
  });
});
