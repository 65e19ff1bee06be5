/** Match ranges and excerpts for highlighting search hits. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSearchText } from '@suocha/store';
import { matchRanges, snippetOf } from './highlight';

describe('matchRanges', () => {
  it('marks every occurrence in the original text, whatever its width or case', () => {
    expect(matchRanges('共富工坊带动共富', ['共富'])).toEqual([
      [0, 2],
      [6, 8],
    ]);
    // Full-width "５Ｇ" is found by the normalised term "5g"; overlapping terms merge.
    expect(matchRanges('建成５Ｇ基站', ['5g', 'g基站'])).toEqual([[2, 6]]);
    expect(matchRanges('“两山”合作社', ['两山'])).toEqual([[1, 3]]);
    expect(matchRanges('无关', ['共富'])).toEqual([]);
    // Astral characters count as two UTF-16 units, as the browser slices strings.
    expect(matchRanges('𠀀共富', ['共富'])).toEqual([[2, 4]]);
  });

  it('every marked range, normalised, contains a term', () => {
    const alphabet = fc.constantFrom('共', '富', 'Ａ', 'a', '，', ' ', '5');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 25 }),
        fc.constantFrom('共富', 'a', '5a', '富'),
        (chars, term) => {
          const text = chars.join('');
          for (const [s, e] of matchRanges(text, [term]))
            expect(normalizeSearchText(text.slice(s, e))).toContain(term);
          // And a text containing the term (normalised, without separators inside) has at least one range.
          if (normalizeSearchText(text).includes(term))
            expect(matchRanges(text, [term]).length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('snippetOf', () => {
  it('cuts around the first match with ellipses and marks the match inside the excerpt', () => {
    const body = `${'甲'.repeat(100)}共富${'乙'.repeat(100)}`;
    const s = snippetOf(body, ['共富'], 40);
    // Starts 10 characters (width / 4) before the match at 100.
    expect(s.text).toBe(`…${'甲'.repeat(10)}共富${'乙'.repeat(28)}…`);
    expect(s.ranges).toEqual([[11, 13]]);
    expect(snippetOf('短文本', ['无'], 40)).toEqual({ text: '短文本', ranges: [] });
    expect(snippetOf(`${'甲'.repeat(50)}尾`, [], 10).text).toBe(`${'甲'.repeat(10)}…`);
  });
});
