import { describe, expect, it } from 'vitest';
import { sourceUrl } from './source-url';

describe('sourceUrl', () => {
  it('takes the first address of a source note (shapes met in data/groups.csv)', () => {
    expect(
      sourceUrl('http://m.olppe.com/caijing/20250107/07147860.html (repost of 中国新闻网 2025-01-07)'),
    ).toBe('http://m.olppe.com/caijing/20250107/07147860.html');
    expect(sourceUrl('https://a.example/x?y=1 and https://b.example/')).toBe('https://a.example/x?y=1');
    expect(sourceUrl('见（https://a.example/p）')).toBe('https://a.example/p');
  });

  it('returns null when there is no http(s) address', () => {
    expect(sourceUrl('groups.csv')).toBeNull();
    expect(sourceUrl('')).toBeNull();
    expect(sourceUrl('javascript:alert(1)')).toBeNull();
  });
});
