import { describe, expect, it } from 'vitest';
import {
  bulletinFileUrl,
  bulletinPath,
  isBulletinMonth,
  lastEndedMonth,
  monthToShow,
} from './bulletins-model';

describe('bulletins page model', () => {
  it('shows the latest ended month unless the path names a valid one', () => {
    expect(lastEndedMonth('2026-01-15')).toBe('2025-12');
    expect(lastEndedMonth('2025-12-01')).toBe('2025-11');
    expect(monthToShow('2025-11', '2026-03-01')).toBe('2025-11');
    expect(monthToShow('2025-13', '2026-03-01')).toBe('2026-02');
    expect(monthToShow(null, '2026-03-01')).toBe('2026-02');
  });

  it('recognises months and builds file and page addresses', () => {
    expect(isBulletinMonth('2025-09')).toBe(true);
    expect(isBulletinMonth('2025-9')).toBe(false);
    expect(bulletinFileUrl('2025-11', 'docx')).toBe('/api/bulletins/2025-11/docx');
    expect(bulletinPath('2025-11')).toBe('/bulletins/2025-11');
  });
});
