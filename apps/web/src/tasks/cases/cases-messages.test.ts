/** Both languages say the same things. */
import { describe, expect, it } from 'vitest';
import { casesEn, casesMessages, casesZh } from './cases-messages';

describe('cases messages', () => {
  it('have the same keys in zh-CN and en, and pick by language', () => {
    expect(Object.keys(casesEn).sort()).toEqual(Object.keys(casesZh).sort());
    expect(casesMessages('en')).toBe(casesEn);
    expect(casesMessages('zh-CN')).toBe(casesZh);
    expect(casesZh.resultCount(2, ['共富', '5g'])).toBe('找到 2 个案例（检索词：共富、5g）');
    expect(casesEn.caseCount(1)).toBe('1 case');
    expect(casesZh.status('active')).toBe('实施中');
  });
});
