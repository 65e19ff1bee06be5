/** Segments for <mark> and the ranges of terms in a case's full text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightSegments, termRanges } from './highlight-segments';

describe('highlightSegments', () => {
  it('splits a text at the ranges', () => {
    expect(
      highlightSegments('共富工坊带动共富', [
        [0, 2],
        [6, 8],
      ]),
    ).toEqual([
      { text: '共富', hit: true },
      { text: '工坊带动', hit: false },
      { text: '共富', hit: true },
    ]);
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', hit: false }]);
    // Out-of-range, empty and backwards ranges are clipped or ignored.
    expect(
      highlightSegments('abc', [
        [2, 9],
        [1, 1],
        [5, 3],
      ]),
    ).toEqual([
      { text: 'ab', hit: false },
      { text: 'c', hit: true },
    ]);
  });

  it('always gives back the whole text, in order', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 6 }),
        (text, raw) => {
          const ranges = raw
            .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
            .sort((x, y) => x[0] - y[0]);
          expect(
            highlightSegments(text, ranges)
              .map((s) => s.text)
              .join(''),
          ).toBe(text);
        },
      ),
    );
  });
});

describe('termRanges', () => {
  it('finds normalised terms in the original text', () => {
    expect(termRanges('建成５Ｇ基站，5G覆盖', ['5g'])).toEqual([
      [2, 4],
      [7, 9],
    ]);
    expect(termRanges('“两山”合作社', ['两山', '合作'])).toEqual([
      [1, 3],
      [4, 6],
    ]);
    expect(termRanges('无关', [])).toEqual([]);
  });
});
