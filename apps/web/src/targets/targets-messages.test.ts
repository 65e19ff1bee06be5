import { describe, expect, it } from 'vitest';
import { targetsEn, targetsZh } from './targets-messages';

describe('targets texts', () => {
  it('name the seasonality of a series in both languages', () => {
    expect(targetsZh.seasonality('year')).toBe('年度值');
    expect(targetsZh.seasonality('Q3-YTD')).toBe('1–9月累计');
    expect(targetsZh.seasonality('H1-YTD')).toBe('1–6月累计');
    expect(targetsZh.seasonality('M10-YTD')).toBe('1–10月累计');
    expect(targetsZh.seasonality('Q3')).toBe('三季度');
    expect(targetsZh.seasonality('M05')).toBe('5月');
    expect(targetsEn.seasonality('Q3-YTD')).toBe('Jan–Sep year-to-date');
    expect(targetsEn.seasonality('year')).toBe('Annual');
    expect(targetsEn.seasonality('odd')).toBe('odd');
  });

  it('label every progress status, and the superseded mark with the plan that governs', () => {
    for (const s of [
      'achieved',
      'on_track',
      'needs_acceleration',
      'limited_progress',
      'moving_away',
      'no_data',
    ]) {
      expect(targetsZh.status(s)).not.toBe(s);
      expect(targetsEn.status(s)).not.toBe(s);
    }
    expect(targetsZh.supersededBy('zj-2025-sancha')).toBe('已被 zj-2025-sancha 取代');
    expect(targetsZh.axisYear(2026)).toBe('2025年末');
  });
});
