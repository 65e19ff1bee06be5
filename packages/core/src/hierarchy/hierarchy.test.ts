import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { childPath, pathCodes, provinceOf, subtreeRange } from './path';
import { membersAsOf, membershipChangeDates, type Membership } from './membership';
import { inForceOn } from './unit';

describe('materialised paths', () => {
  it('builds paths root first', () => {
    const p = childPath(childPath(childPath(null, '100000'), '330000'), '330100');
    expect(p).toBe('/100000/330000/330100/');
    expect(pathCodes(p)).toEqual(['100000', '330000', '330100']);
    expect(provinceOf(p)).toBe('330000');
    expect(provinceOf('/100000/')).toBe('100000');
  });
  it('a subtree range holds exactly the descendants (property)', () => {
    const code = fc.stringMatching(/^[0-9]{2,12}$/);
    fc.assert(
      fc.property(
        fc.array(code, { minLength: 1, maxLength: 4 }),
        fc.array(code, { minLength: 1, maxLength: 4 }),
        (a, b) => {
          const pa = a.reduce<string | null>((p, c) => childPath(p, c), null) as string;
          const pb = b.reduce<string | null>((p, c) => childPath(p, c), null) as string;
          const { from, to } = subtreeRange(pa);
          const inside = pb >= from && pb < to;
          const isDescendant = b.length >= a.length && a.every((c, i) => b[i] === c);
          expect(inside).toBe(isDescendant);
        },
      ),
    );
  });
});

describe('dated membership', () => {
  const m = (unitCode: string, validFrom: string | null, validTo: string | null): Membership => ({
    groupCode: 'g',
    unitCode,
    validFrom,
    validTo,
  });
  const ms = [m('a', null, '2024-08-01'), m('b', '2024-08-01', null), m('c', '2024-08-01', '2025-05-28')];
  it('uses from-inclusive, to-exclusive dates', () => {
    expect(membersAsOf(ms, 'g', '2024-07-31')).toEqual(['a']);
    expect(membersAsOf(ms, 'g', '2024-08-01')).toEqual(['b', 'c']);
    expect(membersAsOf(ms, 'g', '2025-05-27')).toEqual(['b', 'c']);
    expect(membersAsOf(ms, 'g', '2025-05-28')).toEqual(['b']);
    expect(membersAsOf(ms, 'other', '2025-01-01')).toEqual([]);
    expect(membershipChangeDates(ms, 'g')).toEqual(['2024-08-01', '2025-05-28']);
    expect(inForceOn({ validFrom: null, validTo: null }, '1900-01-01')).toBe(true);
  });
});
