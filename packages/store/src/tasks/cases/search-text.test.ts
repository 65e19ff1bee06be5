/** Normalisation and grams of case search text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseSearchColumns,
  charLength,
  normalizeSearchText,
  searchTerms,
  termGrams,
  textGrams,
} from './search-text';

describe('normalizeSearchText', () => {
  it('folds width and case and turns punctuation runs into one space', () => {
    expect(normalizeSearchText('“政银险担基”协同支农改革')).toBe('政银险担基 协同支农改革');
    expect(normalizeSearchText('ＡＢＣ　５Ｇ，App2025！')).toBe('abc 5g app2025');
    expect(normalizeSearchText('  ——  ')).toBe('');
  });

  it('is idempotent and leaves only letters, digits and single inner spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const n = normalizeSearchText(s);
        expect(normalizeSearchText(n)).toBe(n);
        expect(n).not.toMatch(/^ | $| {2}/);
        expect(n.replaceAll(' ', '')).toMatch(/^[\p{L}\p{N}]*$/u);
      }),
    );
  });
});

describe('grams', () => {
  it('lists distinct unigrams and bigrams inside runs, never across a space', () => {
    expect(textGrams('共富 共富裕')).toEqual(['共', '共富', '富', '富裕', '裕']);
    expect(termGrams('共')).toEqual(['共']);
    expect(termGrams('共富')).toEqual(['共富']);
    expect(termGrams('共同富裕')).toEqual(['共同', '同富', '富裕']);
  });

  it('every gram a term needs is among the grams of any text that contains the term', () => {
    const alphabet = fc.constantFrom('共', '富', '同', '裕', 'a', '5', ' ');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }),
        fc.array(alphabet, { minLength: 1, maxLength: 5 }),
        (t, q) => {
          const text = normalizeSearchText(t.join(''));
          const term = searchTerms(q.join(''))[0];
          if (term === undefined || !text.includes(term)) return;
          const grams = new Set(textGrams(text));
          for (const g of termGrams(term)) expect(grams.has(g)).toBe(true);
        },
      ),
    );
  });

  it('counts characters as code points', () => {
    expect(charLength('共富𠀀a')).toBe(4);
  });
});

describe('searchTerms and the stored columns', () => {
  it('splits a query into distinct normalised terms', () => {
    expect(searchTerms(' 共富，共富  ５Ｇ ')).toEqual(['共富', '5g']);
    expect(searchTerms('。。')).toEqual([]);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });

  it('joins the normalised fields into the searched text', () => {
    const c = caseSearchColumns({
      title: '共富工坊',
      tags: ['扩中提低', 'A'],
      summary: '',
      body: '带动增收。',
    });
    expect(c.search_text).toBe('共富工坊 扩中提低 a 带动增收');
    expect(c.tags_norm).toBe('扩中提低 a');
    expect(c.grams.split(' ')).toContain('工坊');
  });
});
